// Which Chromium the e2e tests drive, and what to do when there is none. Pure: everything it
// looks at (environment, platform, user id, files) comes in through `probe`, so every branch is
// unit-tested (decide-browser.test.ts). Plain JavaScript with no dependencies, so it runs on a
// fresh clone before `npm install` (the CI check in .ci/run does exactly that).
import path from "node:path";

/** Chromium's names on PATH, in the order we prefer them. */
export const SYSTEM_BROWSER_NAMES = [
  "chromium",
  "chromium-browser",
  "google-chrome",
  "google-chrome-stable",
];

/** Where Debian's package puts it, looked at even when /usr/bin is not on PATH. */
export const SYSTEM_BROWSER_PATHS = ["/usr/bin/chromium"];

/** Inside a Playwright `chromium-<revision>` folder, per platform (old and new layouts). */
const CACHE_EXECUTABLES = {
  linux: [
    ["chrome-linux64", "chrome"],
    ["chrome-linux-arm64", "chrome"],
    ["chrome-linux", "chrome"],
  ],
  darwin: [
    [
      "chrome-mac-arm64",
      "Google Chrome for Testing.app",
      "Contents",
      "MacOS",
      "Google Chrome for Testing",
    ],
    [
      "chrome-mac-x64",
      "Google Chrome for Testing.app",
      "Contents",
      "MacOS",
      "Google Chrome for Testing",
    ],
    ["chrome-mac", "Chromium.app", "Contents", "MacOS", "Chromium"],
  ],
  win32: [
    ["chrome-win64", "chrome.exe"],
    ["chrome-win", "chrome.exe"],
  ],
};

/** Playwright's browser cache, as playwright-core computes it. */
export function playwrightCacheDir({ env, platform, home }) {
  if (env.PLAYWRIGHT_BROWSERS_PATH && env.PLAYWRIGHT_BROWSERS_PATH !== "0") {
    return env.PLAYWRIGHT_BROWSERS_PATH;
  }
  if (platform === "darwin") return path.join(home, "Library", "Caches", "ms-playwright");
  if (platform === "win32") {
    return path.join(env.LOCALAPPDATA || path.join(home, "AppData", "Local"), "ms-playwright");
  }
  return path.join(env.XDG_CACHE_HOME || path.join(home, ".cache"), "ms-playwright");
}

/**
 * The browser to use, or null. `probe`: { env, platform, home, isExecutable(path), listDir(dir) }.
 * Returns { path, source } where source says which rule found it, or { error } when CHROMIUM_PATH
 * names something that is not there (a typo must not silently fall through to another browser).
 */
export function locateBrowser(probe) {
  const { env, platform, isExecutable, listDir } = probe;
  if (env.CHROMIUM_PATH) {
    return isExecutable(env.CHROMIUM_PATH)
      ? { path: env.CHROMIUM_PATH, source: "CHROMIUM_PATH" }
      : { error: `CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file. Fix or unset it.` };
  }
  const dirs = (env.PATH ?? "").split(platform === "win32" ? ";" : ":").filter(Boolean);
  const onPath = SYSTEM_BROWSER_NAMES.flatMap((name) => dirs.map((d) => path.join(d, name)));
  for (const candidate of [...SYSTEM_BROWSER_PATHS, ...onPath]) {
    if (isExecutable(candidate)) return { path: candidate, source: "system" };
  }
  const cache = playwrightCacheDir(probe);
  // Newest revision first: `chromium-1200` before `chromium-1187`.
  const revisions = listDir(cache)
    .filter((name) => /^chromium-\d+$/.test(name))
    .sort((a, b) => Number(b.slice(9)) - Number(a.slice(9)));
  for (const revision of revisions) {
    for (const parts of CACHE_EXECUTABLES[platform] ?? []) {
      const candidate = path.join(cache, revision, ...parts);
      if (isExecutable(candidate)) return { path: candidate, source: "playwright-cache" };
    }
  }
  return null;
}

/**
 * How to get a browser when none is found, as a list of attempts tried in order: on Debian or
 * Ubuntu as root, the distribution's package (from the package mirrors, updated with the system,
 * installed at /usr/bin/chromium). Nothing else is installed unasked: a browser download from a
 * CDN fails on machines that reach only package mirrors, so elsewhere the message says what to do.
 * `probe`: { platform, uid, isDebianLike }.
 */
export function planInstall({ platform, uid, isDebianLike }) {
  if (platform !== "linux" || uid !== 0 || !isDebianLike) return [];
  return [
    {
      why: "No Chromium found; installing Debian/Ubuntu's `chromium` package with apt-get (needs the package mirrors).",
      commands: [
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"],
      ],
    },
  ];
}

/** What to tell someone when every attempt failed. */
export function noBrowserMessage({ platform, uid, isDebianLike }) {
  const lines = [
    "No Chromium for the end-to-end tests, and none could be installed here. Do one of these, then run the tests again:",
    "  - set CHROMIUM_PATH to a Chromium or Chrome executable;",
  ];
  if (platform === "linux" && isDebianLike) {
    lines.push(
      `  - ${uid === 0 ? "" : "sudo "}apt-get install chromium   (Ubuntu: chromium-browser, or Google Chrome);`,
    );
  } else if (platform === "darwin") {
    lines.push("  - brew install --cask chromium   (or install Google Chrome);");
  } else if (platform === "win32") lines.push("  - install Google Chrome or Chromium;");
  return lines.join("\n");
}
