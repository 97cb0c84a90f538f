// Types for decide-browser.mjs, which stays plain JavaScript so it runs before `npm install`.
export type BrowserProbe = {
  env: Record<string, string | undefined>;
  platform: string;
  home: string;
  uid: number | undefined;
  isDebianLike: boolean;
  isExecutable: (file: string) => boolean;
  listDir: (dir: string) => string[];
};

export type BrowserFound = {
  path: string;
  source: "CHROMIUM_PATH" | "system" | "playwright-cache";
};

export type InstallAttempt = { why: string; commands: string[][] };

export const SYSTEM_BROWSER_NAMES: string[];
export const SYSTEM_BROWSER_PATHS: string[];
export function playwrightCacheDir(probe: Pick<BrowserProbe, "env" | "platform" | "home">): string;
export function locateBrowser(probe: BrowserProbe): BrowserFound | { error: string } | null;
export function planInstall(
  probe: Pick<BrowserProbe, "platform" | "uid" | "isDebianLike">,
): InstallAttempt[];
export function noBrowserMessage(
  probe: Pick<BrowserProbe, "platform" | "uid" | "isDebianLike">,
): string;
