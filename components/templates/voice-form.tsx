"use client";
import { useTranslations } from "next-intl";
import { Card, CardBody } from "@/components/ui/card";
import type { TVoiceContent } from "@/lib/templates/template-content";
import { LiquidField } from "./liquid-field";
import type { TDraftContent } from "./use-template-draft";

export function VoiceForm({
  content,
  update,
}: {
  content: TVoiceContent;
  update: (fn: (c: TDraftContent) => TDraftContent) => void;
}) {
  const t = useTranslations("templates.voice");
  const set = (patch: Partial<TVoiceContent>) => update((c) => ({ ...c, ...patch }));
  return (
    <Card>
      <CardBody className="space-y-3">
        <LiquidField
          id="voice-speech"
          label={t("speech")}
          path="speech"
          value={content.speech ?? ""}
          multiline
          rows={8}
          hint={t("speechHint", { tag: "<speak>" })}
          onChange={(speech) => set({ speech })}
        />
        <div className="grid grid-cols-2 gap-3">
          <LiquidField
            id="voice-voice"
            label={t("voice")}
            path="voice"
            value={content.voice ?? ""}
            hint={t("voiceHint")}
            onChange={(voice) => set({ voice })}
          />
          <LiquidField
            id="voice-language"
            label={t("language")}
            path="language"
            value={content.language ?? ""}
            hint={t("languageHint")}
            onChange={(language) => set({ language })}
          />
        </div>
      </CardBody>
    </Card>
  );
}
