import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findStreamDestination, insertStreamDestination } from "@/db/queries/stream-destinations";
import { findDeliverabilitySettings, saveDeliverabilitySettings } from "@/db/queries/suppressions";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { decryptSecret, encryptSecret, sealedKeyVersion } from "@/lib/channels/secret-box";
import { keyRingFrom } from "@/lib/crypto/app-secret";
import { resealDeliverabilitySecrets } from "@/lib/deliverability/reseal-deliverability-secrets";
import { SEAL_PURPOSE } from "@/lib/deliverability/deliverability-settings";
import { secretPlace } from "@/lib/stream/destinations/destination-kinds";
import { resealStreamSecrets } from "@/lib/stream/reseal-stream-secrets";

/**
 * The secrets stored outside channel settings move with an AUTH_SECRET rotation too: a webhook
 * destination's signing secret and the ESPs' webhook keys are sealed again under the new secret,
 * so dropping the old one breaks neither the stream's signatures nor the feedback receivers.
 */
const OLD = "old-secret-old-secret-old-secret-0001";
const NEW = "new-secret-new-secret-new-secret-0002";
const ring = (secrets: string[], purpose: string) => keyRingFrom(secrets, purpose);

let close: () => Promise<void>;
beforeAll(async () => {
  ({ close } = await useTestDb());
});
afterAll(() => close());

describe("re-sealing the stream's and the ESP webhooks' secrets", () => {
  it("moves a destination's signing secret to the new key once, and leaves one no key opens", async () => {
    const before = ring([OLD], "channel-secrets");
    const during = ring([NEW, OLD], "channel-secrets");
    const after = ring([NEW], "channel-secrets");
    const ws = (await makeTenant("Stream rotation")).workspace.id;
    const add = async (name: string, secret: string, key = before.current) => {
      const id = crypto.randomUUID();
      await insertStreamDestination({
        id,
        workspaceId: ws,
        name,
        kind: "webhook",
        config: {
          url: "https://hooks.example.com/w",
          secret: encryptSecret(secret, key, secretPlace(id)),
        },
      });
      return id;
    };
    const kept = await add("Warehouse", "whsec_kept");
    const lost = await add(
      "Lost",
      "whsec_lost",
      ring(["gone-secret-gone-secret-gone-0003"], "channel-secrets").current,
    );
    const lostBox = (await findStreamDestination(ws, lost))!.config.secret;

    const first = await resealStreamSecrets(during);
    expect(first).toMatchObject({ resealed: 1, unreadable: [`${ws}/stream:${lost}`] });
    const box = String((await findStreamDestination(ws, kept))!.config.secret);
    expect(sealedKeyVersion(box)).toBe(after.current.id);
    expect(decryptSecret(box, after.all, secretPlace(kept))).toBe("whsec_kept");
    // The rest of the destination's settings are untouched, and the lost one is left as it was.
    expect((await findStreamDestination(ws, kept))!.config.url).toBe("https://hooks.example.com/w");
    expect((await findStreamDestination(ws, lost))!.config.secret).toBe(lostBox);

    expect(await resealStreamSecrets(during)).toMatchObject({ resealed: 0, current: 1 });
  });

  it("moves the Mailgun and Resend keys to the new key, keeping SendGrid's public key as it is", async () => {
    const before = ring([OLD], SEAL_PURPOSE);
    const during = ring([NEW, OLD], SEAL_PURPOSE);
    const after = ring([NEW], SEAL_PURPOSE);
    const ws = (await makeTenant("ESP rotation")).workspace.id;
    const seal = (name: string, v: string) => encryptSecret(v, before.current, `${ws}.${name}`);
    await saveDeliverabilitySettings(ws, {
      softBounceLimit: 3,
      softBounceWindowDays: 7,
      softBounceSuppressDays: 7,
      keys: {
        sendgridPublicKey: "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE",
        mailgunSigningKey: seal("mailgunSigningKey", "mg-key"),
        resendSecret: seal("resendSecret", "whsec_resend"),
      },
      updatedBy: null,
      updatedAt: new Date(),
    });

    expect(await resealDeliverabilitySecrets(during)).toMatchObject({
      resealed: 2,
      unreadable: [],
    });
    const keys = (await findDeliverabilitySettings(ws))!.keys;
    expect(keys.sendgridPublicKey).toBe("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE");
    expect(decryptSecret(keys.mailgunSigningKey!, after.all, `${ws}.mailgunSigningKey`)).toBe(
      "mg-key",
    );
    expect(decryptSecret(keys.resendSecret!, after.all, `${ws}.resendSecret`)).toBe("whsec_resend");
    expect(await resealDeliverabilitySecrets(during)).toMatchObject({ resealed: 0, current: 2 });
  });
});
