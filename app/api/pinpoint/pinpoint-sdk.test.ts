import {
  DeleteEndpointCommand,
  DeleteUserEndpointsCommand,
  GetEndpointCommand,
  GetUserEndpointsCommand,
  PutEventsCommand,
  UpdateEndpointCommand,
  UpdateEndpointsBatchCommand,
} from "@aws-sdk/client-pinpoint";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "@/db/execute-rows";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { pinpointClient, servePinpoint } from "./testing/serve-pinpoint";

// The AWS SDK's Pinpoint client as a former Pinpoint customer's app uses it, unchanged: only the
// endpoint and the credentials are Waymark's.
let close: () => Promise<void>;
let server: Awaited<ReturnType<typeof servePinpoint>>;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
let appId: string;
beforeAll(async () => {
  ({ close } = await useTestDb());
  tenant = await makeTenant("Pinpoint SDK");
  appId = tenant.workspace.id.replaceAll("-", "");
  server = await servePinpoint();
});
afterAll(async () => {
  await server.close();
  await close();
});

const client = () => pinpointClient(server.base, tenant.aws);
const contact = async (externalId: string) =>
  (
    await executeRows<{
      id: string;
      email: string | null;
      phone: string | null;
      timezone: string | null;
      attributes: Record<string, unknown>;
    }>(
      sql`select id, email, phone, timezone, attributes from contacts
          where workspace_id = ${tenant.workspace.id} and external_id = ${externalId}`,
    )
  )[0];
const eventsOf = (contactId: string) =>
  executeRows<{ name: string; message_id: string; properties: Record<string, unknown> }>(
    sql`select name, message_id, properties from events where contact_id = ${contactId}
        order by occurred_at, id`,
  );
const count = async (table: "events" | "contacts" | "pinpoint_endpoints") =>
  (
    await executeRows<{ n: number }>(
      sql`select count(*)::int as n from ${sql.raw(table)} where workspace_id = ${tenant.workspace.id}`,
    )
  )[0]!.n;

