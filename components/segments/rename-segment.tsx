"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { ErrorAlert } from "@/components/ui/error-alert";

export function RenameSegment({ slug, id, name }: { slug: string; id: string; name: string }) {
  const t = useTranslations("segments.rename");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  const rename = useApiMutation((body: { name: string }) => ({
    url: `/api/w/${slug}/segments/${id}`,
    method: "PATCH",
    body,
  }));
  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), rename.reset())}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" data-mutates>
          {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent title={t("title")} description={t("description")}>
        <form
          className="space-y-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            rename.mutate(
              { name: String(new FormData(e.currentTarget).get("name")) },
              { onSuccess: () => setOpen(false) },
            );
          }}
        >
          <Field id={`rename-${id}`} label={tc("name")} error={rename.fieldError("name")}>
            <Input id={`rename-${id}`} name="name" defaultValue={name} autoFocus />
          </Field>
          <ErrorAlert>{rename.formError}</ErrorAlert>
          <Button type="submit" className="w-full" disabled={rename.isPending} data-mutates>
            {t("button")}
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}
