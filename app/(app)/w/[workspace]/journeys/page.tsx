import { getTranslations } from "next-intl/server";
import { ListChecks } from "lucide-react";
import Link from "next/link";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { JourneysTable } from "@/components/journeys/list/journeys-table";
import { NewJourneyDialog } from "@/components/journeys/list/new-journey-dialog";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { listJourneys } from "@/db/queries/journeys";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("journeys") };
}

export default async function JourneysPage({ params }: PageProps<"/w/[workspace]/journeys">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const rows = await listJourneys(workspace.id);
  const editable = can("edit");
  const t = await getTranslations("journeys.list");
  const tn = await getTranslations("nav");
  return (
    <>
      <PageHeader
        title={tn("journeys")}
        description={t("description")}
        actions={
          <div className="flex items-center gap-2">
            <Button asChild variant="outline">
              <Link href={`/w/${workspace.slug}/journeys/runs`}>
                <ListChecks /> {t("runs")}
              </Link>
            </Button>
            {editable ? <NewJourneyDialog slug={workspace.slug} /> : null}
          </div>
        }
      />
      <Card>
        <JourneysTable
          slug={workspace.slug}
          editable={editable}
          rows={rows}
          timeZone={workspace.timezone}
        />
      </Card>
    </>
  );
}
