"use client";
import { useMutation } from "@tanstack/react-query";
import { ArrowLeft, Rocket } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { TSendChannel } from "@/lib/channels/types";
import { apiFetch, type ApiError } from "@/lib/http/api-fetch";
import { ChannelBadge } from "@/components/ui/channel-badge";
import { ChannelForm } from "./channel-form";
import { EditorContext, insertInto, type TFocusTarget } from "./editor-context";
import { IssuesBadge } from "./issues-badge";
import { PreviewPanel } from "./preview-panel";
import { SampleContactPicker } from "./sample-contact-picker";
import { SaveStatus } from "./save-status";
import { TestSendDialog } from "./test-send-dialog";
import { useTemplateDraft, type TDraftContent } from "./use-template-draft";
import { flagsOf, useTemplatePreview, type TSample } from "./use-template-preview";
import { VariablePicker } from "./variable-picker";
import { VersionHistory, type TVersionRow } from "./version-history";
import { ErrorAlert } from "@/components/ui/error-alert";

type Props = {
  slug: string;
  workspaceName: string;
  template: {
    id: string;
    name: string;
    channel: TSendChannel;
    publishedVersion: number;
    draft: TDraftContent;
  };
  versions: TVersionRow[];
  attributes: string[];
  userEmail: string;
  readOnly: boolean;
};

/** The template editor: the channel's form on the left, the server-rendered live preview on the right. */
export function TemplateEditor({
  slug,
  workspaceName,
  template,
  versions,
  attributes,
  userEmail,
  readOnly,
}: Props) {
  const router = useRouter();
  const url = `/api/w/${slug}/templates/${template.id}`;
  const draft = useTemplateDraft({ url, name: template.name, content: template.draft, readOnly });
  const [sample, setSample] = useState<TSample>({ kind: "none" });
  const preview = useTemplatePreview(slug, draft.content, sample);
  const publish = useMutation<{ version: number }, ApiError>({
    mutationFn: async () => {
      await draft.flush();
      if (!draft.isSaved()) throw new Error("The draft could not be saved; fix that first");
      return apiFetch(`${url}/publish`, { method: "POST", body: {} });
    },
    onSuccess: () => router.refresh(),
  });
  // A failed publish's field errors describe the draft it saw: editing clears them.
  const { reset, isError } = publish;
  const contentKey = JSON.stringify(draft.content);
  const seenKey = useRef(contentKey);
  useEffect(() => {
    if (seenKey.current !== contentKey && isError) reset();
    seenKey.current = contentKey;
  }, [contentKey, isError, reset]);

  const flags = useMemo(
    () => flagsOf(preview.data, publish.error?.fields),
    [preview.data, publish.error],
  );
  const focus = useRef<TFocusTarget | null>(null);
  const setFocusTarget = useCallback((t: TFocusTarget) => (focus.current = t), []);
  const insertAtCursor = useCallback((text: string) => {
    if (!focus.current || !focus.current.el.isConnected) return false;
    insertInto(focus.current, text);
    return true;
  }, []);
  const ctx = useMemo(
    () => ({ readOnly, flags, attributes, setFocusTarget, insertAtCursor }),
    [readOnly, flags, attributes, setFocusTarget, insertAtCursor],
  );
  const publishError =
    publish.error && !Object.keys(publish.error.fields ?? {}).length
      ? publish.error.message
      : publish.error
        ? "Fix the highlighted fields, then publish again"
        : undefined;
  const rendered = preview.data?.rendered?.ok ? preview.data.rendered.content : null;

  return (
    <EditorContext.Provider value={ctx}>
      <header className="mb-5 flex flex-wrap items-center gap-3">
        <Link
          href={`/w/${slug}/templates`}
          aria-label="All templates"
          className="rounded p-1 text-slate-500 hover:bg-slate-100"
        >
          <ArrowLeft className="size-5" />
        </Link>
        <div className="min-w-0 flex-1">
          <h1 className="sr-only">{draft.name || template.name}</h1>
          <input
            aria-label="Template name"
            value={draft.name}
            disabled={readOnly}
            onChange={(e) => draft.setName(e.target.value)}
            className="w-full max-w-md truncate rounded-md border border-transparent bg-transparent px-2 py-1 text-xl font-semibold tracking-tight hover:border-slate-200 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100 disabled:hover:border-transparent"
          />
          <ErrorAlert variant="field" className="px-2">
            {draft.nameError}
          </ErrorAlert>
        </div>
        <ChannelBadge channel={template.channel} />
        {template.publishedVersion > 0 ? (
          <Badge tone="green" data-testid="version-badge">
            v{template.publishedVersion}
          </Badge>
        ) : (
          <Badge data-testid="version-badge">Draft</Badge>
        )}
        {readOnly ? (
          <Badge tone="amber">Read-only</Badge>
        ) : (
          <SaveStatus status={draft.status} error={draft.error?.message} />
        )}
        {readOnly ? null : (
          <>
            <TestSendDialog
              url={`${url}/test-send`}
              channel={template.channel}
              content={draft.content}
              sample={sample}
              userEmail={userEmail}
            />
            <Button onClick={() => publish.mutate()} disabled={publish.isPending} data-mutates>
              <Rocket /> {publish.isPending ? "Publishing…" : "Publish"}
            </Button>
          </>
        )}
      </header>
      <ErrorAlert variant="box" className="mb-4">
        {publishError}
      </ErrorAlert>
      {publish.isSuccess && !publish.isPending ? (
        <p
          role="status"
          className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
        >
          Published v{publish.data.version}: new sends use it.
        </p>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-4">
          <div className="flex flex-wrap items-center gap-2">
            <VariablePicker />
            <IssuesBadge flags={flags} />
            <span className="text-xs text-slate-500">
              Liquid: <code>{'{{ contact.firstName | default: "there" }}'}</code>
            </span>
          </div>
          <ChannelForm content={draft.content} rendered={rendered} update={draft.update} />
        </div>
        <div className="min-w-0 space-y-4 xl:sticky xl:top-6 xl:self-start">
          <PreviewPanel
            data={preview.data}
            error={preview.error}
            busy={preview.settling || preview.isFetching}
            workspaceName={workspaceName}
            header={<SampleContactPicker slug={slug} value={sample} onChange={setSample} />}
          />
          <VersionHistory versions={versions} />
        </div>
      </div>
    </EditorContext.Provider>
  );
}
