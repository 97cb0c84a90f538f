import { GetEndpointCommand, PutEventsCommand } from "@aws-sdk/client-pinpoint";
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertApiKey } from "@/db/queries/api-keys";
import { executeRows } from "@/db/execute-rows";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { generateApiKey } from "@/lib/api-keys/api-key";
import { generateAccessKeyId, secretAccessKeyFor } from "@/lib/pinpoint/aws-credentials";
import { pinpointClient, servePinpoint } from "./testing/serve-pinpoint";
import { signedFetch } from "./testing/sign-request";
import { POST as putEvents } from "./v1/apps/[appId]/events/route";

// What the Pinpoint routes refuse, each with the exception the AWS SDK raises, and nothing stored.
let close: () => Promise<void>;
let server: Awaited<ReturnType<typeof servePinpoint>>;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
let other: Awaited<ReturnType<typeof makeTenant>>;
let appId: string;
beforeAll(async () => {
  ({ close } = await useTestDb());
  tenant = await makeTenant("Pinpoint auth");
  other = await makeTenant("Other tenant");
  appId = tenant.workspace.id.replaceAll("-", "");
  server = await servePinpoint();
});
afterAll(async () => {
  await server.close();
  await close();
});

const stored = async () =>
  (
    await executeRows<{ n: number }>(
      sql`select ((select count(*) from events where workspace_id = ${tenant.workspace.id})
               + (select count(*) from pinpoint_endpoints where workspace_id = ${tenant.workspace.id}))::int as n`,
    )
  )[0]!.n;

const keyLastUsedAt = async () =>
  (
    await executeRows<{ last_used_at: string | null }>(
      sql`select last_used_at from api_keys where access_key_id = ${tenant.aws.accessKeyId}`,
    )
  )[0]!.last_used_at;

const oneEvent = (id = "e1") =>
  new PutEventsCommand({
    ApplicationId: appId,
    EventsRequest: {
      BatchItem: {
        "dev-a": {
          Endpoint: {},
          Events: { [id]: { EventType: "Opened", Timestamp: new Date().toISOString() } },
        },
      },
    },
  });

const eventsUrl = () => `${server.base}/api/pinpoint/v1/apps/${appId}/events`;
const body = (events: number, endpoints = 1) =>
  JSON.stringify({
    BatchItem: Object.fromEntries(
      Array.from({ length: endpoints }, (_, e) => [
        `dev-${e}`,
        {
          Endpoint: { ChannelType: "GCM", Address: `fcm-token-${e}-abcdefgh` },
          Events: Object.fromEntries(
            Array.from({ length: Math.ceil(events / endpoints) }, (_, i) => [
              `ev-${e}-${i}`,
              { EventType: "Tick", Timestamp: new Date().toISOString() },
            ]).slice(0, events - e * Math.ceil(events / endpoints)),
          ),
        },
      ]),
    ),
  });

