import {
  listDeliverabilityKeysAnyWorkspace,
  replaceDeliverabilityKeysAnyWorkspace,
} from "@/db/queries/suppressions";
import { isSealed, resealBox } from "@/lib/channels/secret-box";
import { appKeyRing, type TKeyRing } from "@/lib/crypto/app-secret";
import type { TResealResult } from "@/lib/messages/send/reseal-channel-secrets";
import { SEAL_PURPOSE } from "./deliverability-settings";

/**
 * The ESPs' webhook signing keys (Mailgun, Resend) after an AUTH_SECRET rotation: sealed again
 * under the current key, a workspace's keys in one compare-and-swap update. A key no kept secret
 * opens is reported (enter it again in Settings → Deliverability) and left as it is.
 */
export async function resealDeliverabilitySecrets(
  ring: TKeyRing = appKeyRing(SEAL_PURPOSE),
): Promise<TResealResult> {
  const result: TResealResult = { resealed: 0, current: 0, unreadable: [] };
  for (const row of await listDeliverabilityKeysAnyWorkspace()) {
    const to: Record<string, string> = { ...row.keys };
    let moved = 0;
    for (const [name, value] of Object.entries(row.keys)) {
      if (!isSealed(value)) continue;
      const r = resealBox(value, ring, `${row.workspaceId}.${name}`);
      if (r.state === "current") result.current++;
      else if (r.state === "unreadable") result.unreadable.push(`${row.workspaceId}/${name}`);
      else {
        to[name] = r.box;
        moved++;
      }
    }
    if (
      moved &&
      (await replaceDeliverabilityKeysAnyWorkspace({
        workspaceId: row.workspaceId,
        from: row.keys,
        to,
      }))
    )
      result.resealed += moved;
  }
  return result;
}
