import { NextResponse } from "next/server";
import { parseJson } from "@/app/_server/http";
import { withWorkspace } from "@/app/_server/with-workspace";
import {
  retentionOf,
  updateRetention,
  ZRetentionSettings,
} from "@/lib/retention/retention-settings";

/** The workspace's retention periods in days (null: kept forever); admins only, as the page. */
export const GET = withWorkspace("manage", async (_req, { workspace }) =>
  NextResponse.json(await retentionOf(workspace.id)),
);

/** `{ messageBodyDays, importDays, contactEventDays }`: whole days 1–3650, or null for forever. */
export const PUT = withWorkspace("manage", async (req, { workspace }) => {
  const input = await parseJson(req, ZRetentionSettings);
  return NextResponse.json(await updateRetention(workspace.id, input));
});
