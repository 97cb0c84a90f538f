"use client";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field, Input } from "@/components/ui/input";

type TLimits = {
  messagesPerSecond?: number;
  dailyCapPerContact?: number;
  totalCapPerContact?: number;
  quietHours?: { start: string; end: string };
  maxDurationMinutes?: number;
};
type TNumberKey = Exclude<keyof TLimits, "quietHours">;

const NUMBERS: { key: TNumberKey; label: string; hint: string; max: number }[] = [
  {
    key: "messagesPerSecond",
    label: "Messages per second, per campaign",
    hint: "Shared by every worker of the installation.",
    max: 20_000,
  },
  {
    key: "dailyCapPerContact",
    label: "Messages per contact in 24 hours",
    hint: "Counts every message a contact was sent, journeys included: a campaign skips them past it.",
    max: 100,
  },
  {
    key: "totalCapPerContact",
    label: "Messages per contact from one campaign",
    hint: "Over all the runs of a recurring or event-triggered campaign.",
    max: 1000,
  },
  {
    key: "maxDurationMinutes",
    label: "Maximum run duration (minutes)",
    hint: "What is still unsent after this is dropped and counted as expired.",
    max: 60 * 24 * 7,
  },
];

/** The workspace's default campaign limits; an empty field has no workspace default. */
export function CampaignDefaultsForm({
  slug,
  limits,
  builtIn,
  timezone,
}: {
  slug: string;
  limits: TLimits;
  builtIn: { messagesPerSecond: number; maxDurationMinutes: number };
  timezone: string;
}) {
  const save = useApiMutation((body: TLimits) => ({
    url: `/api/w/${slug}/campaign-defaults`,
    method: "PUT",
    body,
  }));
  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const text = (k: string) => String(f.get(k) ?? "").trim();
        const body: TLimits = {};
        for (const { key } of NUMBERS) if (text(key)) body[key] = Number(text(key));
        if (text("quietStart") || text("quietEnd"))
          body.quietHours = { start: text("quietStart"), end: text("quietEnd") };
        save.mutate(body);
      }}
    >
      {NUMBERS.map(({ key, label, hint, max }) => (
        <Field key={key} id={`limit-${key}`} label={label} hint={hint} error={save.fieldError(key)}>
          <Input
            id={`limit-${key}`}
            name={key}
            type="number"
            min={1}
            max={max}
            step={1}
            placeholder={key in builtIn ? String(builtIn[key as keyof typeof builtIn]) : "No limit"}
            defaultValue={limits[key] ?? ""}
            className="max-w-40"
            data-mutates
          />
        </Field>
      ))}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-900">Quiet hours</legend>
        <p className="text-sm text-slate-500">
          Contacts whose local time is inside the window are skipped (their own zone, else{" "}
          {timezone}).
        </p>
        <div className="flex items-end gap-3">
          <Field id="limit-quiet-start" label="From" error={save.fieldError("quietHours.start")}>
            <Input
              id="limit-quiet-start"
              name="quietStart"
              type="time"
              defaultValue={limits.quietHours?.start ?? ""}
              data-mutates
            />
          </Field>
          <Field id="limit-quiet-end" label="Until" error={save.fieldError("quietHours.end")}>
            <Input
              id="limit-quiet-end"
              name="quietEnd"
              type="time"
              defaultValue={limits.quietHours?.end ?? ""}
              data-mutates
            />
          </Field>
        </div>
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={save.isPending} data-mutates>
          Save
        </Button>
        {save.isSuccess ? (
          <span role="status" className="text-sm text-emerald-700">
            Saved
          </span>
        ) : null}
        <ErrorAlert as="span">{save.formError}</ErrorAlert>
      </div>
    </form>
  );
}
