import { ListChecks } from "lucide-react";
import Link from "next/link";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { JourneysTable } from "@/components/journeys/list/journeys-table";
import { NewJourneyDialog } from "@/components/journeys/list/new-journey-dialog";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { listJourneys } from "@/db/queries/journeys";

export const metadata = { title: "Journeys" };

export default async function JourneysPage({ params }: PageProps<"/w/[workspace]/journeys">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const rows = await listJourneys(workspace.id);
  const editable = can("edit");
  return (
    <>
      <PageHeader
        title="Journeys"
        description="Automated paths contacts walk through: a trigger, waits, branches and messages, drawn on a canvas, tested on a contact, then published."
        actions={
          <div className="flex items-center gap-2">
            <Button asChild variant="outline">
              <Link href={`/w/${workspace.slug}/journeys/runs`}>
                <ListChecks /> Runs
              </Link>
            </Button>
            {editable ? <NewJourneyDialog slug={workspace.slug} /> : null}
          </div>
        }
      />
      <Card>
        <JourneysTable slug={workspace.slug} editable={editable} rows={rows} />
      </Card>
    </>
  );
}
