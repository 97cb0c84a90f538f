import { listStreamDestinations } from "@/db/queries/stream-destinations";
import { createDestination } from "@/lib/stream/manage-destinations";

/**
 * The demo's event stream: an hourly NDJSON export, which cannot fail (it writes to the database,
 * no network), so Settings → Event stream shows files filling as the demo runs, and the demo key
 * lists them (GET /api/v1/stream/exports). Added once; a removed one is not added back.
 */
export async function seedDemoStream(workspaceId: string) {
  if ((await listStreamDestinations(workspaceId)).length) return;
  await createDestination(workspaceId, null, {
    name: "Warehouse export",
    kind: "ndjson",
    settings: { period: "hour" },
  });
}
