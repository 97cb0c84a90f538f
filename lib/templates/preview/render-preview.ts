import { zodFields } from "@/lib/validation/zod-fields";
import { analyseTemplate } from "../analyse-template";
import { buildRenderContext, type TRenderContact, type TRenderEvent } from "../render-context";
import { compileTemplate, renderMessage } from "../render-message";
import { ZTemplateContent } from "../template-content";

/** Everything a preview needs, already read from the database: plain data a worker can receive. */
export type TPreviewJob = {
  content: unknown;
  contact: TRenderContact;
  event: TRenderEvent | null;
  workspaceName: string;
  attributes: string[];
};

/**
 * The CPU part of a preview (validate, analyse, compile, personalise), with no I/O, so it can run
 * in a worker thread that is killed when a template takes too long (preview-pool.ts). Links keep
 * their destinations, so clicking around a preview records nothing.
 */
export async function renderPreview(job: TPreviewJob) {
  const parsed = ZTemplateContent.safeParse(job.content);
  if (!parsed.success)
    return {
      ok: false as const,
      fields: zodFields(parsed.error, "content"),
      analysis: null,
      rendered: null,
    };
  const analysis = analyseTemplate(parsed.data, { attributes: job.attributes });
  if (analysis.errors.length) return { ok: false as const, fields: {}, analysis, rendered: null };
  const compiled = await compileTemplate(parsed.data);
  const context = buildRenderContext({
    contact: job.contact,
    event: job.event,
    workspace: { name: job.workspaceName },
    message: { id: "preview", unsubscribeUrl: "#unsubscribe" },
  });
  const rendered = renderMessage(compiled, context);
  return { ok: rendered.ok, fields: {}, analysis, rendered };
}

export type TPreviewResult = Awaited<ReturnType<typeof renderPreview>>;
