import { z } from "zod";
import { withWorkspace } from "@/app/_server/with-workspace";
import { DEFINITION_KINDS } from "@/lib/definitions/definitions-format";
import { definitionsFileName } from "@/lib/definitions/definitions-file-name";
import { exportDefinitions } from "@/lib/definitions/export-definitions";
import { ValidationError } from "@/lib/errors";
import { zodFields } from "@/lib/validation/zod-fields";

type P = { workspace: string };

const ZSelection = z
  .strictObject({
    kind: z
      .enum(DEFINITION_KINDS, { error: `must be one of ${DEFINITION_KINDS.join(", ")}` })
      .optional(),
    id: z.uuid({ error: "must be an id" }).optional(),
  })
  .refine((v) => !v.kind === !v.id, { path: ["id"], error: "give kind and id together" });

/**
 * A definitions file (lib/definitions/), downloaded: `?kind=journey&id=…` for one object with
 * what it references, nothing for the whole workspace. Every role may export (analysts too).
 */
export const GET = withWorkspace<P>("read", async (req, { workspace }) => {
  const parsed = ZSelection.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) throw new ValidationError(zodFields(parsed.error));
  const { kind, id } = parsed.data;
  const selection = kind && id ? { kind, id } : null;
  const file = await exportDefinitions(workspace.id, selection, { workspace: workspace.slug });
  return new Response(JSON.stringify(file, null, 2) + "\n", {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${definitionsFileName(workspace.slug, file, selection?.kind)}"`,
      "cache-control": "no-store",
    },
  });
});
