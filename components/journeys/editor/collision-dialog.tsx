"use client";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
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
  return (
    <Dialog open={Boolean(collisions?.length)} onOpenChange={(open) => (open ? null : onCancel())}>
      <DialogContent
        title="Another journey starts the same way"
        description="Contacts who trigger this journey would enter these running journeys too, and get both journeys' messages."
      >
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
              <span className="text-slate-500">({c.status})</span>
              <span className="block text-slate-600">{c.reason}</span>
            </li>
          ))}
        </ul>
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="outline">Don&apos;t publish</Button>
          </DialogClose>
          <Button data-mutates onClick={onConfirm}>
            Publish anyway
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
