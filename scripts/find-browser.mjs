#!/usr/bin/env node
// Finds the Chromium the e2e tests drive, installing one if the machine has none, so that
// `npm test` works on a fresh machine. Run by `npm run test:e2e` before the build; prints what it
// does and the browser's path. playwright.config.ts finds the same browser with `locateBrowser`.
// No dependencies: it also runs on a fresh clone before `npm install` (see .ci/run).
import { spawnSync } from "node:child_process";
import { locateBrowser, noBrowserMessage, planInstall } from "./find-browser/decide-browser.mjs";
import { systemProbe } from "./find-browser/system-probe.mjs";

// apt-get and dpkg need the system directories even when the caller's PATH is trimmed.
const SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

function run(command) {
  console.info(`[find-browser] $ ${command.join(" ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (command[0] === "apt-get") env.PATH = `${process.env.PATH ?? ""}:${SYSTEM_PATH}`;
  const result = spawnSync(command[0], command.slice(1), { stdio: "inherit", env });
  if (result.error)
    console.error(`[find-browser] could not run ${command[0]}: ${result.error.message}`);
  return result.status === 0;
}

function report(found) {
  console.info(`[find-browser] using ${found.path} (found via ${found.source})`);
}

function main() {
  const probe = systemProbe();
  const found = locateBrowser(probe);
  if (found?.error) {
    console.error(`[find-browser] ${found.error}`);
    return 1;
  }
  if (found) {
    report(found);
    return 0;
  }
  for (const attempt of planInstall(probe)) {
    console.info(`[find-browser] ${attempt.why}`);
    if (!attempt.commands.every(run)) continue;
    const installed = locateBrowser(probe);
    if (installed && !installed.error) {
      report(installed);
      return 0;
    }
    console.error("[find-browser] the install finished but no Chromium turned up where expected.");
  }
  console.error(`[find-browser] ${noBrowserMessage(probe)}`);
  return 1;
}

process.exit(main());
