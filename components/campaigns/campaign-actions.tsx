"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useApiMutation } from "@/components/app/use-api-mutation";
import type { TCampaignState } from "@/db/schema";
import { ErrorAlert } from "@/components/ui/error-alert";

const ACTIONS: Record<TCampaignState, ("launch" | "pause" | "resume" | "cancel")[]> = {
  draft: ["launch"],
  scheduled: ["pause", "cancel"],
  running: ["pause", "cancel"],
  paused: ["resume", "cancel"],
  completed: [],
  cancelled: [],
  failed: [],
};
const LABEL = { launch: "Launch", pause: "Pause", resume: "Resume", cancel: "Cancel" };

/** The state changes a campaign allows now; launch opens the new run's page. */
export function CampaignActions({
  slug,
  campaignId,
  state,
}: {
  slug: string;
  campaignId: string;
  state: TCampaignState;
}) {
  const router = useRouter();
  const act = useApiMutation((action: string) => ({
    url: `/api/w/${slug}/campaigns/${campaignId}/${action}`,
    method: "POST",
    body: {},
  }));
  const fields = act.error?.fields ?? {};
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        {ACTIONS[state].map((a) => (
          <Button
            key={a}
            variant={a === "cancel" ? "outline" : "default"}
            disabled={act.isPending}
            data-mutates
            onClick={() =>
              act.mutate(a, {
                onSuccess: (res) => {
                  const run = (res as { run?: { id: string } }).run;
                  if (run) router.push(`/w/${slug}/campaigns/runs/${run.id}`);
                },
              })
            }
          >
            {LABEL[a]}
          </Button>
        ))}
      </div>
      {act.error ? (
        <ErrorAlert className="max-w-md text-right">
          {act.formError ?? Object.values(fields).join(" ")}
        </ErrorAlert>
      ) : null}
    </div>
  );
}
