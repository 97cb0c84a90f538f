import { requireWorkspace } from "@/app/_server/require-workspace";
import { WorkspaceForm } from "@/components/settings/workspace-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

export const metadata = { title: "Settings" };

export default async function GeneralSettingsPage({
  params,
}: PageProps<"/w/[workspace]/settings">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  return (
    <Card className="max-w-2xl">
      <CardHeader
        title="Workspace"
        description="Days in dashboards and schedules are counted in the workspace's time zone."
      />
      <CardBody>
        {can("manage") ? (
          <WorkspaceForm
            slug={workspace.slug}
            name={workspace.name}
            timezone={workspace.timezone}
            timeZones={Intl.supportedValuesOf("timeZone")}
          />
        ) : (
          <dl className="grid grid-cols-[10rem_1fr] gap-y-2 text-sm">
            <dt className="text-slate-500">Name</dt>
            <dd>{workspace.name}</dd>
            <dt className="text-slate-500">Time zone</dt>
            <dd>{workspace.timezone}</dd>
            <dt className="text-slate-500">URL name</dt>
            <dd className="font-mono">{workspace.slug}</dd>
          </dl>
        )}
      </CardBody>
    </Card>
  );
}
