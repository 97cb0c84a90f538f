"use client";
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
          <Pause /> Pause
        </Button>
      ) : (
        <Button
          variant="outline"
          size="sm"
          data-mutates
          disabled={busy}
          onClick={() => onAction("resume")}
        >
          <Play /> Resume
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
        <Square /> Stop
      </Button>
      <Dialog open={confirm} onOpenChange={setConfirm}>
        <DialogContent
          title="Stop this journey?"
          description="Contacts stop entering, and every run in progress is cancelled: nobody gets the remaining messages. This cannot be undone."
        >
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="outline">Keep it running</Button>
            </DialogClose>
            <Button
              variant="destructive"
              data-mutates
              onClick={() => {
                setConfirm(false);
                onAction("stop");
              }}
            >
              Stop journey
            </Button>
          </div>
        </DialogContent>
      </Dialog>
    </>
  );
}
