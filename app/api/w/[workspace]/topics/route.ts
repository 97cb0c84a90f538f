import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { createTopic, listTopics } from "@/lib/topics/manage-topics";
import { ZTopicInput } from "@/lib/topics/topic-schemas";

/** The workspace's subscription topics: everyone reads them (analysts too). */
export const GET = withWorkspace("read", async (_req, { workspace }) =>
  NextResponse.json({ topics: await listTopics(workspace.id) }),
);

/** A new topic (Settings → Topics). Admins only. */
export const POST = withWorkspace("manage", async (req, { workspace }) => {
  const input = await parseJson(req, ZTopicInput);
  return NextResponse.json({ topic: await createTopic(workspace.id, input) }, { status: 201 });
});
