import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { JourneysTable } from "@/components/journeys/journeys-table";
import { NewJourneyDialog } from "@/components/journeys/new-journey-dialog";
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
        actions={editable ? <NewJourneyDialog slug={workspace.slug} /> : null}
      />
      <Card>
        <JourneysTable slug={workspace.slug} editable={editable} rows={rows} />
      </Card>
    </>
  );
}