describe("SigV4 on the Pinpoint routes", () => {
  it("refuses a wrong secret, an unknown key, a stale date and a replay", async () => {
    const before = await stored();
    const wrongSecret = pinpointClient(server.base, {
      ...tenant.aws,
      secretAccessKey: "x".repeat(40),
    });
    await expect(wrongSecret.send(oneEvent())).rejects.toMatchObject({
      name: "InvalidSignatureException",
      $metadata: { httpStatusCode: 403 },
    });
    // A forged request naming the key's id is not a use of the key.
    expect(await keyLastUsedAt()).toBeNull();
    const unknown = pinpointClient(server.base, {
      ...tenant.aws,
      accessKeyId: "WMKUNKNOWNUNKNOWNUNK",
    });
    await expect(unknown.send(oneEvent())).rejects.toMatchObject({
      name: "UnrecognizedClientException",
    });
    const stale = await signedFetch(
      eventsUrl(),
      { method: "POST", body: body(1) },
      tenant.aws,
      new Date(Date.now() - 16 * 60_000),
    );
    expect(stale).toMatchObject({ status: 403, type: "InvalidSignatureException" });
    expect(JSON.stringify(stale.json)).toContain("Signature expired");

    // The same signed request twice: served once.
    const captured: { headers?: Record<string, string>; body?: string } = {};
    const c = pinpointClient(server.base, tenant.aws);
    c.middlewareStack.addRelativeTo(
      ((next: (a: unknown) => Promise<unknown>) => async (args: { request: unknown }) => {
        const req = args.request as { headers: Record<string, string>; body: string };
        captured.headers = { ...req.headers };
        captured.body = req.body;
        return next(args);
      }) as never,
      { relation: "after", toMiddleware: "httpSigningMiddleware", name: "capture" },
    );
    await c.send(oneEvent("replayed"));
    expect(await keyLastUsedAt()).not.toBeNull();
    const again = await fetch(eventsUrl(), {
      method: "POST",
      headers: captured.headers,
      body: captured.body,
    });
    expect(again.status).toBe(403);
    expect(await again.text()).toContain("replay");
    // Served once: the event, the new endpoint's identify and its row.
    expect(await stored()).toBe(before + 3);
  });

  it("refuses another workspace's application id, and a key without the pinpoint scope", async () => {
    const otherApp = other.workspace.id.replaceAll("-", "");
    await expect(
      pinpointClient(server.base, tenant.aws).send(
        new GetEndpointCommand({ ApplicationId: otherApp, EndpointId: "x" }),
      ),
    ).rejects.toMatchObject({ name: "NotFoundException" });

    const { prefix, hash } = generateApiKey();
    const accessKeyId = generateAccessKeyId();
    await insertApiKey({
      workspaceId: tenant.workspace.id,
      name: "ingest only",
      prefix,
      keyHash: hash,
      kind: "secret",
      scopes: ["ingest"],
      createdBy: null,
      accessKeyId,
    });
    const narrow = pinpointClient(server.base, {
      accessKeyId,
      secretAccessKey: secretAccessKeyFor(hash),
    });
    await expect(narrow.send(oneEvent())).rejects.toMatchObject({ name: "AccessDeniedException" });
  });
});

describe("refusing from the headers, before reading the body", () => {
  const amzDate = () => new Date().toISOString().replace(/[-:]|\.\d{3}/g, "");
  const authorization = (accessKeyId: string, date: string) =>
    `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${date.slice(0, 8)}/us-east-1/mobiletargeting/aws4_request, SignedHeaders=host;x-amz-date, Signature=${"0".repeat(64)}`;

  /** Calls PutEvents with a body that records whether anyone read it. */
  async function call(headers: Record<string, string>) {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(c) {
          pulls++;
          c.enqueue(new TextEncoder().encode(JSON.stringify({ BatchItem: {} })));
          c.close();
        },
      },
      { highWaterMark: 0 },
    );
    const req = new NextRequest(`http://localhost/api/pinpoint/v1/apps/${appId}/events`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-forwarded-for": "198.51.100.7",
        ...headers,
      },
      body,
      duplex: "half",
    } as ConstructorParameters<typeof NextRequest>[1]);
    const res = await putEvents(req, { params: Promise.resolve({ appId }) });
    return { status: res.status, type: res.headers.get("x-amzn-errortype"), pulls };
  }

  it.each([
    ["no Authorization header", () => ({}), "MissingAuthenticationTokenException"],
    [
      "a malformed Authorization header",
      () => ({ authorization: "Bearer not-sigv4", "x-amz-date": amzDate() }),
      "InvalidSignatureException",
    ],
    [
      "an unknown access key id",
      () => {
        const d = amzDate();
        return { authorization: authorization("WMKUNKNOWNUNKNOWNUNK", d), "x-amz-date": d };
      },
      "UnrecognizedClientException",
    ],
  ])("refuses %s without reading the body", async (_, headers, type) => {
    expect(await call(headers())).toEqual({ status: 403, type, pulls: 0 });
  });

  it("reads the body of a known key's request, to check its signature", async () => {
    const d = amzDate();
    const r = await call({
      authorization: authorization(tenant.aws.accessKeyId, d),
      "x-amz-date": d,
    });
    expect(r).toEqual({ status: 403, type: "InvalidSignatureException", pulls: 1 });
  });
});

