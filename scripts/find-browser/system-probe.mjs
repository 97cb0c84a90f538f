// The real machine, in the shape `locateBrowser` and `planInstall` (decide-browser.mjs) take.
import { accessSync, constants, existsSync, readdirSync, statSync } from "node:fs";
import os from "node:os";

export function systemProbe(env = process.env) {
  return {
    env,
    platform: process.platform,
    home: os.homedir(),
    uid: typeof process.getuid === "function" ? process.getuid() : undefined,
    isDebianLike: existsSync("/etc/debian_version"),
    isExecutable: (file) => {
      try {
        accessSync(file, constants.X_OK);
        return statSync(file).isFile();
      } catch {
        return false;
      }
    },
    listDir: (dir) => {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    },
  };
}
