import { NextResponse } from "next/server";
import { withApiKey } from "@/app/_server/with-api-key";

/** Lets a customer check a key: which workspace it writes to. */
export const GET = withApiKey("any-key", async (_req, { apiKey }) =>
  NextResponse.json({
    workspace: { slug: apiKey.workspace.slug, name: apiKey.workspace.name },
    apiKey: { name: apiKey.name },
  }),
);
