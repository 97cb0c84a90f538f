"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { ErrorAlert } from "@/components/ui/error-alert";

export function RenameSegment({ slug, id, name }: { slug: string; id: string; name: string }) {
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
          Rename
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Rename segment"
        description="Journeys and campaigns that use it keep using it."
      >
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
          <Field id={`rename-${id}`} label="Name" error={rename.fieldError("name")}>
            <Input id={`rename-${id}`} name="name" defaultValue={name} autoFocus />
          </Field>
          <ErrorAlert>{rename.formError}</ErrorAlert>
          <Button type="submit" className="w-full" disabled={rename.isPending} data-mutates>
            Rename
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}
