import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { callRoute } from "@/app/api/v1/v1-test-client";
import { GET as listTemplates } from "../route";
import { POST } from "./route";

// The hard limit for this file, read by lib/env.ts at import: long enough for a quick request
// to finish beside the hostile render even on a loaded machine. The session is the one thing not exercised: every call runs as the tenant's admin.
const session = vi.hoisted(() => {
  process.env.WAYMARK_PREVIEW_RENDER_TIMEOUT_MS = "3000";
  return { user: null as null | { id: string; email: string; name: string } };
});
vi.mock("@/app/_server/auth", () => ({ currentUser: async () => session.user }));

let close: () => Promise<void>;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
beforeAll(async () => {
  ({ close } = await useTestDb());
  tenant = await makeTenant("Previews");
  session.user = { id: tenant.user.id, email: tenant.user.email, name: tenant.user.name };
});
afterAll(() => close());

const preview = (content: unknown, context: unknown = { contact: { firstName: "Ada" } }) =>
  callRoute(POST, { workspace: tenant.workspace.slug }, { body: { content, context } });

/**
 * Every data field loops three thousand times: each stays under Liquid's per-field limit, but
 * 3,000 of them keep one thread busy for many seconds. On the main thread that was a frozen server.
 */
const hostile = {
  channel: "push",
  title: "t",
  body: "b",
  data: Object.fromEntries(
    Array.from({ length: 3000 }, (_, i) => [
      `k${i}`,
      "{% for i in (1..3000) %}{{ i }}{% endfor %}",
    ]),
  ),
};

describe("template preview in a worker thread", () => {
  it("renders a draft for a hand-written contact", async () => {
    const res = await preview({ channel: "sms", body: "Hi {{ contact.firstName }}" });
    expect(res.status).toBe(200);
    expect(res.json?.rendered).toEqual({ ok: true, content: { channel: "sms", body: "Hi Ada" } });
  });

  it("answers an invalid draft with the fields named, as before", async () => {
    const res = await preview({ channel: "sms", body: "" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ ok: false, fields: { "content.body": expect.any(String) } });
  });

  it("stops a template that renders too long with a 422 naming it, while the server keeps answering", async () => {
    const started = Date.now();
    const done: string[] = [];
    const [slow, other] = await Promise.all([
      preview(hostile).then((r) => (done.push("slow"), r)),
      // Another request while the hostile render runs: answered before it, not queued behind it
      // (on the main thread the render held the event loop until it finished).
      new Promise((r) => setTimeout(r, 100))
        .then(() =>
          callRoute(listTemplates, { workspace: tenant.workspace.slug }, { method: "GET" }),
        )
        .then((r) => (done.push("other"), r)),
    ]);
    // Stopped either way: by the worker's 3 s limit (422) or, when a loaded machine takes the CPU
    // away mid-field, first by Liquid's own per-field limit, which skips the render (200, not ok).
    if (slow.status === 200)
      expect(slow.json?.rendered).toMatchObject({
        ok: false,
        reason: expect.stringContaining("render limit exceeded"),
      });
    else {
      expect(slow.status).toBe(422);
      expect(slow.json?.error).toMatchObject({
        code: "preview_timeout",
        fields: { content: expect.stringContaining("took longer than 3 s") },
      });
    }
    expect(other.status).toBe(200);
    // Answered before the hostile render ended (a skip by Liquid's limit may end it sooner).
    if (slow.status === 422) expect(done).toEqual(["other", "slow"]);
    expect(Date.now() - started).toBeLessThan(20_000);
    // The killed thread is replaced: the next preview works.
    const next = await preview({ channel: "sms", body: "Back, {{ contact.firstName }}" });
    expect(next.json?.rendered?.content?.body).toBe("Back, Ada");
  });
});
