"use client";
import { useTranslations } from "next-intl";
import { Field, Input } from "@/components/ui/input";

/** An event name, the same in every language (events are named in the app's code). */
const CONVERSION_EXAMPLE = "Order Completed";

/** The campaign's conversion goal: an event, counted when it follows a send within some days. */
export function ConversionGoalFields({
  event,
  days,
  onEvent,
  onDays,
  err,
}: {
  event: string;
  days: number;
  onEvent: (event: string) => void;
  onDays: (days: number) => void;
  err: (field: string) => string | undefined;
}) {
  const t = useTranslations("campaigns.editor");
  return (
    <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_8rem]">
      <Field
        id="campaign-goal"
        label={t("conversionEvent")}
        error={err("conversion.event")}
        hint={t("conversionEventHint")}
      >
        <Input
          id="campaign-goal"
          value={event}
          onChange={(e) => onEvent(e.target.value)}
          placeholder={CONVERSION_EXAMPLE}
        />
      </Field>
      <Field id="campaign-goal-days" label={t("withinDays")} error={err("conversion.windowDays")}>
        <Input
          id="campaign-goal-days"
          type="number"
          min={1}
          max={90}
          value={days}
          onChange={(e) => onDays(Number(e.target.value) || 0)}
        />
      </Field>
    </div>
  );
}
