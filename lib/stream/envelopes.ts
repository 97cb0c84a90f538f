import { z } from "zod";
import { toPinpointRecord } from "./pinpoint-envelope";
import type { TStreamEvent } from "./stream-event";

/** How a destination shapes each event: Waymark's own, or Amazon Pinpoint's event-stream record. */
export const STREAM_FORMATS = ["waymark", "pinpoint"] as const;
export const ZStreamFormat = z.enum(STREAM_FORMATS);
export type TStreamFormat = z.infer<typeof ZStreamFormat>;

export type TFormatContext = { applicationId: string };

export function formatStreamEvent(
  format: TStreamFormat,
  event: TStreamEvent,
  ctx: TFormatContext,
): Record<string, unknown> {
  return format === "pinpoint" ? toPinpointRecord(event, ctx) : event;
}