describe("Pinpoint's limits and shapes", () => {
  it("takes 100 events and 100 endpoints in a call, and refuses 101 with nothing stored", async () => {
    const before = await stored();
    const full = await signedFetch(
      eventsUrl(),
      { method: "POST", body: body(100, 100) },
      tenant.aws,
    );
    expect(full.status).toBe(202);
    // 100 events, each endpoint's identify on the timeline, and 100 endpoint rows.
    expect(await stored()).toBe(before + 300);

    const tooMany = await signedFetch(eventsUrl(), { method: "POST", body: body(101) }, tenant.aws);
    expect(tooMany).toMatchObject({ status: 400, type: "BadRequestException" });
    expect(JSON.stringify(tooMany.json)).toContain("at most 100 events");
    const batchUrl = `${server.base}/api/pinpoint/v1/apps/${appId}/endpoints`;
    const item = (i: number) => ({
      Id: `b-${i}`,
      ChannelType: "EMAIL",
      Address: `b${i}@example.com`,
    });
    const ok = await signedFetch(
      batchUrl,
      {
        method: "PUT",
        body: JSON.stringify({ Item: Array.from({ length: 100 }, (_, i) => item(i)) }),
      },
      tenant.aws,
    );
    expect(ok.status).toBe(202);
    const after = await stored();
    const over = await signedFetch(
      batchUrl,
      {
        method: "PUT",
        body: JSON.stringify({ Item: Array.from({ length: 101 }, (_, i) => item(i + 200)) }),
      },
      tenant.aws,
    );
    expect(over).toMatchObject({ status: 400, type: "BadRequestException" });
    // One bad endpoint refuses the whole batch.
    const oneBad = await signedFetch(
      batchUrl,
      {
        method: "PUT",
        body: JSON.stringify({
          Item: [item(300), { Id: "b-bad", ChannelType: "SMS", Address: "12" }],
        }),
      },
      tenant.aws,
    );
    expect(oneBad).toMatchObject({ status: 400 });
    expect(JSON.stringify(oneBad.json)).toContain("Item.1");
    expect(await stored()).toBe(after);
  });

  it("names an unknown field, and never answers 500 to a mangled body", async () => {
    const before = await stored();
    const unknown = await signedFetch(
      eventsUrl(),
      {
        method: "POST",
        body: JSON.stringify({
          BatchItem: {
            d: {
              Events: { e: { EventType: "X", Timestamp: "2026-01-01T00:00:00Z", Colour: "red" } },
            },
          },
        }),
      },
      tenant.aws,
    );
    expect(unknown).toMatchObject({ status: 400, type: "BadRequestException" });
    expect(JSON.stringify(unknown.json)).toContain("BatchItem.d.Events.e");
    expect(JSON.stringify(unknown.json)).toContain("Colour");

    // Deterministic fuzz: truncations, type swaps and junk around a valid body.
    const valid = body(3, 2);
    const bodies = [
      "",
      "{",
      "null",
      "[]",
      '{"BatchItem":null}',
      '{"BatchItem":{"d":{"Events":{"e":{"EventType":1,"Timestamp":[]}}}}}',
      '{"BatchItem":{"d":{"Endpoint":{"Attributes":{"a":"notalist"}}}}}',
      '{"BatchItem":{"d":{"Endpoint":{"Metrics":{"m":"NaN"}}}}}',
      '{"BatchItem":{"d":{"Endpoint":{"Location":{"Latitude":999}}}}}',
      '{"BatchItem":{"\\u0000":{"Events":{"\\u0000":{"EventType":"\\u0000","Timestamp":"2026-01-01T00:00:00Z"}}}}}',
      ...Array.from({ length: 20 }, (_, i) => valid.slice(0, Math.floor((valid.length * i) / 20))),
      valid.replaceAll('"', "'"),
      valid.replace("BatchItem", "batchitem"),
    ];
    for (const b of bodies) {
      const r = await signedFetch(eventsUrl(), { method: "POST", body: b }, tenant.aws);
      expect(r.status, b.slice(0, 80)).toBeLessThan(500);
    }
    expect(await stored()).toBe(before);
  });
});
