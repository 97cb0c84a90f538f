"use client";
import { useTranslations } from "next-intl";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field, Input } from "@/components/ui/input";

type TDays = {
  messageBodyDays: number | null;
  importDays: number | null;
  contactEventDays: number | null;
};

/** The fields; each one's label and hint are settings.data.<key> and <key>Hint. */
const FIELDS: (keyof TDays)[] = ["messageBodyDays", "importDays", "contactEventDays"];

/** Retention periods; an empty field keeps that data forever. */
export function RetentionForm({ slug, days }: { slug: string; days: TDays }) {
  const t = useTranslations("settings.data");
  const tc = useTranslations("common");
  const save = useApiMutation((body: TDays) => ({
    url: `/api/w/${slug}/retention`,
    method: "PUT",
    body,
  }));
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const read = (k: keyof TDays) => {
          const v = String(f.get(k) ?? "").trim();
          return v === "" ? null : Number(v);
        };
        save.mutate({
          messageBodyDays: read("messageBodyDays"),
          importDays: read("importDays"),
          contactEventDays: read("contactEventDays"),
        });
      }}
    >
      {FIELDS.map((key) => (
        <Field
          key={key}
          id={`retention-${key}`}
          label={t(key)}
          hint={t(`${key}Hint`)}
          error={save.fieldError(key)}
        >
          <Input
            id={`retention-${key}`}
            name={key}
            type="number"
            min={1}
            max={3650}
            step={1}
            placeholder={t("keepForever")}
            defaultValue={days[key] ?? ""}
            className="max-w-40"
            data-mutates
          />
        </Field>
      ))}
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
