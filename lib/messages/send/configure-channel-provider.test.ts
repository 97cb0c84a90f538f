import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEntries } from "@/db/queries/audit-log";
import { listChannelProviderRows } from "@/db/queries/channel-providers";
import { executeRows } from "@/db/execute-rows";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { providerSpecs } from "@/components/settings/channels/provider-fields";
import en from "@/lib/i18n/messages/en.json";
import {
  buildProviderBody,
  initialValues,
  storedSecrets,
} from "@/components/settings/channels/provider-form-values";
import { describeChannelRoutes, OUTBOX_DESTINATION } from "@/lib/channels/describe-channel-routes";
import { openConfig, type TSealedConfig } from "@/lib/channels/secret-box";
import { NotFoundError, ValidationError } from "@/lib/errors";
import {
  listRedactedProviders,
  removeChannelProvider,
  saveChannelProvider,
} from "./configure-channel-provider";
import { channelSecretsKeys } from "./resolve-channel-provider";

// The forms as the settings page words them in English.
const words = en.channelProviders as Record<string, string>;
const PROVIDER_SPECS = providerSpecs(
  (k) => words[k]!,
  (k) => k in words,
);

const PASSWORD = "smtp-pa55word-that-must-never-leak";
const P8 =
  "-----BEGIN PRIVATE KEY-----\nMIGTAgEAMBMGByqGSM49-apns-secret-key\n-----END PRIVATE KEY-----";
const smtpForm = {
  host: "smtp.acme.com",
  port: "587",
  user: "mailer",
  password: PASSWORD,
  from: "hello@acme.com",
  fromName: "Acme",
};

let close: () => Promise<void>;
let a: Awaited<ReturnType<typeof makeTenant>>;
let b: Awaited<ReturnType<typeof makeTenant>>;

beforeAll(async () => {
  ({ close } = await useTestDb());
  a = await makeTenant("Channels A");
  b = await makeTenant("Channels B");
});
afterAll(() => close());

const rawConfig = async (workspaceId: string, kind: string) =>
  (
    await executeRows<{ raw: string }>(
      sql`select config::text as raw from channel_providers where workspace_id = ${workspaceId} and kind = ${kind}`,
    )
  )[0]?.raw;

const storedConfig = async (workspaceId: string, kind: string) => {
  const row = (await listChannelProviderRows(workspaceId)).find((r) => r.kind === kind);
  return row ? openConfig(row.config as TSealedConfig, channelSecretsKeys()) : null;
};

async function validationFields(run: () => Promise<unknown>): Promise<Record<string, string>> {
  const err = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ValidationError);
  return (err as ValidationError).fields ?? {};
}

