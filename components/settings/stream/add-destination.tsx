"use client";
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field, Input, NativeSelect } from "@/components/ui/input";
import { CopyField } from "../copy-field";

type TBody = {
  name: string;
  kind: "webhook" | "ndjson";
  format: "waymark" | "pinpoint";
  settings: Record<string, unknown>;
};

const URL_EXAMPLE = "https://example.com/waymark-events";

/** Adds a webhook or an NDJSON export; a webhook's signing secret is shown once, here. */
export function AddDestination({ slug }: { slug: string }) {
  const t = useTranslations("settings.stream");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<TBody["kind"]>("webhook");
  const create = useApiMutation<TBody, { secret: string | null }>((body) => ({
    url: `/api/w/${slug}/stream/destinations`,
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
          <Plus /> {t("add")}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={create.data ? t("added") : t("addTitle")}
        description={
          create.data?.secret ? t("secretHint") : create.data ? t("filesHint") : t("addDescription")
        }
      >
        {create.data ? (
          <div className="space-y-4">
            {create.data.secret ? (
              <CopyField value={create.data.secret} label={t("signingSecret")} />
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
              const f = new FormData(e.currentTarget);
              const format = String(f.get("format")) as TBody["format"];
              create.mutate({
                name: String(f.get("name")),
                kind,
                format,
                settings:
                  kind === "webhook"
                    ? { url: String(f.get("url")), batchSize: Number(f.get("batchSize")) }
                    : { period: String(f.get("period")) },
              });
            }}
          >
            <Field id="dest-name" label={tc("name")} error={create.fieldError("name")}>
              <Input id="dest-name" name="name" placeholder={t("namePlaceholder")} autoFocus />
            </Field>
            <Field id="dest-kind" label={t("kind")}>
              <NativeSelect
                id="dest-kind"
                value={kind}
                onChange={(e) => setKind(e.target.value as TBody["kind"])}
              >
                <option value="webhook">{t("kindWebhook")}</option>
                <option value="ndjson">{t("kindNdjson")}</option>
              </NativeSelect>
            </Field>
            {kind === "webhook" ? (
              <>
                <Field id="dest-url" label={t("url")} error={create.fieldError("settings.url")}>
                  <Input id="dest-url" name="url" placeholder={URL_EXAMPLE} />
                </Field>
                <Field
                  id="dest-batch"
                  label={t("batchSize")}
                  hint={t("batchSizeHint")}
                  error={create.fieldError("settings.batchSize")}
                >
                  <Input id="dest-batch" name="batchSize" type="number" defaultValue={100} />
                </Field>
              </>
            ) : (
              <Field id="dest-period" label={t("period")}>
                <NativeSelect id="dest-period" name="period" defaultValue="hour">
                  <option value="hour">{t("hour")}</option>
                  <option value="day">{t("day")}</option>
                </NativeSelect>
              </Field>
            )}
            <Field id="dest-format" label={t("format")} hint={t("formatHint")}>
              <NativeSelect id="dest-format" name="format" defaultValue="waymark">
                <option value="waymark">{t("formatWaymark")}</option>
                <option value="pinpoint">{t("formatPinpoint")}</option>
              </NativeSelect>
            </Field>
            <ErrorAlert>{create.formError}</ErrorAlert>
            <Button type="submit" className="w-full" disabled={create.isPending}>
              {t("add")}
            </Button>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
