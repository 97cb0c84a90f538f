"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";

/** Confirms before the stored credentials are deleted; the channels fall back as `note` says. */
export function RemoveProviderDialog({
  title,
  note,
  pending,
  onConfirm,
}: {
  title: string;
  note: string;
  pending: boolean;
  onConfirm: () => Promise<unknown>;
}) {
  const t = useTranslations("settings.channelsPage");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button type="button" variant="outline" data-mutates>
          {t("remove")}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={t("removeTitle", { title })}
        description={t("removeDescription", { note })}
      >
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button type="button" variant="ghost">
              {tc("cancel")}
            </Button>
          </DialogClose>
          <Button
            type="button"
            variant="destructive"
            disabled={pending}
            data-mutates
            onClick={() =>
              void onConfirm().then(
                () => setOpen(false),
                () => setOpen(false),
              )
            }
          >
            {t("removeProvider")}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
