// The registry mirror here serves only linux-x64 builds of platform-specific optional packages
// (Next's SWC, Tailwind's oxide, the resolver used by eslint-config-next). npm then writes a lock
// without the other platforms' entries, and `npm ci` refuses that lock as out of sync. This adds
// the missing entries with the os/cpu/libc npm needs to skip them, so `npm ci` stays strict.
// Idempotent; run after `npm install` (and .ci/run runs it before `npm ci`).
import { readFileSync, writeFileSync } from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
const pkgs = lock.packages;

function platformOf(name) {
  const tail = name.split("/").pop();
  const os = [
    "android",
    "darwin",
    "freebsd",
    "linux",
    "win32",
    "openharmony",
    "sunos",
    "aix",
    "netbsd",
    "openbsd",
  ].find((o) => tail.includes(`-${o}-`) || tail.endsWith(`-${o}`));
  const cpu = [
    "arm64",
    "x64",
    "ia32",
    "arm",
    "loong64",
    "ppc64",
    "riscv64",
    "s390x",
    "wasm32",
    "mips64el",
  ].find((c) => new RegExp(`-${c}(-|$)`).test(tail));
  if (!cpu) return null;
  const out = { cpu: [cpu] };
  if (os) out.os = [os];
  if (tail.includes("musl")) out.libc = ["musl"];
  else if (os === "linux" && tail.includes("gnu")) out.libc = ["glibc"];
  return out;
}

let added = 0;
for (const [path, meta] of Object.entries(pkgs)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ""}node_modules/${dep}`;
    if (pkgs[nested] || pkgs[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform)
      throw new Error(
        `${dep} (optional dependency of ${path}) is missing from the lock and is not a platform package`,
      );
    pkgs[`node_modules/${dep}`] = {
      version,
      ...(meta.dev ? { dev: true } : {}),
      optional: true,
      ...platform,
    };
    added++;
  }
}
if (added) {
  lock.packages = Object.fromEntries(
    Object.entries(pkgs).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
  );
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
}
console.info(`complete-lockfile: ${added} platform entr${added === 1 ? "y" : "ies"} added`);
