"use client";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useDebounced } from "@/components/app/use-debounced";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, NativeSelect } from "@/components/ui/input";
import { CHANNEL_OPTIONS, channelLabel } from "@/lib/channels/channel-meta";
import { ApiError, apiFetch } from "@/lib/http/api-fetch";
import { ScheduleFields, useScheduleState } from "./schedule-fields";
import { ErrorAlert } from "@/components/ui/error-alert";
import { TestSendPanel } from "./test-send-panel";
import { TreatmentFields, useTreatments } from "./treatment-fields";

export type TEditorOptions = {
  segments: { id: string; name: string }[];
  templates: { id: string; name: string; channel: string; publishedVersion: number }[];
};

type TAudienceSize = { total: number; reachable: number; expectedRecipients: number };

/**
 * The short campaign editor: name, audience with its live count, channel and published template
 * version, holdout, and when to send (now, at a time, at a local time, recurring). Saves a draft,
 * or saves and launches it.
 */
export function CampaignEditor({ slug, options }: { slug: string; options: TEditorOptions }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [segmentId, setSegmentId] = useState(options.segments[0]?.id ?? "");
  const [channel, setChannel] = useState("email");
  const published = options.templates.filter((t) => t.channel === channel);
  const treatments = useTreatments(published[0]?.id ?? "");
  const [holdout, setHoldout] = useState(0);
  const [goalEvent, setGoalEvent] = useState("");
  const [goalDays, setGoalDays] = useState(7);
  const treatmentsBody = () =>
    treatments.rows.flatMap((r) => {
      const template = options.templates.find((t) => t.id === r.templateId);
      return template
        ? [
            {
              label: r.label,
              templateId: template.id,
              templateVersion: template.publishedVersion,
              percent: r.percent,
            },
          ]
        : [];
    });
  const schedule = useScheduleState();

  const countKey = useDebounced(`${segmentId}|${channel}|${holdout}`, 300);
  const size = useQuery<TAudienceSize, ApiError>({
    queryKey: ["campaign-audience", slug, countKey],
    queryFn: () => {
      const [s, c, h] = countKey.split("|");
      const q = new URLSearchParams({ channel: c!, holdoutPercent: h! });
      if (s) q.set("segmentId", s);
      return apiFetch<TAudienceSize>(`/api/w/${slug}/campaigns/audience?${q}`, { method: "GET" });
    },
    placeholderData: keepPreviousData,
    retry: false,
  });

  // "Save and send now" is one request: the server saves and launches in one transaction, so a
  // refused launch leaves no draft behind and a retry does not find the name taken.
  const save = useMutation<{ campaignId: string; runId: string | null }, ApiError, boolean>({
    mutationFn: async (launch) => {
      const { campaign, run } = await apiFetch<{
        campaign: { id: string };
        run: { id: string } | null;
      }>(`/api/w/${slug}/campaigns${launch ? "?launch=1" : ""}`, {
        method: "POST",
        body: {
          name,
          audience: segmentId ? { kind: "segment", segmentId } : { kind: "everyone" },
          channel,
          treatments: treatmentsBody(),
          holdoutPercent: holdout,
          schedule: schedule.body(),
          conversion: goalEvent.trim() ? { event: goalEvent.trim(), windowDays: goalDays } : null,
        },
      });
      return { campaignId: campaign.id, runId: run?.id ?? null };
    },
    // A run sent now is watched on its page; anything scheduled shows on the campaign's.
    onSuccess: ({ campaignId, runId }) =>
      router.push(
        runId && schedule.when === "now"
          ? `/w/${slug}/campaigns/runs/${runId}`
          : `/w/${slug}/campaigns/${campaignId}`,
      ),
  });
  const fields = save.error?.fields ?? {};
  const err = (k: string) => fields[k];

  return (
    <form
      className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_320px]"
      noValidate
      onSubmit={(e) => e.preventDefault()}
    >
      <Card className="space-y-5 p-6">
        <Field id="campaign-name" label="Name" error={err("name")}>
          <Input
            id="campaign-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Spring sale"
          />
        </Field>
        <Field id="campaign-audience" label="Audience" error={err("audience.segmentId")}>
          <NativeSelect
            id="campaign-audience"
            value={segmentId}
            onChange={(e) => setSegmentId(e.target.value)}
          >
            {options.segments.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
            <option value="">Everyone</option>
          </NativeSelect>
        </Field>
        <div className="grid gap-5 sm:grid-cols-2">
          <Field id="campaign-channel" label="Channel">
            <NativeSelect
              id="campaign-channel"
              value={channel}
              onChange={(e) => {
                setChannel(e.target.value);
                treatments.resetTemplates(
                  options.templates.find((t) => t.channel === e.target.value)?.id ?? "",
                );
              }}
            >
              {CHANNEL_OPTIONS.map(({ value, label }) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </NativeSelect>
          </Field>
        </div>
        <TreatmentFields t={treatments} templates={published} err={err} />
        <Field
          id="campaign-holdout"
          label="Holdout %"
          error={err("holdoutPercent")}
          hint="This share of the audience receives nothing and is counted as the control group."
        >
          <Input
            id="campaign-holdout"
            type="number"
            min={0}
            max={50}
            value={holdout}
            onChange={(e) => setHoldout(Math.max(0, Math.min(50, Number(e.target.value) || 0)))}
            className="w-28"
          />
        </Field>
        <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_8rem]">
          <Field
            id="campaign-goal"
            label="Conversion event (optional)"
            error={err("conversion.event")}
            hint="The results count who performed it after the send, and compare each treatment with the holdout."
          >
            <Input
              id="campaign-goal"
              value={goalEvent}
              onChange={(e) => setGoalEvent(e.target.value)}
              placeholder="Order Completed"
            />
          </Field>
          <Field id="campaign-goal-days" label="Within (days)" error={err("conversion.windowDays")}>
            <Input
              id="campaign-goal-days"
              type="number"
              min={1}
              max={90}
              value={goalDays}
              onChange={(e) => setGoalDays(Number(e.target.value) || 0)}
            />
          </Field>
        </div>
        <ScheduleFields s={schedule} err={err} />
        {save.error && !Object.keys(fields).length ? (
          <ErrorAlert variant="box">{save.error.message}</ErrorAlert>
        ) : null}
        <div className="flex gap-2 border-t border-slate-100 pt-5">
          <Button
            type="button"
            disabled={save.isPending}
            onClick={() => save.mutate(true)}
            data-mutates
          >
            {schedule.when === "now"
              ? "Save and send now"
              : schedule.when === "event"
                ? "Save and start"
                : "Save and schedule"}
          </Button>
          <Button
            type="button"
            variant="outline"
            disabled={save.isPending}
            onClick={() => save.mutate(false)}
            data-mutates
          >
            Save draft
          </Button>
        </div>
      </Card>
      <div className="space-y-6">
        <Card className="h-fit space-y-3 p-6" aria-live="polite">
          <h2 className="text-sm font-semibold text-slate-900">Audience</h2>
          {size.error ? (
            <p className="text-sm text-red-600">{size.error.message}</p>
          ) : size.data ? (
            <dl className="space-y-2 text-sm">
              <Row label="In the audience" value={size.data.total} testId="audience-total" />
              <Row label={`Reachable by ${channelLabel(channel)}`} value={size.data.reachable} />
              <Row
                label="Will receive it"
                value={size.data.expectedRecipients}
                testId="audience-expected"
                strong
              />
            </dl>
          ) : (
            <p className="text-sm text-slate-500">Counting…</p>
          )}
          <p className="text-xs text-slate-500">
            Reachable excludes contacts without an address for the channel or who opted out; the
            holdout is taken from those.
          </p>
        </Card>
        <TestSendPanel slug={slug} channel={channel} treatments={treatmentsBody} />
      </div>
    </form>
  );
}

function Row({
  label,
  value,
  testId,
  strong,
}: {
  label: string;
  value: number;
  testId?: string;
  strong?: boolean;
}) {
  return (
    <div className="flex items-baseline justify-between gap-3">
      <dt className="text-slate-600">{label}</dt>
      <dd
        data-testid={testId}
        className={strong ? "text-lg font-semibold tabular-nums" : "tabular-nums"}
      >
        {value.toLocaleString("en")}
      </dd>
    </div>
  );
}
