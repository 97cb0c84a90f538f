"use client";
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { CopyField } from "./copy-field";
import { ErrorAlert } from "@/components/ui/error-alert";
import type { TApiKeyKind, TApiKeyScope } from "@/lib/api-keys/key-scopes";
import { ApiKeyKindFields } from "./api-key-kind-fields";

type TBody = { name: string; kind: TApiKeyKind; scopes?: TApiKeyScope[] };

export function CreateApiKey({ slug }: { slug: string }) {
  const t = useTranslations("settings.apiKeys");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<TApiKeyKind>("secret");
  const [scopes, setScopes] = useState<TApiKeyScope[]>(["ingest"]);
  const create = useApiMutation<
    TBody,
    { key: string; accessKeyId?: string | null; secretAccessKey?: string }
  >((body) => ({
    url: `/api/w/${slug}/api-keys`,
    method: "POST",
    body,
  }));
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) create.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button data-mutates>
          <Plus /> {t("create")}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={create.data ? t("copyNew") : t("create")}
        description={create.data ? t("shownOnce") : t("createHint")}
      >
        {create.data ? (
          <div className="space-y-4">
            <CopyField value={create.data.key} label={t("apiKey")} />
            {create.data.accessKeyId && create.data.secretAccessKey ? (
              <>
                <p className="text-sm text-slate-600">{t("awsHint")}</p>
                <CopyField value={create.data.accessKeyId} label={t("awsAccessKeyId")} />
                <CopyField value={create.data.secretAccessKey} label={t("awsSecretAccessKey")} />
              </>
            ) : null}
            <DialogClose asChild>
              <Button className="w-full">{t("done")}</Button>
            </DialogClose>
          </div>
        ) : (
          <form
            className="space-y-4"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const name = String(new FormData(e.currentTarget).get("name"));
              create.mutate(kind === "public" ? { name, kind } : { name, kind, scopes });
            }}
          >
            <Field id="key-name" label={tc("name")} error={create.fieldError("name")}>
              <Input id="key-name" name="name" placeholder={t("namePlaceholder")} autoFocus />
            </Field>
            <ApiKeyKindFields
              kind={kind}
              onKind={setKind}
              scopes={scopes}
              onScopes={setScopes}
              scopesError={create.fieldError("scopes")}
            />
            <ErrorAlert>{create.formError}</ErrorAlert>
            <Button type="submit" className="w-full" disabled={create.isPending}>
              {t("createKey")}
            </Button>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
