"use client";
import { useTranslations } from "next-intl";
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

/** The number fields; each one's label and hint are settings.campaigns.<key> and <key>Hint. */
const NUMBERS: { key: TNumberKey; max: number }[] = [
  { key: "messagesPerSecond", max: 20_000 },
  { key: "dailyCapPerContact", max: 100 },
  { key: "totalCapPerContact", max: 1000 },
  { key: "maxDurationMinutes", max: 60 * 24 * 7 },
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
  const t = useTranslations("settings.campaigns");
  const tc = useTranslations("common");
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
      {NUMBERS.map(({ key, max }) => (
        <Field
          key={key}
          id={`limit-${key}`}
          label={t(key)}
          hint={t(`${key}Hint`)}
          error={save.fieldError(key)}
        >
          <Input
            id={`limit-${key}`}
            name={key}
            type="number"
            min={1}
            max={max}
            step={1}
            placeholder={
              key in builtIn ? String(builtIn[key as keyof typeof builtIn]) : t("noLimit")
            }
            defaultValue={limits[key] ?? ""}
            className="max-w-40"
            data-mutates
          />
        </Field>
      ))}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-900">{t("quietHours")}</legend>
        <p className="text-sm text-slate-500">{t("quietHoursHint", { timezone })}</p>
        <div className="flex items-end gap-3">
          <Field
            id="limit-quiet-start"
            label={t("from")}
            error={save.fieldError("quietHours.start")}
          >
            <Input
              id="limit-quiet-start"
              name="quietStart"
              type="time"
              defaultValue={limits.quietHours?.start ?? ""}
              data-mutates
            />
          </Field>
          <Field id="limit-quiet-end" label={t("until")} error={save.fieldError("quietHours.end")}>
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
          {tc("save")}
        </Button>
        {save.isSuccess ? (
          <span role="status" className="text-sm text-emerald-700">
            {tc("saved")}
          </span>
        ) : null}
        <ErrorAlert as="span">{save.formError}</ErrorAlert>
      </div>
    </form>
  );
}
