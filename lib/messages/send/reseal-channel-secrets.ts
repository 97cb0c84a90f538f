import { listAllChannelProviderRows, replaceSealedConfig } from "@/db/queries/channel-providers";
import {
  isSealed,
  openConfig,
  sealConfig,
  sealedKeyVersion,
  type TSealedConfig,
} from "@/lib/channels/secret-box";
import { appKeyRing, type TKeyRing } from "@/lib/crypto/app-secret";

export type TResealResult = {
  /** Configs sealed again under the current key. */
  resealed: number;
  /** Configs already under it. */
  current: number;
  /** `workspace/kind` of configs no kept key opens: their secrets must be entered again. */
  unreadable: string[];
};

/** True when every secret of the config is a `v2:` box of the current key that opens with it. */
function sealedUnderCurrent(config: TSealedConfig, ring: TKeyRing): boolean {
  const boxes = Object.values(flatten(config)).filter(isSealed);
  if (boxes.some((b) => sealedKeyVersion(b) !== ring.current.id)) return false;
  try {
    openConfig(config, [ring.current]);
    return true;
  } catch {
    return false;
  }
}

const flatten = (
  o: unknown,
  out: Record<string, unknown> = {},
  at = "",
): Record<string, unknown> => {
  if (o && typeof o === "object")
    for (const [k, v] of Object.entries(o)) flatten(v, out, at ? `${at}.${k}` : k);
  else out[at] = o;
  return out;
};

/**
 * The second half of an AUTH_SECRET rotation (docs/operations.md): every provider config whose
 * secrets were sealed under a previous secret (or before key versions) is opened with the kept
 * keys and sealed again under the current one, so the previous secret can then be dropped. Runs at
 * start (after migrations) and from `npm run db:reseal-secrets`; a second run changes nothing.
 */
export async function resealChannelSecrets(
  ring: TKeyRing = appKeyRing("channel-secrets"),
): Promise<TResealResult> {
  const result: TResealResult = { resealed: 0, current: 0, unreadable: [] };
  for (const row of await listAllChannelProviderRows()) {
    const stored = row.config as TSealedConfig;
    if (sealedUnderCurrent(stored, ring)) {
      result.current++;
      continue;
    }
    let opened;
    try {
      opened = openConfig(stored, ring.all);
    } catch {
      result.unreadable.push(`${row.workspaceId}/${row.kind}`);
      continue;
    }
    const to = sealConfig(opened, ring.current);
    if (await replaceSealedConfig({ ...row, from: row.config, to })) result.resealed++;
  }
  return result;
}
