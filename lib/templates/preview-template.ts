import { z } from "zod";
import { loadSendContact } from "@/db/queries/send-context";
import { listAttributeKeys } from "@/db/queries/segment-options";
import { findWorkspaceById } from "@/db/queries/workspaces";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { renderPreviewInWorker } from "./preview/preview-pool";
import type { TRenderContact } from "./render-context";

export const ZPreviewRequest = z.object({
  content: z.looseObject({ channel: z.string() }),
  /** A real contact of the workspace to render for… */
  sampleContactId: z.uuid().optional(),
  /** The locale variant being edited (null: the default content); absent: the contact's. */
  variant: z.string().max(35).nullable().optional(),
  /** …or a hand-written context: `{ contact: {…attributes}, event: { name, properties } }`. */
  context: z
    .object({
      contact: z.record(z.string(), z.unknown()).default({}),
      event: z
        .object({ name: z.string(), properties: z.record(z.string(), z.unknown()).default({}) })
        .optional(),
    })
    .optional(),
});

const PROFILE_KEYS = ["email", "phone", "timezone", "locale", "country", "city"] as const;

function handWrittenContact(fields: Record<string, unknown>): TRenderContact {
  const str = (k: string) => (typeof fields[k] === "string" ? (fields[k] as string) : null);
  const attributes = Object.fromEntries(
    Object.entries(fields).filter(
      ([k]) => k !== "userId" && !(PROFILE_KEYS as readonly string[]).includes(k),
    ),
  );
  return {
    externalId: str("userId"),
    email: str("email"),
    phone: str("phone"),
    timezone: str("timezone"),
    locale: str("locale"),
    country: str("country"),
    city: str("city"),
    attributes,
  };
}

/**
 * The editor's live preview: the draft rendered by the very function sends use, for a sample
 * contact or a hand-written context, plus what the editor flags (syntax errors, unknown
 * variables). The database reads happen here; the rendering runs on a worker thread with a hard
 * time limit (preview/preview-pool.ts), because a template is code its author controls.
 */
export async function previewTemplate(
  workspaceId: string,
  input: z.infer<typeof ZPreviewRequest>,
  pool?: Parameters<typeof renderPreviewInWorker>[1],
) {
  const [workspace, attributes] = await Promise.all([
    findWorkspaceById(workspaceId),
    listAttributeKeys(workspaceId),
  ]);
  if (!workspace) throw new NotFoundError("No such workspace");
  let contact: TRenderContact = handWrittenContact(input.context?.contact ?? {});
  if (input.sampleContactId) {
    const loaded = await loadSendContact(workspaceId, input.sampleContactId);
    if (!loaded)
      throw new ValidationError({ sampleContactId: "No such contact in this workspace" });
    contact = loaded.contact;
  }
  const job = {
    content: input.content,
    contact,
    event: input.context?.event ?? null,
    workspaceName: workspace.name,
    workspaceTimezone: workspace.timezone,
    attributes,
    ...(input.variant !== undefined && { variant: input.variant }),
  };
  return renderPreviewInWorker(job, pool);
}
