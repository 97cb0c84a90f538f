import type { BrowserProbe } from "./decide-browser.mjs";

export function systemProbe(env?: Record<string, string | undefined>): BrowserProbe;
