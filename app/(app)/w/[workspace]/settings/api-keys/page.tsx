import { requireWorkspace } from "@/app/_server/require-workspace";
import { listApiKeys } from "@/db/queries/api-keys";
import { ApiKeysTable } from "@/components/settings/api-keys-table";
import { CreateApiKey } from "@/components/settings/create-api-key";
import { Card, CardHeader } from "@/components/ui/card";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage({
  params,
}: PageProps<"/w/[workspace]/settings/api-keys">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const keys = await listApiKeys(workspace.id);
  return (
    <Card>
      <CardHeader
        title="API keys"
        description="Your app sends contacts and events with these keys (Authorization: Bearer <key>). A key is shown once, when created."
        actions={can("manage") ? <CreateApiKey slug={workspace.slug} /> : null}
      />
      <ApiKeysTable slug={workspace.slug} keys={keys} editable={can("manage")} />
    </Card>
  );
}
