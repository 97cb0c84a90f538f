"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, Input, NativeSelect } from "@/components/ui/input";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { ErrorAlert } from "@/components/ui/error-alert";

export function WorkspaceForm(props: {
  slug: string;
  name: string;
  timezone: string;
  timeZones: string[];
}) {
  const t = useTranslations("settings.general");
  const tc = useTranslations("common");
  const save = useApiMutation((body: { name: string; timezone: string }) => ({
    url: `/api/w/${props.slug}`,
    method: "PATCH",
    body,
  }));
  const zones = props.timeZones.includes(props.timezone)
    ? props.timeZones
    : [props.timezone, ...props.timeZones];
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        save.mutate({ name: String(f.get("name")), timezone: String(f.get("timezone")) });
      }}
    >
      <Field id="ws-name" label={t("name")} error={save.fieldError("name")}>
        <Input id="ws-name" name="name" defaultValue={props.name} data-mutates />
      </Field>
      <Field id="ws-tz" label={t("timeZone")} error={save.fieldError("timezone")}>
        <NativeSelect id="ws-tz" name="timezone" defaultValue={props.timezone} data-mutates>
          {zones.map((z) => (
            <option key={z}>{z}</option>
          ))}
        </NativeSelect>
      </Field>
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
