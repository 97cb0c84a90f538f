"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, NativeSelect } from "@/components/ui/input";
import { useApiErrorText } from "@/components/app/use-api-error-text";
import { useChannelLabel } from "@/components/app/use-labels";
import { CHANNEL_OPTIONS } from "@/lib/channels/channel-meta";
import { ErrorAlert } from "@/components/ui/error-alert";
import { TopicPicker } from "@/components/topics/topic-picker";
import { AudienceSizeCard } from "./audience-size-card";
import { ConversionGoalFields } from "./conversion-goal-fields";
import { ScheduleFields } from "./schedule-fields";
import { TestSendPanel } from "./test-send-panel";
import { TreatmentFields } from "./treatment-fields";
import { useCampaignErrorText } from "./use-campaign-error-text";
import { useCampaignForm } from "./use-campaign-form";
import { useSaveCampaign } from "./use-save-campaign";

export type TEditorOptions = {
  segments: { id: string; name: string }[];
  templates: { id: string; name: string; channel: string; publishedVersion: number }[];
  topics?: { id: string; name: string }[];
};

/**
 * The short campaign editor: name, audience with its live count, channel and published template
 * version, holdout, and when to send (now, at a time, at a local time, recurring). Saves a draft,
 * or saves and launches it. The fields live in useCampaignForm; this lays them out.
 */
export function CampaignEditor({ slug, options }: { slug: string; options: TEditorOptions }) {
  const t = useTranslations("campaigns.editor");
  const tc = useTranslations("common");
  const channelLabel = useChannelLabel();
  const errorText = useApiErrorText();
  const fieldText = useCampaignErrorText();
  const f = useCampaignForm(options);
  const save = useSaveCampaign(slug, f.body, () => f.schedule.when === "now");
  const fields = save.error?.fields ?? {};
  const err = (k: string) => fieldText(fields[k]);

  return (
    <form
      className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_320px]"
      noValidate
      onSubmit={(e) => e.preventDefault()}
    >
      <Card className="space-y-5 p-6">
        <Field id="campaign-name" label={tc("name")} error={err("name")}>
          <Input
            id="campaign-name"
            value={f.name}
            onChange={(e) => f.setName(e.target.value)}
            placeholder={t("namePlaceholder")}
          />
        </Field>
        <Field id="campaign-audience" label={t("audience")} error={err("audience.segmentId")}>
          <NativeSelect
            id="campaign-audience"
            value={f.segmentId}
            onChange={(e) => f.setSegmentId(e.target.value)}
          >
            {options.segments.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
            <option value="">{t("everyone")}</option>
          </NativeSelect>
        </Field>
        <div className="grid gap-5 sm:grid-cols-2">
          <Field id="campaign-channel" label={tc("channel")}>
            <NativeSelect
              id="campaign-channel"
              value={f.channel}
              onChange={(e) => f.setChannel(e.target.value)}
            >
              {CHANNEL_OPTIONS.map(({ value }) => (
                <option key={value} value={value}>
                  {channelLabel(value)}
                </option>
              ))}
            </NativeSelect>
          </Field>
        </div>
        <TreatmentFields t={f.treatments} templates={f.published} err={err} />
        <TopicPicker
          id="campaign-topic"
          topics={options.topics ?? []}
          value={f.topicId}
          onChange={f.setTopicId}
          error={err("topicId")}
          inherit
        />
        <Field
          id="campaign-holdout"
          label={t("holdout")}
          error={err("holdoutPercent")}
          hint={t("holdoutHint")}
        >
          <Input
            id="campaign-holdout"
            type="number"
            min={0}
            max={50}
            value={f.holdout}
            onChange={(e) => f.setHoldout(Math.max(0, Math.min(50, Number(e.target.value) || 0)))}
            className="w-28"
          />
        </Field>
        <ConversionGoalFields
          event={f.goalEvent}
          days={f.goalDays}
          onEvent={f.setGoalEvent}
          onDays={f.setGoalDays}
          err={err}
        />
        <ScheduleFields s={f.schedule} err={err} />
        {save.error && !Object.keys(fields).length ? (
          <ErrorAlert variant="box">{errorText(save.error)}</ErrorAlert>
        ) : null}
        <div className="flex gap-2 border-t border-slate-100 pt-5">
          <Button
            type="button"
            disabled={save.isPending}
            onClick={() => save.mutate(true)}
            data-mutates
          >
            {f.schedule.when === "now"
              ? t("saveAndSend")
              : f.schedule.when === "event"
                ? t("saveAndStart")
                : t("saveAndSchedule")}
          </Button>
          <Button
            type="button"
            variant="outline"
            disabled={save.isPending}
            onClick={() => save.mutate(false)}
            data-mutates
          >
            {t("saveDraft")}
          </Button>
        </div>
      </Card>
      <div className="space-y-6">
        <AudienceSizeCard
          slug={slug}
          segmentId={f.segmentId}
          channel={f.channel}
          holdout={f.holdout}
        />
        <TestSendPanel slug={slug} channel={f.channel} treatments={f.treatmentsBody} />
      </div>
    </form>
  );
}
