import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listChannelProviderRows, upsertChannelProvider } from "@/db/queries/channel-providers";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { ZProviderConfig } from "@/lib/channels/provider-config";
import {
  openConfig,
  sealConfig,
  sealedKeyVersion,
  type TSealedConfig,
} from "@/lib/channels/secret-box";
import { keyRingFrom } from "@/lib/crypto/app-secret";
import { resealChannelSecrets } from "./reseal-channel-secrets";

/**
 * The second half of an AUTH_SECRET rotation: channel secrets sealed under the previous secret
 * (and rows from before key versions) are sealed again under the new one, so the old secret can be
 * dropped; settings no kept secret opens are reported, never overwritten.
 */
const OLD = "old-secret-old-secret-old-secret-0001";
const NEW = "new-secret-new-secret-new-secret-0002";
const purpose = "channel-secrets";
const before = keyRingFrom([OLD], purpose);
const during = keyRingFrom([NEW, OLD], purpose);
const after = keyRingFrom([NEW], purpose);

const smtp = ZProviderConfig.parse({
  kind: "smtp",
  host: "smtp.acme.test",
  port: 587,
  user: "mailer",
  password: "hunter2-very-secret",
  from: "hello@acme.test",
});
const twilio = ZProviderConfig.parse({
  kind: "twilio",
  accountSid: "AC00000000000000000000000000000001",
  authToken: "twilio-auth-token-secret",
  fromNumber: "+15005550006",
});

let close: () => Promise<void>;
beforeAll(async () => {
  ({ close } = await useTestDb());
});
afterAll(() => close());

const stored = async (ws: string, kind: string) =>
  (await listChannelProviderRows(ws)).find((r) => r.kind === kind)!.config as TSealedConfig;

describe("re-sealing channel secrets after an AUTH_SECRET rotation", () => {
  it("moves secrets of the previous secret (and v1 rows) to the new one, once, and reports what no kept secret opens", async () => {
    const a = (await makeTenant("Old key")).workspace.id;
    const b = (await makeTenant("Legacy box")).workspace.id;
    const c = (await makeTenant("Lost key")).workspace.id;
    const put = (workspaceId: string, kind: string, config: TSealedConfig) =>
      upsertChannelProvider({ workspaceId, kind, config, updatedBy: null });
    await put(a, "smtp", sealConfig(smtp, before.current));
    // Before key versions: a bare key, `v1:` boxes.
    await put(b, "twilio", sealConfig(twilio, before.current.key));
    const lost = sealConfig(
      smtp,
      keyRingFrom(["gone-secret-gone-secret-gone-0003"], purpose).current,
    );
    await put(c, "smtp", lost);
    expect((await stored(b, "twilio")).authToken).toMatch(/^v1:/);

    const first = await resealChannelSecrets(during);
    expect(first.resealed).toBe(2);
    expect(first.unreadable).toEqual([`${c}/smtp`]);

    // Now only the new secret is needed: drop the old one and everything still opens.
    expect(openConfig(await stored(a, "smtp"), after.all)).toEqual(smtp);
    expect(openConfig(await stored(b, "twilio"), after.all)).toEqual(twilio);
    const box = (await stored(a, "smtp")).password as string;
    expect(box).toMatch(/^v2:/);
    expect(sealedKeyVersion(box)).toBe(after.current.id);
    // The unreadable row is left exactly as it was (its secrets must be entered again).
    expect(await stored(c, "smtp")).toEqual(lost);

    const second = await resealChannelSecrets(during);
    expect(second).toMatchObject({ resealed: 0, unreadable: [`${c}/smtp`] });
    expect(second.current).toBeGreaterThanOrEqual(2);
  });
});
