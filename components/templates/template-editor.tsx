"use client";
import { useMutation } from "@tanstack/react-query";
import { ArrowLeft, Rocket } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
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
import {
  addVariant,
  applyToLocale,
  draftLocales,
  editingContent,
  removeVariant,
} from "./draft-variants";
import { LocaleVariantBar } from "./locale-variant-bar";
import {
  flagsOf,
  slicesWithErrors,
  useTemplatePreview,
  type TSample,
} from "./use-template-preview";
import { useTemplateMessageText } from "./use-template-text";
import { VariablePicker } from "./variable-picker";
import { useApiErrorText } from "@/components/app/use-api-error-text";
import { VersionHistory, type TVersionRow } from "./version-history";
import { TemplateTopic } from "@/components/topics/template-topic";
import { ErrorAlert } from "@/components/ui/error-alert";
import { DownloadDefinitionButton } from "@/components/definitions/download-definition-button";

/** Liquid itself, the same in every language. */
const LIQUID_EXAMPLE = '{{ contact.firstName | default: "there" }}';

type Props = {
  slug: string;
  workspaceName: string;
  template: {
    id: string;
    name: string;
    channel: TSendChannel;
    publishedVersion: number;
    draft: TDraftContent;
    topicId?: string | null;
  };
  versions: TVersionRow[];
  attributes: string[];
  userEmail: string;
  readOnly: boolean;
  /** The workspace's subscription topics, for the template's topic. */
  topics?: { id: string; name: string }[];
  /** The workspace's time zone, for the dates of published versions. */
  timeZone: string;
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
  topics = [],
  timeZone,
}: Props) {
  const t = useTranslations("templates.editor");
  const messageText = useTemplateMessageText();
  const apiErrorText = useApiErrorText();
  const router = useRouter();
  const url = `/api/w/${slug}/templates/${template.id}`;
  const draft = useTemplateDraft({ url, name: template.name, content: template.draft, readOnly });
  const [sample, setSample] = useState<TSample>({ kind: "none" });
  // The locale variant being edited (null: the default content); the preview shows the same one.
  const [locale, setLocale] = useState<string | null>(null);
  const locales = draftLocales(draft.content);
  const activeLocale = locale !== null && locales.includes(locale) ? locale : null;
  const editing = useMemo(
    () => editingContent(draft.content, activeLocale),
    [draft.content, activeLocale],
  );
  const { update } = draft;
  const updateEditing = useCallback(
    (fn: (c: TDraftContent) => TDraftContent) => update((c) => applyToLocale(c, activeLocale, fn)),
    [update, activeLocale],
  );
  const preview = useTemplatePreview(slug, draft.content, sample, activeLocale);
  const publish = useMutation<{ version: number }, ApiError>({
    mutationFn: async () => {
      await draft.flush();
      if (!draft.isSaved()) throw new Error(t("notSaved"));
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
    () => flagsOf(preview.data, publish.error?.fields, activeLocale),
    [preview.data, publish.error, activeLocale],
  );
  const withErrors = useMemo(
    () => slicesWithErrors(preview.data, publish.error?.fields),
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
      ? apiErrorText(publish.error, publish.error.message)
      : publish.error
        ? t("fixFields")
        : undefined;
  const rendered = preview.data?.rendered?.ok ? preview.data.rendered.content : null;

  return (
    <EditorContext.Provider value={ctx}>
      <header className="mb-5 flex flex-wrap items-center gap-3">
        <Link
          href={`/w/${slug}/templates`}
          aria-label={t("allTemplates")}
          className="rounded p-1 text-slate-500 hover:bg-slate-100"
        >
          <ArrowLeft className="size-5" />
        </Link>
        <div className="min-w-0 flex-1">
          <h1 className="sr-only">{draft.name || template.name}</h1>
          <input
            aria-label={t("name")}
            value={draft.name}
            disabled={readOnly}
            onChange={(e) => draft.setName(e.target.value)}
            className="w-full max-w-md truncate rounded-md border border-transparent bg-transparent px-2 py-1 text-xl font-semibold tracking-tight hover:border-slate-200 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100 disabled:hover:border-transparent"
          />
          <ErrorAlert variant="field" className="px-2">
            {messageText(draft.nameError)}
          </ErrorAlert>
        </div>
        <ChannelBadge channel={template.channel} />
        <DownloadDefinitionButton slug={slug} kind="template" id={template.id} />
        {template.publishedVersion > 0 ? (
          <Badge tone="green" data-testid="version-badge">
            v{template.publishedVersion}
          </Badge>
        ) : (
          <Badge data-testid="version-badge">{t("draft")}</Badge>
        )}
        {readOnly ? (
          <Badge tone="amber">{t("readOnly")}</Badge>
        ) : (
          <SaveStatus
            status={draft.status}
            error={draft.error ? apiErrorText(draft.error) : undefined}
          />
        )}
        {readOnly ? null : (
          <>
            <TestSendDialog
              slug={slug}
              url={`${url}/test-send`}
              channel={template.channel}
              content={draft.content}
              sample={sample}
              userEmail={userEmail}
            />
            <Button onClick={() => publish.mutate()} disabled={publish.isPending} data-mutates>
              <Rocket /> {publish.isPending ? t("publishing") : t("publish")}
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
          {t("published", { version: publish.data.version })}
        </p>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-4">
          <div className="flex flex-wrap items-center gap-2">
            <VariablePicker formatting={preview.data?.formatting} />
            <IssuesBadge flags={flags} />
            <span className="text-xs text-slate-600">
              {t("liquidHint")} <code>{LIQUID_EXAMPLE}</code>
            </span>
          </div>
          <TemplateTopic
            url={url}
            topics={topics}
            initial={template.topicId ?? null}
            readOnly={readOnly}
          />
          <LocaleVariantBar
            locales={locales}
            active={activeLocale}
            onSelect={setLocale}
            onAdd={(l) => {
              update((c) => addVariant(c, l));
              setLocale(l);
            }}
            onRemove={(l) => {
              update((c) => removeVariant(c, l));
              setLocale(null);
            }}
            withErrors={withErrors}
            readOnly={readOnly}
          />
          <ChannelForm
            key={activeLocale ?? "default"}
            content={editing}
            rendered={rendered}
            update={updateEditing}
          />
        </div>
        <div className="min-w-0 space-y-4 xl:sticky xl:top-6 xl:self-start">
          <PreviewPanel
            data={preview.data}
            error={preview.error}
            busy={preview.settling || preview.isFetching}
            workspaceName={workspaceName}
            header={<SampleContactPicker slug={slug} value={sample} onChange={setSample} />}
          />
          <VersionHistory versions={versions} timeZone={timeZone} />
        </div>
      </div>
    </EditorContext.Provider>
  );
}
