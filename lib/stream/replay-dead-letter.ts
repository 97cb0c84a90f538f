import { z } from "zod";
import {
  findStreamDeadLetter,
  markStreamDeadLetterReplayed,
  noteStreamDeadLetterFailure,
} from "@/db/queries/stream-destinations";
import { findWorkspaceById } from "@/db/queries/workspaces";
import { NotFoundError } from "@/lib/errors";
import { openStreamDestination } from "./destinations/destination-kinds";
import { formatStreamEvent, ZStreamFormat } from "./envelopes";
import { findDestinationOrThrow } from "./manage-destinations";
import type { TStreamEvent } from "./stream-event";

/**
 * Sends a dead letter's batch again, as it was (same event ids), to its destination as it is now
 * (a fixed URL, a new format). Done: it leaves the list. Failed again: it stays, with the error.
 */
export async function replayDeadLetter(workspaceId: string, letterId: string) {
  const letter = z.uuid().safeParse(letterId).success
    ? await findStreamDeadLetter(workspaceId, letterId)
    : null;
  if (!letter) throw new NotFoundError("No such dead letter");
  if (letter.replayedAt) return { ok: true as const, alreadyReplayed: true };
  const row = await findDestinationOrThrow(workspaceId, letter.destinationId);
  const workspace = await findWorkspaceById(workspaceId);
  const events = letter.events as unknown as TStreamEvent[];
  const format = ZStreamFormat.catch("waymark").parse(row.format);
  const ctx = { applicationId: workspace?.pinpointApplicationId ?? workspaceId };
  const outcome = await openStreamDestination(row)
    .deliver({
      workspaceId,
      destinationId: row.id,
      events,
      records: events.map((e) => formatStreamEvent(format, e, ctx)),
      attempt: letter.attempts + 1,
    })
    .catch((err: unknown) => ({
      ok: false as const,
      error: err instanceof Error ? err.message : String(err),
    }));
  if (outcome.ok) {
    await markStreamDeadLetterReplayed(workspaceId, letter.id);
    return { ok: true as const, alreadyReplayed: false };
  }
  await noteStreamDeadLetterFailure(workspaceId, letter.id, outcome.error);
  return { ok: false as const, error: outcome.error };
}
