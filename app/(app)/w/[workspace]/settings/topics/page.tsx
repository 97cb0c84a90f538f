import { getTranslations } from "next-intl/server";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { SubscriptionSettingsForm } from "@/components/topics/subscription-settings-form";
import { TopicForm } from "@/components/topics/topic-form";
import { TopicsTable } from "@/components/topics/topics-table";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { listTopics, loadSubscriptionSettings } from "@/lib/topics/manage-topics";

export async function generateMetadata() {
  const t = await getTranslations("topics.settings");
  return { title: t("title") };
}

/** Settings → Topics: every member reads the topics; admins change them and the branding. */
export default async function TopicsSettingsPage({
  params,
}: PageProps<"/w/[workspace]/settings/topics">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const admin = can("manage");
  const t = await getTranslations("topics.settings");
  const [topics, settings] = await Promise.all([
    listTopics(workspace.id),
    loadSubscriptionSettings(workspace.id),
  ]);
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title={t("title")} description={t("description")} />
        <TopicsTable
          slug={workspace.slug}
          admin={admin}
          topics={topics.map((x) => ({
            id: x.id,
            key: x.key,
            name: x.name,
            description: x.description,
            defaultSubscribed: x.defaultSubscribed,
            channels: x.channels,
          }))}
        />
      </Card>
      {admin ? (
        <>
          <Card className="max-w-3xl">
            <CardHeader title={t("newTitle")} description={t("newDescription")} />
            <CardBody>
              <TopicForm slug={workspace.slug} />
            </CardBody>
          </Card>
          <Card className="max-w-3xl">
            <CardHeader title={t("brandingTitle")} description={t("brandingDescription")} />
            <CardBody>
              <SubscriptionSettingsForm slug={workspace.slug} settings={settings} />
            </CardBody>
          </Card>
        </>
      ) : null}
    </div>
  );
}
