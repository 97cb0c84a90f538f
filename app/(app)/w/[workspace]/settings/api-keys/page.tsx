import { getTranslations } from "next-intl/server";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { listApiKeys } from "@/db/queries/api-keys";
import { ApiKeysTable } from "@/components/settings/api-keys-table";
import { CreateApiKey } from "@/components/settings/create-api-key";
import { Card, CardHeader } from "@/components/ui/card";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.tabs"))("apiKeys") };
}

export default async function ApiKeysPage({
  params,
}: PageProps<"/w/[workspace]/settings/api-keys">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const keys = await listApiKeys(workspace.id);
  const t = await getTranslations("settings.apiKeys");
  return (
    <Card>
      <CardHeader
        title={t("title")}
        description={t("description")}
        actions={can("manage") ? <CreateApiKey slug={workspace.slug} /> : null}
      />
      <ApiKeysTable slug={workspace.slug} keys={keys} editable={can("manage")} />
    </Card>
  );
}
