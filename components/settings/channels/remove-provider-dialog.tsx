"use client";
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
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button type="button" variant="outline" data-mutates>
          Remove
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Remove ${title}?`}
        description={`Its settings and stored credentials are deleted. ${note}`}
      >
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button type="button" variant="ghost">
              Cancel
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
            Remove provider
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
