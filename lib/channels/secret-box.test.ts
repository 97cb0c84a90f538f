import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { ZProviderConfig, type TProviderConfig } from "./provider-config";
import {
  decryptSecret,
  deriveSecretKey,
  encryptSecret,
  mergeConfigUpdate,
  openConfig,
  redactConfig,
  sealConfig,
  SecretBoxError,
  sealedKeyVersion,
} from "./secret-box";
import { keyRingFrom } from "@/lib/crypto/app-secret";

const key = randomBytes(32);
const smtp = ZProviderConfig.parse({
  kind: "smtp",
  host: "smtp.acme.test",
  port: 587,
  user: "mailer",
  password: "hunter2-very-secret",
  from: "hello@acme.test",
});
const fcm = ZProviderConfig.parse({
  kind: "fcm",
  serviceAccount: JSON.stringify({
    project_id: "acme",
    client_email: "push@acme.iam.test",
    private_key: "-----BEGIN PRIVATE KEY-----\nAAAA-secret-key\n-----END PRIVATE KEY-----\n",
  }),
});

describe("secret box", () => {
  it("round-trips a secret, with a fresh IV each time", () => {
    const a = encryptSecret("p@ss wörd", key);
    const b = encryptSecret("p@ss wörd", key);
    expect(a).toMatch(/^v1:[\w-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("p@ss");
    expect(decryptSecret(a, key)).toBe("p@ss wörd");
  });

  it("detects a tampered box", () => {
    const box = encryptSecret("secret", key);
    const raw = Buffer.from(box.slice(3), "base64url");
    raw[raw.length - 1]! ^= 1;
    expect(() => decryptSecret(`v1:${raw.toString("base64url")}`, key)).toThrow(SecretBoxError);
    expect(() => decryptSecret("v1:abc", key)).toThrow(/truncated/);
    expect(() => decryptSecret("v3:abc", key)).toThrow(/unknown version/);
  });

  it("refuses a wrong key and a box moved to another field", () => {
    const box = encryptSecret("secret", key, "smtp.password");
    expect(() => decryptSecret(box, randomBytes(32), "smtp.password")).toThrow(
      /wrong key or altered/,
    );
    expect(() => decryptSecret(box, key, "webhook.secret")).toThrow(SecretBoxError);
    expect(() => encryptSecret("x", randomBytes(16))).toThrow(/32 bytes/);
  });

  it("derives distinct 32-byte keys per purpose from one secret", () => {
    const a = deriveSecretKey("a-long-auth-secret-value-123456");
    expect(a).toHaveLength(32);
    expect(a.equals(deriveSecretKey("a-long-auth-secret-value-123456"))).toBe(true);
    expect(a.equals(deriveSecretKey("a-long-auth-secret-value-123456", "other"))).toBe(false);
  });

  it("seals exactly the secret fields and opens them again", () => {
    const sealed = sealConfig(smtp, key);
    expect(sealed).toMatchObject({ kind: "smtp", host: "smtp.acme.test", user: "mailer" });
    expect(sealed.password).toMatch(/^v1:/);
    expect(JSON.stringify(sealed)).not.toContain("hunter2");
    expect(openConfig(sealed, key)).toEqual(smtp);

    const sealedFcm = sealConfig(fcm, key);
    expect(JSON.stringify(sealedFcm)).not.toContain("secret-key");
    expect((sealedFcm.serviceAccount as Record<string, string>).client_email).toBe(
      "push@acme.iam.test",
    );
    expect(openConfig(sealedFcm, key)).toEqual(fcm);
    expect(() => openConfig(sealed, randomBytes(32))).toThrow(SecretBoxError);
  });

  it.each<[string, TProviderConfig]>([
    ["smtp", smtp],
    ["fcm", fcm],
    [
      "twilio",
      ZProviderConfig.parse({
        kind: "twilio",
        accountSid: "AC1",
        authToken: "tok-secret-123",
        fromNumber: "+15550001",
      }),
    ],
    [
      "webhook",
      ZProviderConfig.parse({
        kind: "webhook",
        url: "https://hooks.acme.test/w",
        secret: "whsec-0123456789abcdef",
      }),
    ],
    [
      "apns",
      ZProviderConfig.parse({
        kind: "apns",
        keyId: "K",
        teamId: "T",
        bundleId: "b",
        privateKey: "-----BEGIN PRIVATE KEY-----\nsecretp8\n-----END PRIVATE KEY-----",
      }),
    ],
  ])("redacts every %s secret, opened or sealed, to a marker", (_kind, config) => {
    for (const shown of [redactConfig(config), redactConfig(sealConfig(config, key))]) {
      const text = JSON.stringify(shown);
      expect(text).not.toMatch(/hunter2|secret-key|tok-secret|whsec|secretp8|v1:/);
      expect(text).toContain('{"set":true}');
    }
  });

  it("marks an unset optional secret as not set", () => {
    const open = ZProviderConfig.parse({ kind: "smtp", host: "h", from: "a@b.test" });
    expect(redactConfig(open)).toMatchObject({ password: { set: false } });
  });
});

describe("mergeConfigUpdate", () => {
  it("keeps a stored secret left blank or sent back as its marker, and takes a new one", () => {
    const form = { ...redactConfig(smtp), host: "smtp2.acme.test" };
    expect(mergeConfigUpdate(smtp, form)).toEqual({ ...smtp, host: "smtp2.acme.test" });
    expect(mergeConfigUpdate(smtp, { ...form, password: "" })).toMatchObject({
      password: "hunter2-very-secret",
    });
    expect(mergeConfigUpdate(smtp, { ...form, password: "new-pass" })).toMatchObject({
      password: "new-pass",
    });
  });

  it("keeps the service account key when the account is unchanged or re-sent without it", () => {
    expect(mergeConfigUpdate(fcm, { kind: "fcm", baseUrl: "http://127.0.0.1:9" })).toEqual({
      ...fcm,
      baseUrl: "http://127.0.0.1:9",
    });
    const serviceAccount = redactConfig(fcm).serviceAccount as Record<string, unknown>;
    const merged = mergeConfigUpdate(fcm, {
      kind: "fcm",
      serviceAccount: { ...serviceAccount, client_email: "new@acme.iam.test" },
    });
    expect(merged.kind === "fcm" && merged.serviceAccount).toMatchObject({
      client_email: "new@acme.iam.test",
      private_key: fcm.kind === "fcm" && fcm.serviceAccount.private_key,
    });
  });

  it("keeps nothing when the kind changes, and names a missing field", () => {
    try {
      mergeConfigUpdate(smtp, { kind: "webhook", url: "https://x.test" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ZodError);
      expect((err as ZodError).issues.map((i) => i.path.join("."))).toEqual(["secret"]);
    }
  });

  it("names the bad field of a new config", () => {
    const err = (() => {
      try {
        mergeConfigUpdate(null, { kind: "smtp", host: "h", from: "not-an-email" });
      } catch (e) {
        return e as ZodError;
      }
    })();
    expect(err?.issues[0]).toMatchObject({ path: ["from"], message: "must be an email address" });
  });
});

describe("secret box across an AUTH_SECRET rotation", () => {
  const old = keyRingFrom(["old-secret-old-secret-old-secret-0001"], "channel-secrets");
  const during = keyRingFrom(
    ["new-secret-new-secret-new-secret-0002", "old-secret-old-secret-old-secret-0001"],
    "channel-secrets",
  );
  const after = keyRingFrom(["new-secret-new-secret-new-secret-0002"], "channel-secrets");

  it("seals under the current key version and opens what the previous secret sealed", () => {
    const sealed = encryptSecret("hunter2", old.current, "smtp.password");
    expect(sealed).toMatch(/^v2:/);
    expect(sealedKeyVersion(sealed)).toBe(old.current.id);
    expect(decryptSecret(sealed, during.all, "smtp.password")).toBe("hunter2");
    expect(() => decryptSecret(sealed, after.all, "smtp.password")).toThrow(SecretBoxError);
    const fresh = encryptSecret("hunter2", during.current, "smtp.password");
    expect(decryptSecret(fresh, after.all, "smtp.password")).toBe("hunter2");
  });

  it("opens v1 boxes (before key versions) under any kept key", () => {
    const legacy = encryptSecret("hunter2", old.current.key, "smtp.password");
    expect(legacy).toMatch(/^v1:/);
    expect(decryptSecret(legacy, during.all, "smtp.password")).toBe("hunter2");
    expect(() => decryptSecret(legacy, after.all, "smtp.password")).toThrow(SecretBoxError);
  });

  it("refuses a box re-labelled with another key version", () => {
    const raw = Buffer.from(encryptSecret("hunter2", old.current).slice(3), "base64url");
    raw[0] = during.current.id;
    expect(() => decryptSecret(`v2:${raw.toString("base64url")}`, during.all)).toThrow(
      SecretBoxError,
    );
  });
});
