"use client";
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
  const set = (patch: Partial<TVoiceContent>) => update((c) => ({ ...c, ...patch }));
  return (
    <Card>
      <CardBody className="space-y-3">
        <LiquidField
          id="voice-speech"
          label="Speech"
          path="speech"
          value={content.speech ?? ""}
          multiline
          rows={8}
          hint="Plain text, or SSML starting with <speak>"
          onChange={(speech) => set({ speech })}
        />
        <div className="grid grid-cols-2 gap-3">
          <LiquidField
            id="voice-voice"
            label="Voice"
            path="voice"
            value={content.voice ?? ""}
            hint="e.g. alice, Polly.Joanna"
            onChange={(voice) => set({ voice })}
          />
          <LiquidField
            id="voice-language"
            label="Language"
            path="language"
            value={content.language ?? ""}
            hint="A BCP 47 tag like en-US"
            onChange={(language) => set({ language })}
          />
        </div>
      </CardBody>
    </Card>
  );
}
