import { expect, test } from "@playwright/test";
import { startSmtpSink, type TSmtpSink } from "../lib/channels/testing/smtp-sink";
import { storageStateFor } from "./helpers";
import { E2E_BASE_URL } from "./server";

/**
 * A real SMTP server in the test process for the calling file's tests: before them the admin
 * points the demo workspace's SMTP provider at it, after them it closes. Returns the sink (read it
 * inside tests).
 */
export function demoSmtpSink(from: { fromName?: string } = {}): () => TSmtpSink {
  let sink: TSmtpSink | undefined;
  test.beforeAll(async ({ playwright }) => {
    sink = await startSmtpSink();
    const admin = await playwright.request.newContext({
      baseURL: E2E_BASE_URL,
      storageState: storageStateFor("admin"),
    });
    const res = await admin.put("/api/w/demo/channels/smtp", {
      data: { host: "127.0.0.1", port: sink.port, secure: false, from: "hello@acme.test", ...from },
    });
    expect(res.status(), await res.text()).toBe(200);
    await admin.dispose();
  });
  test.afterAll(async () => sink?.close());
  return () => sink!;
}
