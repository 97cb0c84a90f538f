import { randomUUID } from "node:crypto";
import { db } from "@/db";
import { lockContact, writeContactAttributes } from "@/db/queries/contact-edits";
import { insertEvents } from "@/db/queries/ingest";
import { offerIngested } from "@/lib/ingest/ingested-events";
import { NotFoundError } from "@/lib/errors";
import { splitAttributePatch } from "./attributes";
import type { TActor, TEditAttributes } from "./edit-schemas";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Applies an attribute edit (a marketer's, or a journey's update-contact node) and records it on the contact's timeline as
 * `$attributes_changed`, both in one transaction. Values that are already what was asked for are
 * left out, and an edit that changes nothing records nothing.
 */
export async function editContactAttributes(
  input: {
    workspaceId: string;
    contactId: string;
    actor: TActor | null;
    source?: "ui" | "journey";
    detail?: Record<string, unknown>;
  } & TEditAttributes,
) {
  const { workspaceId, contactId, actor } = input;
  const source = input.source ?? "ui";
  const patch = splitAttributePatch(input.set);
  const wanted = { set: patch.set, unset: [...new Set([...patch.unset, ...input.unset])] };

  const result = await db().transaction(async (tx) => {
    const current = await lockContact(workspaceId, contactId, tx);
    if (!current) throw new NotFoundError("No such contact in this workspace");
    const set = Object.fromEntries(
      Object.entries(wanted.set).filter(([k, v]) => !same(current[k], v)),
    );
    const unset = wanted.unset.filter((k) => k in current);
    const changed = [...Object.keys(set), ...unset];
    if (!changed.length) return { changed: [], events: [] };

    await writeContactAttributes(workspaceId, contactId, set, unset, tx);
    const previous = Object.fromEntries(
      changed.filter((k) => k in current).map((k) => [k, current[k]]),
    );
    const stored = await insertEvents(
      workspaceId,
      [
        {
          contactId,
          name: "$attributes_changed",
          properties: {
            set,
            unset,
            previous,
            source,
            ...(actor
              ? { changedBy: { userId: actor.id, name: actor.name, email: actor.email } }
              : {}),
            ...input.detail,
          },
          occurredAt: new Date(),
          messageId: `${source}-${randomUUID()}`,
        },
      ],
      tx,
    );
    return { changed, events: stored };
  });
  // After the commit, like ingestion, so segment re-checks and journeys see the new values.
  await offerIngested(
    result.events.map((e) => ({
      workspaceId,
      contactId,
      eventId: String(e.id),
      name: e.name,
      occurredAt: new Date(e.occurred_at),
    })),
  );
  return { changed: result.changed };
}
