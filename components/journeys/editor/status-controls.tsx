"use client";
import { useTranslations } from "next-intl";
import { Pause, Play, Square } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import type { TJourneyStatus } from "./journey-api";

/** Pause / resume / stop a published journey; stopping asks first, since it cancels runs in progress. */
export function StatusControls({
  status,
  busy,
  onAction,
}: {
  status: TJourneyStatus;
  busy: boolean;
  onAction: (a: "pause" | "resume" | "stop") => void;
}) {
  const t = useTranslations("journeys.editor");
  const [confirm, setConfirm] = useState(false);
  if (status === "draft" || status === "stopped") return null;
  return (
    <>
      {status === "live" ? (
        <Button
          variant="outline"
          size="sm"
          data-mutates
          disabled={busy}
          onClick={() => onAction("pause")}
        >
          <Pause /> {t("pause")}
        </Button>
      ) : (
        <Button
          variant="outline"
          size="sm"
          data-mutates
          disabled={busy}
          onClick={() => onAction("resume")}
        >
          <Play /> {t("resume")}
        </Button>
      )}
      <Button
        variant="outline"
        size="sm"
        data-mutates
        disabled={busy}
        onClick={() => setConfirm(true)}
        className="text-red-700"
      >
        <Square /> {t("stop")}
      </Button>
      <Dialog open={confirm} onOpenChange={setConfirm}>
        <DialogContent title={t("stopTitle")} description={t("stopDescription")}>
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="outline">{t("keepRunning")}</Button>
            </DialogClose>
            <Button
              variant="destructive"
              data-mutates
              onClick={() => {
                setConfirm(false);
                onAction("stop");
              }}
            >
              {t("stopJourney")}
            </Button>
          </div>
        </DialogContent>
      </Dialog>
    </>
  );
}
