"use client";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field, Input } from "@/components/ui/input";

type TDays = {
  messageBodyDays: number | null;
  importDays: number | null;
  contactEventDays: number | null;
};

const FIELDS: { key: keyof TDays; label: string; hint: string }[] = [
  {
    key: "messageBodyDays",
    label: "Rendered message bodies (days)",
    hint: "The message, its status and its opens and clicks stay for analytics; only what was sent is removed.",
  },
  {
    key: "importDays",
    label: "Import files and error rows (days)",
    hint: "Counted from when the import finished. The import's summary stays.",
  },
  {
    key: "contactEventDays",
    label: "Raw contact events (days)",
    hint: "Off by default: segments and journeys may look back far. Dashboards keep their rollups.",
  },
];

/** Retention periods; an empty field keeps that data forever. */
export function RetentionForm({ slug, days }: { slug: string; days: TDays }) {
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
      {FIELDS.map(({ key, label, hint }) => (
        <Field
          key={key}
          id={`retention-${key}`}
          label={label}
          hint={hint}
          error={save.fieldError(key)}
        >
          <Input
            id={`retention-${key}`}
            name={key}
            type="number"
            min={1}
            max={3650}
            step={1}
            placeholder="Keep forever"
            defaultValue={days[key] ?? ""}
            className="max-w-40"
            data-mutates
          />
        </Field>
      ))}
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
