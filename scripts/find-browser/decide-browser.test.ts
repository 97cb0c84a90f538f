import { describe, expect, it } from "vitest";
import {
  locateBrowser,
  noBrowserMessage,
  planInstall,
  playwrightCacheDir,
  type BrowserProbe,
} from "./decide-browser.mjs";

/** A machine described by the executables and folders it has. */
function machine(
  over: Partial<BrowserProbe> & { files?: string[]; dirs?: Record<string, string[]> },
) {
  const files = new Set(over.files ?? []);
  const dirs = over.dirs ?? {};
  return {
    env: { PATH: "/usr/local/bin:/usr/bin:/bin" },
    platform: "linux",
    home: "/home/ada",
    uid: 1000,
    isDebianLike: true,
    isExecutable: (file: string) => files.has(file),
    listDir: (dir: string) => dirs[dir] ?? [],
    ...over,
  } satisfies BrowserProbe;
}

describe("locateBrowser", () => {
  it("takes CHROMIUM_PATH first, over a system Chromium", () => {
    const probe = machine({
      env: { CHROMIUM_PATH: "/opt/chrome/chrome", PATH: "/usr/bin" },
      files: ["/opt/chrome/chrome", "/usr/bin/chromium"],
    });
    expect(locateBrowser(probe)).toEqual({ path: "/opt/chrome/chrome", source: "CHROMIUM_PATH" });
  });

  it("refuses a CHROMIUM_PATH that is not there instead of falling through to another browser", () => {
    const probe = machine({ env: { CHROMIUM_PATH: "/opt/typo" }, files: ["/usr/bin/chromium"] });
    expect(locateBrowser(probe)).toEqual({
      error: "CHROMIUM_PATH=/opt/typo is not an executable file. Fix or unset it.",
    });
  });

  it("finds Debian's /usr/bin/chromium even when /usr/bin is not on PATH", () => {
    const probe = machine({ env: { PATH: "/opt/node/bin" }, files: ["/usr/bin/chromium"] });
    expect(locateBrowser(probe)).toEqual({ path: "/usr/bin/chromium", source: "system" });
  });

  it("finds chromium-browser or google-chrome on PATH, in PATH order within a name", () => {
    expect(
      locateBrowser(
        machine({
          env: { PATH: "/a:/b" },
          files: ["/b/chromium-browser", "/a/google-chrome"],
        }),
      ),
    ).toEqual({ path: "/b/chromium-browser", source: "system" });
    expect(
      locateBrowser(machine({ env: { PATH: "/a:/b" }, files: ["/b/google-chrome", "/a/nothing"] })),
    ).toEqual({ path: "/b/google-chrome", source: "system" });
  });

  it("falls back to Playwright's cache, newest revision first, old and new folder layouts", () => {
    const cache = "/home/ada/.cache/ms-playwright";
    const probe = machine({
      env: { PATH: "/usr/bin" },
      dirs: {
        [cache]: ["chromium-1187", "chromium-1200", "chromium_headless_shell-1200", "ffmpeg-1011"],
      },
      files: [
        `${cache}/chromium-1187/chrome-linux/chrome`,
        `${cache}/chromium-1200/chrome-linux64/chrome`,
      ],
    });
    expect(locateBrowser(probe)).toEqual({
      path: `${cache}/chromium-1200/chrome-linux64/chrome`,
      source: "playwright-cache",
    });
    const old = machine({
      dirs: { [cache]: ["chromium-1187"] },
      files: [`${cache}/chromium-1187/chrome-linux/chrome`],
    });
    expect(locateBrowser(old)).toEqual({
      path: `${cache}/chromium-1187/chrome-linux/chrome`,
      source: "playwright-cache",
    });
  });

  it("looks in PLAYWRIGHT_BROWSERS_PATH or XDG_CACHE_HOME when set", () => {
    const base = { platform: "linux", home: "/home/ada" };
    expect(playwrightCacheDir({ ...base, env: { PLAYWRIGHT_BROWSERS_PATH: "/srv/pw" } })).toBe(
      "/srv/pw",
    );
    expect(playwrightCacheDir({ ...base, env: { XDG_CACHE_HOME: "/xdg" } })).toBe(
      "/xdg/ms-playwright",
    );
    expect(playwrightCacheDir({ ...base, env: {} })).toBe("/home/ada/.cache/ms-playwright");
    expect(playwrightCacheDir({ platform: "darwin", home: "/Users/ada", env: {} })).toBe(
      "/Users/ada/Library/Caches/ms-playwright",
    );
  });

  it("finds nothing on a machine with no browser and an empty cache", () => {
    expect(locateBrowser(machine({ files: ["/usr/bin/node"] }))).toBeNull();
  });
});

describe("planInstall", () => {
  it("as root on Debian or Ubuntu: apt-get's chromium, which lands at /usr/bin/chromium", () => {
    const attempts = planInstall({ platform: "linux", uid: 0, isDebianLike: true });
    expect(attempts.map((a) => a.commands)).toEqual([
      [
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"],
      ],
    ]);
    expect(attempts[0]!.why).toMatch(/apt-get/);
  });

  it("installs nothing without root, on other Linux distributions, or off Linux (no CDN download)", () => {
    for (const probe of [
      { platform: "linux", uid: 1000, isDebianLike: true },
      { platform: "linux", uid: 0, isDebianLike: false },
      { platform: "darwin", uid: 501, isDebianLike: false },
      { platform: "win32", uid: undefined, isDebianLike: false },
    ]) {
      expect(planInstall(probe)).toEqual([]);
    }
  });
});

describe("noBrowserMessage", () => {
  it("says what to do, with the platform's own package manager", () => {
    const debianUser = noBrowserMessage({ platform: "linux", uid: 1000, isDebianLike: true });
    expect(debianUser).toContain("set CHROMIUM_PATH");
    expect(debianUser).toContain("sudo apt-get install chromium");
    expect(debianUser).not.toContain("playwright");
    expect(noBrowserMessage({ platform: "darwin", uid: 501, isDebianLike: false })).toContain(
      "brew install --cask chromium",
    );
  });
});
