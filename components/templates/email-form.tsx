"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Card, CardBody } from "@/components/ui/card";
import {
  blockPath,
  findBlock,
  insertBlock,
  newBlock,
  updateBlock,
} from "@/lib/templates/email-block-ops";
import type { TEmailBlock, TEmailContent, TEmailTheme } from "@/lib/templates/template-content";
import { AddBlockMenu } from "./add-block-menu";
import { BlockForm } from "./block-form";
import { BlockList } from "./block-list";
import { useEditor } from "./editor-context";
import { LiquidField } from "./liquid-field";
import { PlainTextCard } from "./plain-text-card";
import { ThemeForm } from "./theme-form";
import type { TDraftContent } from "./use-template-draft";

const DEFAULT_THEME: TEmailTheme = {
  brandColor: "#2563eb",
  backgroundColor: "#f3f4f6",
  fontFamily: "system",
  contentWidth: 600,
};

/**
 * Subject and preheader, the block list with the selected block's form beside it, the optional
 * plain-text version and the theme.
 */
export function EmailForm({
  content,
  update,
}: {
  content: TEmailContent;
  update: (fn: (c: TDraftContent) => TDraftContent) => void;
}) {
  const t = useTranslations("templates.email");
  const { readOnly } = useEditor();
  const blocks = content.blocks ?? [];
  const [selectedId, setSelectedId] = useState<string | null>(blocks[0]?.id ?? null);
  const selected = selectedId ? findBlock(blocks, selectedId) : null;
  const set = (patch: Partial<TEmailContent>) => update((c) => ({ ...c, ...patch }));
  const setBlocks = (fn: (b: TEmailBlock[]) => TEmailBlock[]) =>
    update((c) => ({ ...c, blocks: fn((c as unknown as TEmailContent).blocks ?? []) }));
  return (
    <div className="space-y-4">
      <Card>
        <CardBody className="space-y-3">
          <LiquidField
            id="email-subject"
            label={t("subject")}
            path="subject"
            value={content.subject ?? ""}
            onChange={(subject) => set({ subject })}
          />
          <LiquidField
            id="email-preheader"
            label={t("preheader")}
            path="preheader"
            value={content.preheader ?? ""}
            hint={t("preheaderHint")}
            onChange={(preheader) => set({ preheader })}
          />
        </CardBody>
      </Card>
      <Card>
        <div className="flex items-center justify-between border-b border-slate-100 px-5 py-3">
          <h2 className="text-sm font-semibold text-slate-900">{t("blocks")}</h2>
          {readOnly ? null : (
            <AddBlockMenu
              onAdd={(type) => {
                const block = newBlock(type);
                setBlocks((b) => insertBlock(b, block, selectedId));
                setSelectedId(block.id);
              }}
            />
          )}
        </div>
        <CardBody className="space-y-4">
          <BlockList
            blocks={blocks}
            selectedId={selectedId}
            onSelect={setSelectedId}
            onChange={setBlocks}
          />
          <div className="rounded-md border border-slate-200 bg-slate-50/60 p-3">
            {selected ? (
              <BlockForm
                key={selected.id}
                block={selected}
                path={blockPath(blocks, selected.id) ?? ""}
                onPatch={(patch) =>
                  setBlocks((b) => updateBlock(b, selected.id, patch as Partial<TEmailBlock>))
                }
              />
            ) : (
              <p className="py-6 text-center text-sm text-slate-500">{t("selectBlock")}</p>
            )}
          </div>
        </CardBody>
      </Card>
      <PlainTextCard value={content.plainText ?? ""} onChange={(plainText) => set({ plainText })} />
      <Card>
        <details>
          <summary className="cursor-pointer px-5 py-3 text-sm font-semibold text-slate-900">
            {t("theme")}
          </summary>
          <CardBody className="border-t border-slate-100">
            <ThemeForm
              theme={content.theme ?? DEFAULT_THEME}
              onChange={(theme) => set({ theme })}
            />
          </CardBody>
        </details>
      </Card>
    </div>
  );
}
