"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { useJourneyStatusLabel } from "@/components/app/use-labels";
import type { TCollision } from "@/lib/journeys/manage/trigger-collisions";

/**
 * Asked before publishing a journey that starts on the same thing as other running journeys:
 * a contact would enter both (the demo's live welcome journey doubles every new "Signed Up" test).
 */
export function CollisionDialog({
  slug,
  collisions,
  onCancel,
  onConfirm,
}: {
  slug: string;
  collisions: TCollision[] | null;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const t = useTranslations("journeys.collision");
  const status = useJourneyStatusLabel();
  return (
    <Dialog open={Boolean(collisions?.length)} onOpenChange={(open) => (open ? null : onCancel())}>
      <DialogContent title={t("title")} description={t("description")}>
        <ul className="mb-4 space-y-2 text-sm" data-testid="collisions">
          {(collisions ?? []).map((c) => (
            <li key={c.id} className="rounded-md border border-slate-200 px-3 py-2">
              <Link
                href={`/w/${slug}/journeys/${c.id}`}
                target="_blank"
                className="font-medium text-brand-700 hover:underline"
              >
                {c.name}
              </Link>{" "}
              <span className="text-slate-500">({status(c.status)})</span>
              <span className="block text-slate-600">
                {t(`reason.${c.because.kind}`, c.because)}
              </span>
            </li>
          ))}
        </ul>
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="outline">{t("dontPublish")}</Button>
          </DialogClose>
          <Button data-mutates onClick={onConfirm}>
            {t("publishAnyway")}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
