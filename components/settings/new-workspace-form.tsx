"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field, Input, NativeSelect } from "@/components/ui/input";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { ErrorAlert } from "@/components/ui/error-alert";

export function NewWorkspaceForm({ timeZones }: { timeZones: string[] }) {
  const router = useRouter();
  const t = useTranslations("settings.newWorkspace");
  const tc = useTranslations("common");
  const tg = useTranslations("settings.general");
  const create = useApiMutation<{ name: string; timezone: string }, { slug: string }>((body) => ({
    url: "/api/workspaces",
    method: "POST",
    body,
  }));
  const guess =
    typeof Intl !== "undefined" ? Intl.DateTimeFormat().resolvedOptions().timeZone : "UTC";
  return (
    <form
      className="mt-4 space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        create.mutate(
          { name: String(f.get("name")), timezone: String(f.get("timezone")) },
          { onSuccess: (ws) => router.push(`/w/${ws.slug}/journeys`) },
        );
      }}
    >
      <Field id="ws-name" label={tc("name")} error={create.fieldError("name")}>
        <Input id="ws-name" name="name" placeholder={t("namePlaceholder")} autoFocus />
      </Field>
      <Field id="ws-tz" label={tg("timeZone")} error={create.fieldError("timezone")}>
        <NativeSelect
          id="ws-tz"
          name="timezone"
          defaultValue={timeZones.includes(guess) ? guess : "UTC"}
          suppressHydrationWarning
        >
          {["UTC", ...timeZones.filter((z) => z !== "UTC")].map((z) => (
            <option key={z}>{z}</option>
          ))}
        </NativeSelect>
      </Field>
      <ErrorAlert>{create.formError}</ErrorAlert>
      <Button type="submit" className="w-full" disabled={create.isPending}>
        {t("create")}
      </Button>
    </form>
  );
}
