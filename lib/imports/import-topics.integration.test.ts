import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTenant } from "@/db/testing/fixtures";
import { useTestDb } from "@/db/testing/test-db";
import { contactTopicStates } from "@/lib/topics/contact-topics";
import { createTopic } from "@/lib/topics/manage-topics";
import { createImport } from "./create-import";
import { findImportOrThrow } from "./find-import-or-throw";
import type { TMapping } from "./mapping";
import { previewImport } from "./preview-import";
import { startImport } from "./start-import";
import { queryRows, runQueue } from "./testing/run-queue";

let close: () => Promise<void>;
beforeAll(async () => {
  ({ close } = await useTestDb());
});
afterAll(() => close());

/**
 * Topic columns in the contact CSV import (a yes/no column per topic key, "joined" or "left"):
 * the file goes through the real import job and the contacts' topic states are read back the way
 * the profile and the send path read them.
 */
describe("topic columns in a contact import", () => {
  let t: Awaited<ReturnType<typeof makeTenant>>;
  let importId: string;
  const mapping: TMapping = {
    columns: [
      { kind: "userId" },
      { kind: "field", field: "email" },
      { kind: "topic", topic: "deals", meaning: "opt_out" },
      { kind: "topic", topic: "vip", meaning: "opt_in" },
      { kind: "topic", topic: "not-made-yet", meaning: "opt_in" },
    ],
  };
  const csv = [
    "user_id,email,left_deals,topic:vip,topic:not-made-yet",
    "t-1,one@example.com,yes,yes,yes",
    "t-2,two@example.com,no,no,",
    "t-3,three@example.com,,subscribed,",
    "t-4,four@example.com,maybe,yes,",
  ].join("\n");

  beforeAll(async () => {
    t = await makeTenant("ImportTopics");
    const ws = t.workspace.id;
    // "deals" is opt-out (everyone in until they leave), "vip" opt-in (only who joined).
    await createTopic(ws, {
      name: "Deals",
      description: "",
      defaultSubscribed: true,
      channels: ["email"],
    });
    await createTopic(ws, {
      name: "VIP previews",
      key: "vip",
      description: "",
      defaultSubscribed: false,
      channels: ["email"],
    });
    const { import: imp } = await createImport(ws, t.user.id, {
      name: "topics.csv",
      bytes: Buffer.from(csv),
    });
    importId = imp.id;
  });

  const statesOf = async (userId: string) => {
    const [c] = await queryRows<{ id: string }>(
      sql`select id from contacts where workspace_id = ${t.workspace.id} and external_id = ${userId}`,
    );
    const states = await contactTopicStates(t.workspace.id, c!.id);
    return Object.fromEntries(
      states.map((s) => [s.topic.key, { status: s.status, source: s.source }]),
    );
  };

  it("previews each topic cell as the state it will set, and flags a cell that is not yes/no", async () => {
    const imp = await findImportOrThrow(t.workspace.id, importId);
    const rows = await previewImport(imp, mapping.columns);
    expect(rows[0]!.cells.slice(2, 4).map((c) => c.value)).toEqual(["unsubscribed", "subscribed"]);
    expect(rows[3]!.ok).toBe(false);
    expect(rows[3]!.cells[2]!.error).toMatch(/yes\/no/);
  });

  it("sets each contact's topic states from the file, source import; empty cells leave the default", async () => {
    await startImport(t.workspace.id, importId, { mapping });
    await runQueue();
    expect(await findImportOrThrow(t.workspace.id, importId)).toMatchObject({
      status: "completed",
      importedRows: 3,
      failedRows: 1,
    });
    // "left deals: yes" leaves an opt-out topic; "vip: yes" joins an opt-in one.
    expect(await statesOf("t-1")).toEqual({
      deals: { status: "unsubscribed", source: "import" },
      vip: { status: "subscribed", source: "import" },
    });
    expect(await statesOf("t-2")).toEqual({
      deals: { status: "subscribed", source: "import" },
      vip: { status: "unsubscribed", source: "import" },
    });
    // An empty cell says nothing: the topic's default, no choice recorded.
    expect(await statesOf("t-3")).toEqual({
      deals: { status: "subscribed", source: null },
      vip: { status: "subscribed", source: "import" },
    });
    // A topic the workspace does not have yet is ignored, as identify ignores it.
    const [n] = await queryRows<{ n: number }>(
      sql`select count(*)::int as n from topic_subscriptions where workspace_id = ${t.workspace.id}`,
    );
    expect(Number(n!.n)).toBe(5);
    // The topic column is not a channel opt-out.
    const subs = await queryRows(
      sql`select 1 from channel_subscriptions where workspace_id = ${t.workspace.id}`,
    );
    expect(subs).toEqual([]);
  });
});
