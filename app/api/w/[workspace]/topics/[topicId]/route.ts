import { NextResponse } from "next/server";
import { z } from "zod";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import { ValidationError } from "@/lib/errors";
import { editTopic, removeTopic } from "@/lib/topics/manage-topics";
import { ZTopicUpdate } from "@/lib/topics/topic-schemas";

type P = { workspace: string; topicId: string };

function topicIdOrThrow(id: string): string {
  if (!z.uuid().safeParse(id).success) throw new ValidationError({ topicId: "must be a topic id" });
  return id;
}

/** Rename a topic, change its default or channels (its key stays). Admins only. */
export const PATCH = withWorkspace<P>("manage", async (req, { workspace, params }) => {
  const id = topicIdOrThrow(params.topicId);
  const input = await parseJson(req, ZTopicUpdate);
  return NextResponse.json({ topic: await editTopic(workspace.id, id, input) });
});

/** Deletes the topic and every contact's choice about it. Admins only. */
export const DELETE = withWorkspace<P>("manage", async (_req, { workspace, params }) => {
  await removeTopic(workspace.id, topicIdOrThrow(params.topicId));
  return NextResponse.json({ deleted: true });
});
