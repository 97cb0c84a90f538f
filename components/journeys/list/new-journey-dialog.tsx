"use client";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";
import { useApiMutation } from "@/components/app/use-api-mutation";

/** Names a new journey, creates it (with its trigger) and opens the canvas. */
export function NewJourneyDialog({ slug }: { slug: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const create = useApiMutation((n: string) => ({
    url: `/api/w/${slug}/journeys`,
    method: "POST",
    body: { name: n },
  }));
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button data-mutates>
          <Plus /> New journey
        </Button>
      </DialogTrigger>
      <DialogContent title="New journey" description="You will draw its steps on the canvas next.">
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate(name, {
              onSuccess: (r) =>
                router.push(`/w/${slug}/journeys/${(r as { journey: { id: string } }).journey.id}`),
            });
          }}
        >
          <Field
            label="Name"
            id="journey-name"
            error={create.fieldError("name") ?? create.formError}
          >
            <Input
              id="journey-name"
              autoFocus
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="e.g. Welcome series"
            />
          </Field>
          <div className="flex justify-end">
            <Button type="submit" disabled={create.isPending || !name.trim()} data-mutates>
              Create and open
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