describe("the AWS SDK's Pinpoint client against Waymark", () => {
  it("PutEvents stores events on the endpoint's contact, with the endpoint update of the call", async () => {
    const res = await client().send(
      new PutEventsCommand({
        ApplicationId: appId,
        EventsRequest: {
          BatchItem: {
            "device-1": {
              Endpoint: {
                ChannelType: "APNS",
                Address: "apns-token-0123456789abcdef",
                Demographic: { Platform: "iOS", Timezone: "Europe/Paris", Locale: "fr_FR" },
                User: { UserId: "pp-user-1", UserAttributes: { plan: ["pro"] } },
              },
              Events: {
                "evt-1": {
                  EventType: "_session.start",
                  Timestamp: "2026-12-01T10:00:00.000Z",
                  Session: { Id: "s1", StartTimestamp: "2026-12-01T10:00:00.000Z" },
                },
                "evt-2": {
                  EventType: "Purchase",
                  Timestamp: "2026-12-01T10:01:00.000Z",
                  Attributes: { sku: "A-1" },
                  Metrics: { price: 9.5 },
                },
                "evt-bad": { EventType: "Late", Timestamp: "not a date" },
              },
            },
          },
        },
      }),
    );
    const result = res.EventsResponse?.Results?.["device-1"];
    expect(result?.EndpointItemResponse).toEqual({ StatusCode: 202, Message: "Accepted" });
    expect(result?.EventsItemResponse?.["evt-1"]?.StatusCode).toBe(202);
    expect(result?.EventsItemResponse?.["evt-bad"]).toMatchObject({ StatusCode: 400 });
    expect(result?.EventsItemResponse?.["evt-bad"]?.Message).toContain("Timestamp");

    const c = await contact("pp-user-1");
    expect(c).toMatchObject({ timezone: "Europe/Paris", attributes: { plan: "pro" } });
    const evs = await eventsOf(c!.id);
    // The endpoint's identify first, then the events, the bad one left out.
    expect(evs.map((e) => e.name).sort()).toEqual(["$identify", "Purchase", "_session.start"]);
    expect(evs.find((e) => e.message_id === "evt-2")?.properties).toEqual({
      sku: "A-1",
      price: 9.5,
    });
    const tokens = await executeRows<{ platform: string }>(
      sql`select platform from push_tokens where contact_id = ${c!.id}`,
    );
    expect(tokens).toEqual([{ platform: "ios" }]);

    // The same events again are duplicates; the same endpoint again changes nothing.
    const before = await count("events");
    await client().send(
      new PutEventsCommand({
        ApplicationId: appId,
        EventsRequest: {
          BatchItem: {
            "device-1": {
              Endpoint: {
                ChannelType: "APNS",
                Address: "apns-token-0123456789abcdef",
                Demographic: { Platform: "iOS", Timezone: "Europe/Paris", Locale: "fr_FR" },
                User: { UserId: "pp-user-1", UserAttributes: { plan: ["pro"] } },
              },
              Events: {
                "evt-2": {
                  EventType: "Purchase",
                  Timestamp: "2026-12-01T10:01:00.000Z",
                  Attributes: { sku: "A-1" },
                  Metrics: { price: 9.5 },
                },
              },
            },
          },
        },
      }),
    );
    expect(await count("events")).toBe(before);
  });

  it("a device endpoint re-sent unchanged with each PutEvents is stored once, with one identify", async () => {
    // The common mobile shape: a user id and no user attributes.
    const send = (eventId: string) =>
      client().send(
        new PutEventsCommand({
          ApplicationId: appId,
          EventsRequest: {
            BatchItem: {
              "device-plain": {
                Endpoint: {
                  ChannelType: "GCM",
                  Address: "fcm-token-plain-0123456789",
                  Demographic: { Platform: "Android" },
                  User: { UserId: "pp-plain" },
                },
                Events: { [eventId]: { EventType: "Opened", Timestamp: new Date().toISOString() } },
              },
            },
          },
        }),
      );
    for (const id of ["plain-1", "plain-2", "plain-3"]) await send(id);
    const c = await contact("pp-plain");
    expect((await eventsOf(c!.id)).map((e) => e.name).sort()).toEqual([
      "$identify",
      "Opened",
      "Opened",
      "Opened",
    ]);
  });

  it("UpdateEndpoint, GetEndpoint, GetUserEndpoints, DeleteEndpoint and DeleteUserEndpoints", async () => {
    await client().send(
      new UpdateEndpointCommand({
        ApplicationId: appId,
        EndpointId: "mail 1/x",
        EndpointRequest: {
          ChannelType: "EMAIL",
          Address: "Ana@Example.com",
          Attributes: { interests: ["ski", "jazz"] },
          User: { UserId: "pp-user-2" },
        },
      }),
    );
    await client().send(
      new UpdateEndpointCommand({
        ApplicationId: appId,
        EndpointId: "mail 1/x",
        EndpointRequest: { OptOut: "ALL", Metrics: { visits: 3 } },
      }),
    );
    const got = await client().send(
      new GetEndpointCommand({ ApplicationId: appId, EndpointId: "mail 1/x" }),
    );
    expect(got.EndpointResponse).toMatchObject({
      Id: "mail 1/x",
      ApplicationId: appId,
      ChannelType: "EMAIL",
      Address: "Ana@Example.com",
      OptOut: "ALL",
      Attributes: { interests: ["ski", "jazz"] },
      Metrics: { visits: 3 },
      User: { UserId: "pp-user-2" },
      EndpointStatus: "ACTIVE",
    });
    const c = await contact("pp-user-2");
    expect(c).toMatchObject({
      email: "ana@example.com",
      attributes: { interests: ["ski", "jazz"], visits: 3 },
    });
    const subs = await executeRows<{ channel: string; status: string }>(
      sql`select channel, status from channel_subscriptions where contact_id = ${c!.id}`,
    );
    expect(subs).toEqual([{ channel: "email", status: "unsubscribed" }]);

    await client().send(
      new UpdateEndpointsBatchCommand({
        ApplicationId: appId,
        EndpointBatchRequest: {
          Item: [
            {
              Id: "sms-2",
              ChannelType: "SMS",
              Address: "+14155550100",
              User: { UserId: "pp-user-2" },
            },
            {
              Id: "gcm-2",
              ChannelType: "GCM",
              Address: "fcm-token-abcdefghijk",
              User: { UserId: "pp-user-2" },
            },
          ],
        },
      }),
    );
    const mine = await client().send(
      new GetUserEndpointsCommand({ ApplicationId: appId, UserId: "pp-user-2" }),
    );
    expect(mine.EndpointsResponse?.Item?.map((e) => e.Id).sort()).toEqual([
      "gcm-2",
      "mail 1/x",
      "sms-2",
    ]);
    expect((await contact("pp-user-2"))?.phone).toBe("+14155550100");

    const gone = await client().send(
      new DeleteEndpointCommand({ ApplicationId: appId, EndpointId: "gcm-2" }),
    );
    expect(gone.EndpointResponse?.Id).toBe("gcm-2");
    expect(
      await executeRows(sql`select 1 from push_tokens where token = 'fcm-token-abcdefghijk'`),
    ).toEqual([]);
    await expect(
      client().send(new GetEndpointCommand({ ApplicationId: appId, EndpointId: "gcm-2" })),
    ).rejects.toMatchObject({ name: "NotFoundException", $metadata: { httpStatusCode: 404 } });

    const all = await client().send(
      new DeleteUserEndpointsCommand({ ApplicationId: appId, UserId: "pp-user-2" }),
    );
    expect(all.EndpointsResponse?.Item).toHaveLength(2);
    await expect(
      client().send(new GetUserEndpointsCommand({ ApplicationId: appId, UserId: "pp-user-2" })),
    ).rejects.toMatchObject({ name: "NotFoundException" });
  });
});
