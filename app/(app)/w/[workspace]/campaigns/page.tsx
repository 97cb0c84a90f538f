import { Plus } from "lucide-react";
import Link from "next/link";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { CampaignsTable } from "@/components/campaigns/campaigns-table";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { listCampaigns } from "@/db/queries/campaigns";

export const metadata = { title: "Campaigns" };

export default async function CampaignsPage({ params }: PageProps<"/w/[workspace]/campaigns">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const rows = await listCampaigns(workspace.id);
  const editable = can("edit");
  return (
    <>
      <PageHeader
        title="Campaigns"
        description="One message to a whole segment: now, at a set time, at each contact's local time or recurring, with an optional holdout kept as the control group."
        actions={
          editable ? (
            <Button asChild data-mutates>
              <Link href={`/w/${workspace.slug}/campaigns/new`}>
                <Plus /> New campaign
              </Link>
            </Button>
          ) : null
        }
      />
      <Card>
        <CampaignsTable
          slug={workspace.slug}
          rows={rows}
          timeZone={workspace.timezone}
          editable={editable}
        />
      </Card>
    </>
  );
}
