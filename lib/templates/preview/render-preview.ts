import { zodFields } from "@/lib/validation/zod-fields";
import { analyseTemplate } from "../analyse-template";
import { buildRenderContext, type TRenderContact, type TRenderEvent } from "../render-context";
import { formattingSamples } from "../formatting-samples";
import { chooseCompiledVariant, compileTemplate, renderMessage } from "../render-message";
import { ZTemplateContent } from "../template-content";

/** Everything a preview needs, already read from the database: plain data a worker can receive. */
export type TPreviewJob = {
  content: unknown;
  contact: TRenderContact;
  event: TRenderEvent | null;
  workspaceName: string;
  workspaceTimezone?: string | null;
  attributes: string[];
  /** The locale variant to show (null: the default content); absent: the one the contact gets. */
  variant?: string | null;
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
    workspace: { name: job.workspaceName, timezone: job.workspaceTimezone },
    message: { id: "preview", unsubscribeUrl: "#unsubscribe" },
  });
  // The editor previews the variant being edited; without one, the variant the contact would get.
  const chosen =
    job.variant === undefined
      ? chooseCompiledVariant(compiled, job.contact.locale ?? job.contact.attributes?.locale)
      : {
          locale: job.variant !== null && compiled.variants?.[job.variant] ? job.variant : null,
          compiled: (job.variant !== null && compiled.variants?.[job.variant]) || compiled,
        };
  const rendered = renderMessage(chosen.compiled, context);
  return {
    ok: rendered.ok,
    fields: {},
    analysis,
    rendered,
    templateLocale: chosen.locale,
    formatting: formattingSamples(context),
  };
}

export type TPreviewResult = Awaited<ReturnType<typeof renderPreview>>;
