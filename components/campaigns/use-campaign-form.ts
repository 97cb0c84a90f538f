"use client";
import { useState } from "react";
import { useScheduleState } from "./schedule-fields";
import { useTreatments } from "./treatment-fields";
import type { TEditorOptions } from "./campaign-editor";

/**
 * The new campaign's fields (name, audience, channel, treatments, topic, holdout, conversion goal,
 * schedule) and the body they make for `POST /campaigns`. Changing the channel starts the
 * treatments again on that channel's first published template.
 */
export function useCampaignForm(options: TEditorOptions) {
  const [name, setName] = useState("");
  const [segmentId, setSegmentId] = useState(options.segments[0]?.id ?? "");
  const [channel, setChannelOnly] = useState("email");
  const published = options.templates.filter((t) => t.channel === channel);
  const treatments = useTreatments(published[0]?.id ?? "");
  const [holdout, setHoldout] = useState(0);
  const [topicId, setTopicId] = useState<string | null>(null);
  const [goalEvent, setGoalEvent] = useState("");
  const [goalDays, setGoalDays] = useState(7);
  const schedule = useScheduleState();

  const setChannel = (next: string) => {
    setChannelOnly(next);
    treatments.resetTemplates(options.templates.find((t) => t.channel === next)?.id ?? "");
  };
  // Each treatment sends its template's published version; a row without a template is left out.
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
  const body = () => ({
    name,
    audience: segmentId ? { kind: "segment", segmentId } : { kind: "everyone" },
    channel,
    treatments: treatmentsBody(),
    holdoutPercent: holdout,
    topicId,
    schedule: schedule.body(),
    conversion: goalEvent.trim() ? { event: goalEvent.trim(), windowDays: goalDays } : null,
  });

  return {
    name,
    setName,
    segmentId,
    setSegmentId,
    channel,
    setChannel,
    published,
    treatments,
    treatmentsBody,
    holdout,
    setHoldout,
    topicId,
    setTopicId,
    goalEvent,
    setGoalEvent,
    goalDays,
    setGoalDays,
    schedule,
    body,
  };
}