describe("channel provider settings", () => {
  it("stores secrets sealed and never hands them back", async () => {
    const returned = await saveChannelProvider(a.workspace.id, a.user.id, "smtp", smtpForm);
    expect(returned).toMatchObject({
      kind: "smtp",
      host: "smtp.acme.com",
      port: 587,
      password: { set: true },
    });

    const raw = await rawConfig(a.workspace.id, "smtp");
    expect(raw).toContain("smtp.acme.com");
    expect(raw).not.toContain(PASSWORD);
    expect(raw).toMatch(/"password": ?"v2:[\w-]+"/);

    const listed = await listRedactedProviders(a.workspace.id);
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(PASSWORD);
    expect(listed[0]?.config).toMatchObject({
      host: "smtp.acme.com",
      user: "mailer",
      password: { set: true },
    });
    expect((await storedConfig(a.workspace.id, "smtp")) as { password?: string }).toMatchObject({
      password: PASSWORD,
    });
  });

  it("keeps the stored secret when the form sends it blank, and replaces it when typed", async () => {
    const spec = PROVIDER_SPECS.find((s) => s.kind === "smtp")!;
    const [listed] = await listRedactedProviders(a.workspace.id);
    // What the page does: the form starts from the redacted config, its password input empty.
    const values = initialValues(spec, listed!.config);
    expect(values.password).toBe("");
    expect(storedSecrets(spec, listed!.config)).toEqual({ password: true });
    await saveChannelProvider(
      a.workspace.id,
      a.user.id,
      "smtp",
      buildProviderBody(spec, { ...values, fromName: "Acme News", secure: true }),
    );
    expect(await storedConfig(a.workspace.id, "smtp")).toMatchObject({
      host: "smtp.acme.com",
      fromName: "Acme News",
      secure: true,
      password: PASSWORD,
    });
    // The redaction marker sent back is kept too, never stored as a value.
    await saveChannelProvider(a.workspace.id, a.user.id, "smtp", {
      ...smtpForm,
      password: { set: true },
    });
    expect(await storedConfig(a.workspace.id, "smtp")).toMatchObject({
      host: "smtp.acme.com",
      password: PASSWORD,
    });

    await saveChannelProvider(a.workspace.id, a.user.id, "smtp", {
      ...smtpForm,
      password: "a-new-password",
    });
    expect(await storedConfig(a.workspace.id, "smtp")).toMatchObject({
      password: "a-new-password",
    });
    expect(await rawConfig(a.workspace.id, "smtp")).not.toContain("a-new-password");
    await saveChannelProvider(a.workspace.id, a.user.id, "smtp", smtpForm);
  });

  it("asks for the secret again when the destination changes, and records the change for admins", async () => {
    const spec = PROVIDER_SPECS.find((s) => s.kind === "smtp")!;
    const [listed] = await listRedactedProviders(a.workspace.id);
    const values = initialValues(spec, listed!.config);
    // Pointing the stored password at another host: refused, naming the secret field.
    expect(
      await validationFields(() =>
        saveChannelProvider(
          a.workspace.id,
          a.user.id,
          "smtp",
          buildProviderBody(spec, { ...values, host: "attacker.example", port: "2525" }),
        ),
      ),
    ).toEqual({
      password: expect.stringMatching(/^Enter it again: host and port changed/),
    });
    expect(await storedConfig(a.workspace.id, "smtp")).toMatchObject({ host: "smtp.acme.com" });
    // Typed again: saved, and the audit log says who moved it where (never the secret).
    await saveChannelProvider(a.workspace.id, a.user.id, "smtp", {
      ...smtpForm,
      host: "mail.acme.com",
      password: "typed-again-secret",
    });
    const [entry] = await listAuditEntries(a.workspace.id, 10);
    expect(entry).toMatchObject({
      action: "channel_provider.updated",
      target: "smtp",
      actorEmail: a.user.email,
      detail: {
        destinationChanged: ["host"],
        from: { host: "smtp.acme.com" },
        to: { host: "mail.acme.com" },
        secretsEntered: ["password"],
      },
    });
    expect(JSON.stringify(await listAuditEntries(a.workspace.id, 50))).not.toMatch(
      /typed-again-secret|smtp-pa55word/,
    );
    expect(await listAuditEntries(b.workspace.id, 50)).toEqual([]);

    // The webhook URL is a destination too.
    await saveChannelProvider(a.workspace.id, a.user.id, "webhook", {
      url: "https://hooks.acme.test/in",
      secret: "whsec_first_secret",
    });
    expect(
      await validationFields(() =>
        saveChannelProvider(a.workspace.id, a.user.id, "webhook", {
          url: "https://collector.evil.test/",
          secret: "",
        }),
      ),
    ).toHaveProperty("secret");
    await removeChannelProvider(a.workspace.id, "webhook", a.user.id);
    expect((await listAuditEntries(a.workspace.id, 1))[0]).toMatchObject({
      action: "channel_provider.removed",
      target: "webhook",
    });
    await saveChannelProvider(a.workspace.id, a.user.id, "smtp", smtpForm);
  });

  it("refuses a bad port or URL with a ValidationError naming the field, and stores nothing", async () => {
    const before = await rawConfig(a.workspace.id, "smtp");
    expect(
      Object.keys(
        await validationFields(() =>
          saveChannelProvider(a.workspace.id, a.user.id, "smtp", { ...smtpForm, port: "70000" }),
        ),
      ),
    ).toEqual(["port"]);
    expect(
      Object.keys(
        await validationFields(() =>
          saveChannelProvider(a.workspace.id, a.user.id, "smtp", { ...smtpForm, port: "smtp" }),
        ),
      ),
    ).toEqual(["port"]);
    expect(await rawConfig(a.workspace.id, "smtp")).toBe(before);

    const twilio = {
      accountSid: "AC123",
      authToken: "tw-token-secret",
      fromNumber: "+14155550100",
    };
    expect(
      await validationFields(() =>
        saveChannelProvider(a.workspace.id, a.user.id, "twilio", {
          ...twilio,
          baseUrl: "ftp://api.twilio.com",
        }),
      ),
    ).toEqual({
      baseUrl: "must be an http(s) URL",
    });
    expect(
      Object.keys(
        await validationFields(() =>
          saveChannelProvider(a.workspace.id, a.user.id, "webhook", {
            url: "not a url",
            secret: "0123456789abcdef",
          }),
        ),
      ),
    ).toEqual(["url"]);
    expect(await rawConfig(a.workspace.id, "twilio")).toBeUndefined();
    expect(await rawConfig(a.workspace.id, "webhook")).toBeUndefined();
  });

  it("says where each channel goes, from the redacted configs", async () => {
    await saveChannelProvider(a.workspace.id, a.user.id, "twilio", {
      accountSid: "AC123",
      authToken: "tw-token-secret",
      fromNumber: "+14155550100",
    });
    await saveChannelProvider(a.workspace.id, a.user.id, "apns", {
      keyId: "KEY1234567",
      teamId: "TEAM123456",
      bundleId: "com.acme.app",
      privateKey: P8,
      sandbox: true,
    });
    const providers = await listRedactedProviders(a.workspace.id);
    expect(JSON.stringify(providers)).not.toMatch(/tw-token-secret|apns-secret-key/);
    const where = Object.fromEntries(
      describeChannelRoutes(providers).map((r) => [r.channel, r.destination]),
    );
    expect(where).toEqual({
      email: "SMTP smtp.acme.com:587",
      sms: "Twilio-compatible · +14155550100",
      voice: "Twilio-compatible · +14155550100",
      push: "APNs team TEAM123456 (sandbox)",
      in_app: "Built-in inbox",
      webhook: OUTBOX_DESTINATION,
    });
  });

  it("keeps one tenant's providers invisible to another", async () => {
    expect(await listRedactedProviders(b.workspace.id)).toEqual([]);
    expect(
      describeChannelRoutes(await listRedactedProviders(b.workspace.id)).find(
        (r) => r.channel === "email",
      )?.destination,
    ).toBe(OUTBOX_DESTINATION);
    // B saving its own SMTP neither sees nor changes A's.
    await saveChannelProvider(b.workspace.id, b.user.id, "smtp", {
      ...smtpForm,
      host: "smtp.b.test",
      password: "",
    });
    // A blank secret with nothing stored before stays blank: B never inherits A's password.
    expect(await storedConfig(b.workspace.id, "smtp")).toMatchObject({
      host: "smtp.b.test",
      password: "",
    });
    expect(await storedConfig(a.workspace.id, "smtp")).toMatchObject({
      host: "smtp.acme.com",
      password: PASSWORD,
    });
    await expect(removeChannelProvider(b.workspace.id, "twilio")).rejects.toBeInstanceOf(
      NotFoundError,
    );
    // B's refused removal left A's Twilio account as it was.
    expect(await storedConfig(a.workspace.id, "twilio")).toMatchObject({
      accountSid: "AC123",
      authToken: "tw-token-secret",
      fromNumber: "+14155550100",
    });
  });

  it("removing a provider sends its channels back to the outbox", async () => {
    await removeChannelProvider(a.workspace.id, "smtp");
    expect(await rawConfig(a.workspace.id, "smtp")).toBeUndefined();
    const email = describeChannelRoutes(await listRedactedProviders(a.workspace.id)).find(
      (r) => r.channel === "email",
    );
    expect(email).toMatchObject({ destination: OUTBOX_DESTINATION, via: ["outbox"] });
    await expect(removeChannelProvider(a.workspace.id, "smtp")).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("AWS providers in the settings", () => {
  const SECRET = "aws-secret-access-key-that-must-never-leak";
  const sesForm = {
    region: "eu-west-1",
    credentials: "access_key",
    accessKeyId: "AKIAEXAMPLE000000001",
    secretAccessKey: SECRET,
    from: "hello@acme.com",
    messagesPerSecond: "14",
  };

  it("seals the SES secret, routes email to SES, and names a bad region or a missing key", async () => {
    const t = await makeTenant("Channels SES");
    await saveChannelProvider(t.workspace.id, t.user.id, "ses", sesForm);
    expect(await rawConfig(t.workspace.id, "ses")).not.toContain(SECRET);
    expect(await storedConfig(t.workspace.id, "ses")).toMatchObject({
      secretAccessKey: SECRET,
      messagesPerSecond: 14,
    });
    const routes = describeChannelRoutes(await listRedactedProviders(t.workspace.id));
    expect(routes.find((r) => r.channel === "email")).toMatchObject({ via: ["ses"] });

    const fields = await validationFields(() =>
      saveChannelProvider(t.workspace.id, t.user.id, "aws_sms", {
        region: "Mumbai",
        originationIdentity: "+919800000001",
      }),
    );
    expect(Object.keys(fields).sort()).toEqual(["accessKeyId", "region", "secretAccessKey"]);
  });

  it("switching to the default credential chain forgets the key; a new endpoint then asks for no secret", async () => {
    const t = await makeTenant("Channels SES chain");
    await saveChannelProvider(t.workspace.id, t.user.id, "ses", sesForm);
    // A new endpoint with the stored key: the key must be typed again.
    const moved = await validationFields(() =>
      saveChannelProvider(t.workspace.id, t.user.id, "ses", {
        ...sesForm,
        secretAccessKey: "",
        endpoint: "https://vpce.example.com",
      }),
    );
    expect(Object.keys(moved)).toEqual(["secretAccessKey"]);
    const toChain = {
      ...sesForm,
      credentials: "default_chain",
      secretAccessKey: "",
      endpoint: "https://vpce.example.com",
    };
    // Only where the operator lends the server's own AWS credentials (WAYMARK_AWS_DEFAULT_CREDENTIALS).
    expect(
      await validationFields(() => saveChannelProvider(t.workspace.id, t.user.id, "ses", toChain)),
    ).toEqual({ credentials: expect.stringContaining("WAYMARK_AWS_DEFAULT_CREDENTIALS") });
    expect(await storedConfig(t.workspace.id, "ses")).toMatchObject({ credentials: "access_key" });
    await saveChannelProvider(t.workspace.id, t.user.id, "ses", toChain, {
      allowAwsDefaultChain: true,
    });
    const stored = await storedConfig(t.workspace.id, "ses");
    expect(stored).toMatchObject({
      credentials: "default_chain",
      endpoint: "https://vpce.example.com",
    });
    expect(stored).not.toHaveProperty("secretAccessKey");
    expect(await rawConfig(t.workspace.id, "ses")).not.toContain("AKIAEXAMPLE");
  });
});
