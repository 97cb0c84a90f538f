"use client";
import { useLocale, useTranslations } from "next-intl";
import { Upload } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { ErrorAlert } from "@/components/ui/error-alert";

type TResult = { matched: number; unmatched: string[]; unmatchedCount: number };

/** A static segment from a CSV of user ids; the file is read here and sent as JSON text. */
export function ImportSegment({ slug }: { slug: string }) {
  const t = useTranslations("segments.import");
  const tc = useTranslations("common");
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const upload = useApiMutation<{ name: string; csv: string }, TResult>((body) => ({
    url: `/api/w/${slug}/segments/import`,
    method: "POST",
    body,
  }));
  const r = upload.data;
  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), upload.reset())}>
      <DialogTrigger asChild>
        <Button variant="outline" data-mutates>
          <Upload /> {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent title={t("title")} description={t("description")}>
        {r ? (
          <div className="space-y-3 text-sm">
            <p>
              {t.rich("added", {
                count: r.matched,
                n: r.matched.toLocaleString(locale),
                b: (chunks) => <span className="font-semibold">{chunks}</span>,
              })}
            </p>
            {r.unmatchedCount ? (
              <div>
                <p className="text-amber-800">{t("unmatched", { count: r.unmatchedCount })}</p>
                <p className="mt-1 max-h-32 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs">
                  {r.unmatched.join(", ")}
                </p>
              </div>
            ) : null}
            <Button className="w-full" onClick={() => setOpen(false)}>
              {t("done")}
            </Button>
          </div>
        ) : (
          <form
            className="space-y-4"
            noValidate
            onSubmit={async (e) => {
              e.preventDefault();
              const form = new FormData(e.currentTarget);
              const file = form.get("file");
              upload.mutate({
                name: String(form.get("name")),
                csv: file instanceof File ? await file.text() : "",
              });
            }}
          >
            <Field id="import-name" label={tc("name")} error={upload.fieldError("name")}>
              <Input id="import-name" name="name" placeholder={t("namePlaceholder")} autoFocus />
            </Field>
            <Field id="import-file" label={t("file")} error={upload.fieldError("csv")}>
              <Input
                id="import-file"
                name="file"
                type="file"
                accept=".csv,text/csv"
                className="py-1.5"
              />
            </Field>
            <ErrorAlert>{upload.formError}</ErrorAlert>
            <Button type="submit" className="w-full" disabled={upload.isPending} data-mutates>
              {t("submit")}
            </Button>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
