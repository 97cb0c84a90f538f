"use client";
import { useTranslations } from "next-intl";
import { Fragment, useState } from "react";
import { Button } from "@/components/ui/button";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { ProviderField } from "./provider-field";
import type { TProviderSpec } from "./provider-fields";
import {
  buildProviderBody,
  fieldError,
  initialValues,
  storedSecrets,
  type TFormValues,
} from "./provider-form-values";
import { RemoveProviderDialog } from "./remove-provider-dialog";
import { ErrorAlert } from "@/components/ui/error-alert";

type Props = {
  slug: string;
  spec: TProviderSpec;
  /** The stored config, redacted (secrets are `{ set }`), or null when the provider is not configured. */
  config: Record<string, unknown> | null;
};

/** Settings of one provider kind: saved with PUT, removed with DELETE, field errors under their inputs. */
export function ProviderForm({ slug, spec, config }: Props) {
  const tc = useTranslations("common");
  const [values, setValues] = useState<TFormValues>(() => initialValues(spec, config));
  const url = `/api/w/${slug}/channels/${spec.kind}`;
  const save = useApiMutation((body: Record<string, unknown>) => ({ url, method: "PUT", body }));
  const remove = useApiMutation((_: void) => ({ url, method: "DELETE" }));
  const stored = storedSecrets(spec, config);
  const errors = save.error?.fields ?? {};
  // A 400 about something that is not one of the inputs still needs saying somewhere.
  const unplaced =
    save.error && !save.formError && !spec.fields.some((f) => fieldError(errors, f))
      ? save.error.message
      : undefined;
  const clearSecrets = () =>
    setValues((v) =>
      Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k in stored ? "" : x])),
    );

  return (
    <form
      noValidate
      aria-label={spec.title}
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(buildProviderBody(spec, values), { onSuccess: clearSecrets });
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        {spec.fields.map((f) => (
          <Fragment key={f.name}>
            {f.section ? (
              <h3 className="border-t border-slate-200 pt-4 text-sm font-semibold text-slate-800 sm:col-span-2">
                {f.section}
              </h3>
            ) : null}
            <div
              className={
                f.type === "secret-textarea" || f.type === "switch" ? "sm:col-span-2" : undefined
              }
            >
              <ProviderField
                id={`${spec.kind}-${f.name.replace(".", "-")}`}
                spec={f}
                value={values[f.name] ?? ""}
                stored={stored[f.name]}
                error={fieldError(errors, f)}
                onChange={(v) => {
                  if (save.isSuccess) save.reset();
                  setValues((prev) => ({ ...prev, [f.name]: v }));
                }}
              />
            </div>
          </Fragment>
        ))}
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={save.isPending} data-mutates>
          {tc("save")}
        </Button>
        {config ? (
          <RemoveProviderDialog
            title={spec.title}
            note={spec.removeNote}
            pending={remove.isPending}
            onConfirm={() =>
              remove.mutateAsync(undefined).then(() => {
                save.reset();
                setValues(initialValues(spec, null));
              })
            }
          />
        ) : null}
        {save.isSuccess ? (
          <span role="status" className="text-sm text-emerald-700">
            {tc("saved")}
          </span>
        ) : null}
        <ErrorAlert as="span">{save.formError ?? unplaced}</ErrorAlert>
        <ErrorAlert as="span">{remove.formError}</ErrorAlert>
      </div>
    </form>
  );
}
