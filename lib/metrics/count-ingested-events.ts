import { onIngested } from "@/lib/ingest/ingested-events";
import { metrics } from "./registry";

let counting = false;

/** Counts every committed batch of stored events into waymark_events_ingested_total. */
export function countIngestedEvents(): void {
  if (counting) return;
  counting = true;
  onIngested((events) => void metrics().eventsIngested.inc(events.length));
}
