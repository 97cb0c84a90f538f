import { getTranslations } from "next-intl/server";
import { Plus } from "lucide-react";
import Link from "next/link";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { PageHeader } from "@/components/app/page-header";
import { CampaignsTable } from "@/components/campaigns/campaigns-table";
import { CampaignsViewSwitch } from "@/components/campaigns/campaigns-view-switch";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { listCampaigns } from "@/db/queries/campaigns";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("campaigns") };
}

export default async function CampaignsPage({ params }: PageProps<"/w/[workspace]/campaigns">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const rows = await listCampaigns(workspace.id);
  const editable = can("edit");
  const t = await getTranslations("campaigns.list");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <div className="flex items-center gap-3">
            <CampaignsViewSwitch slug={workspace.slug} current="list" />
            {editable ? (
              <Button asChild data-mutates>
                <Link href={`/w/${workspace.slug}/campaigns/new`}>
                  <Plus /> {t("new")}
                </Link>
              </Button>
            ) : null}
          </div>
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
