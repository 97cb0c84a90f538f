import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { startHttpSink, type THttpSink } from "@/lib/channels/testing/http-sink";
import { dbJourneyEffects } from "./db-journey-effects";

/** A journey's webhook node goes through the outbound policy like every provider. */
describe("journey webhook node", () => {
  let testDb: Awaited<ReturnType<typeof useTestDb>>;
  let sink: THttpSink;
  let ws: string;
  beforeAll(async () => {
    testDb = await useTestDb();
    sink = await startHttpSink();
    ws = (await makeTenant("Webhook node")).workspace.id;
  });
  afterAll(async () => {
    await sink.close();
    await testDb.close();
  });
  const call = (url: string) =>
    dbJourneyEffects(ws).callWebhook({
      idempotencyKey: "e1:n1",
      url,
      method: "POST",
      headers: {},
      body: '{"workspace":"{{ workspace.name }}"}',
      contactId: "00000000-0000-4000-8000-000000000000",
    });

  it("refuses the metadata service and private ranges with a plain reason, without retrying", async () => {
    for (const url of [
      "http://169.254.169.254/latest/meta-data/iam/",
      "http://[::ffff:10.0.0.1]/",
      "http://012.0.0.1:9/", // 10.0.0.1 in octal
    ]) {
      const r = await call(url);
      expect(r.status).toBe(0);
      expect(r.error).toMatch(/^Webhook: destination not allowed/);
    }
  });

  it("calls an allow-listed endpoint (the test run lists 127.0.0.1) with the rendered body", async () => {
    expect(await call(`${sink.url}/hook`)).toEqual({ status: 200 });
    expect(sink.requests[0]!.json()).toEqual({ workspace: "Webhook node" });
    expect(sink.requests[0]!.headers["idempotency-key"]).toBe("e1:n1");
  });
});
