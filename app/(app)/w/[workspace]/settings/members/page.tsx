import { getTranslations } from "next-intl/server";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { listInvites } from "@/db/queries/invites";
import { listMembers } from "@/db/queries/members";
import { InviteForm } from "@/components/settings/invite-form";
import { InvitesTable } from "@/components/settings/invites-table";
import { MembersTable } from "@/components/settings/members-table";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ROLES } from "@/lib/auth/roles";
import { inviteStatus } from "@/lib/members/schemas";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.tabs"))("members") };
}

export default async function MembersPage({
  params,
}: PageProps<"/w/[workspace]/settings/members">) {
  const { workspace, user, can } = await requireWorkspace((await params).workspace);
  const manage = can("manage");
  const t = await getTranslations("settings.members");
  const tr = await getTranslations("roles");
  const members = await listMembers(workspace.id);
  const now = new Date();
  const invites = manage
    ? (await listInvites(workspace.id)).map((i) => ({ ...i, status: inviteStatus(i, now) }))
    : [];
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title={t("title")}
          description={t("description", { count: members.length, workspace: workspace.name })}
        />
        <MembersTable
          slug={workspace.slug}
          members={members}
          currentUserId={user.id}
          editable={manage}
        />
      </Card>
      {manage ? (
        <>
          <Card>
            <CardHeader title={t("inviteTitle")} description={t("inviteDescription")} />
            <CardBody>
              <InviteForm slug={workspace.slug} />
            </CardBody>
          </Card>
          {invites.length ? (
            <Card>
              <CardHeader title={t("invites")} />
              <InvitesTable slug={workspace.slug} invites={invites} />
            </Card>
          ) : null}
        </>
      ) : null}
      <Card>
        <CardHeader title={t("roles")} />
        <CardBody>
          <dl className="grid grid-cols-[7rem_1fr] gap-y-2 text-sm">
            {ROLES.map((r) => (
              <div key={r} className="contents">
                <dt className="font-medium">{tr(r)}</dt>
                <dd className="text-slate-600">{tr(`${r}Description`)}</dd>
              </div>
            ))}
          </dl>
        </CardBody>
      </Card>
    </div>
  );
}
