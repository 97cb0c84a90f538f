import { NextResponse } from "next/server";
import { parseJsonText } from "@/app/_server/http";
import { withApiKey } from "@/app/_server/with-api-key";
import { enterJourneyByApi, ZApiEntry } from "@/lib/journeys/runtime/enter-by-api";

/** Enters one contact into a live journey whose trigger is "API call" (entry rules apply). */
export const POST = withApiKey<{ journeyId: string }>(
  "journeys:enter",
  async (_req, { apiKey, params, body }) => {
    const input = parseJsonText(body, ZApiEntry);
    return NextResponse.json(await enterJourneyByApi(apiKey.workspace.id, params.journeyId, input));
  },
);
