import { CURRENT_SCHEMA_VERSION } from "./definitions-format";

/**
 * Brings a definitions file of any earlier schema version to CURRENT_SCHEMA_VERSION, one step at
 * a time: `UPGRADES[n]` turns a version-n file into a version-(n+1) file. Version 1 is current
 * today, so the chain is empty; the next version adds its step here (and a test beside it) and
 * every file ever exported still imports. A file from a newer Waymark is refused, not guessed at.
 */
export type TUpgradeStep = (file: Record<string, unknown>) => Record<string, unknown>;
export const UPGRADES: Record<number, TUpgradeStep> = {};

export type TUpgradeResult =
  | { ok: true; file: Record<string, unknown>; from: number }
  | { ok: false; path: string; message: string };

export function upgradeDefinitions(
  raw: unknown,
  steps: Record<number, TUpgradeStep> = UPGRADES,
  current = CURRENT_SCHEMA_VERSION,
): TUpgradeResult {
  if (!raw || typeof raw !== "object" || Array.isArray(raw))
    return { ok: false, path: "(file)", message: "must be a JSON object" };
  const version = (raw as Record<string, unknown>).schemaVersion;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1)
    return { ok: false, path: "schemaVersion", message: "must be a whole number from 1" };
  if (version > current)
    return {
      ok: false,
      path: "schemaVersion",
      message: `is ${version}, newer than this Waymark reads (${current}); upgrade Waymark first`,
    };
  let file = raw as Record<string, unknown>;
  for (let v = version; v < current; v++) {
    const step = steps[v];
    if (!step) return { ok: false, path: "schemaVersion", message: `no upgrade from ${v}` };
    file = { ...step(file), schemaVersion: v + 1 };
  }
  return { ok: true, file, from: version };
}
