"use client";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("journeys.new");
  const tc = useTranslations("common");
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
          <Plus /> {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent title={t("title")} description={t("description")}>
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
            label={tc("name")}
            id="journey-name"
            error={create.fieldError("name") ?? create.formError}
          >
            <Input
              id="journey-name"
              autoFocus
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder={t("placeholder")}
            />
          </Field>
          <div className="flex justify-end">
            <Button type="submit" disabled={create.isPending || !name.trim()} data-mutates>
              {t("submit")}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
