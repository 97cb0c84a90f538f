import {
  listStreamSecretsAnyWorkspace,
  replaceStreamSecretAnyWorkspace,
} from "@/db/queries/stream-destinations";
import { resealBox } from "@/lib/channels/secret-box";
import { appKeyRing, type TKeyRing } from "@/lib/crypto/app-secret";
import type { TResealResult } from "@/lib/messages/send/reseal-channel-secrets";
import { secretPlace } from "./destinations/destination-kinds";

/**
 * Webhook destinations' signing secrets after an AUTH_SECRET rotation: sealed again under the
 * current key (the same ring as channel secrets, bound to the destination's row), so the previous
 * AUTH_SECRET can be dropped without the stream losing its signatures.
 */
export async function resealStreamSecrets(
  ring: TKeyRing = appKeyRing("channel-secrets"),
): Promise<TResealResult> {
  const result: TResealResult = { resealed: 0, current: 0, unreadable: [] };
  for (const row of await listStreamSecretsAnyWorkspace()) {
    const r = resealBox(row.secret, ring, secretPlace(row.id));
    if (r.state === "current") result.current++;
    else if (r.state === "unreadable")
      result.unreadable.push(`${row.workspaceId}/stream:${row.id}`);
    else if (await replaceStreamSecretAnyWorkspace({ id: row.id, from: row.secret, to: r.box }))
      result.resealed++;
  }
  return result;
}
