"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/input";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useApiMutation } from "@/components/app/use-api-mutation";

/** What a Pinpoint project id looks like (32 hex digits): the same in every language. */
const EXAMPLE_APP_ID = "6e0b7591a90841d2b5d93fa11143e5a7";

/** The AWS SDK's client pointed at Waymark: code, so only its comment is translated. */
const clientSnippet = (
  origin: string,
  appId: string,
  regionComment: string,
) => `new PinpointClient({
  endpoint: "${origin}/api/pinpoint",
  region: "us-east-1", // ${regionComment}
  credentials: { accessKeyId: "WMK…", secretAccessKey: "…" },
});
// ApplicationId: "${appId}"`;

/**
 * Settings → API: how an app on the AWS SDK's Pinpoint client reaches Waymark (endpoint, region,
 * application id, a key with the pinpoint scope), and the Pinpoint application id an admin can
 * keep so the app's configuration does not change.
 */
export function PinpointSetup(props: {
  origin: string;
  slug: string;
  workspaceIdHex: string;
  applicationId: string | null;
  canManage: boolean;
}) {
  const save = useApiMutation((body: { pinpointApplicationId: string }) => ({
    url: `/api/w/${props.slug}`,
    method: "PATCH",
    body,
  }));
  const t = useTranslations("settings.pinpoint");
  const tc = useTranslations("common");
  const appId = props.applicationId ?? props.workspaceIdHex;
  const snippet = clientSnippet(props.origin, appId, t("anyRegion"));
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody className="space-y-3 text-sm">
        <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">
          {snippet}
        </pre>
        <p>
          {t.rich("howTo", {
            workspaceId: props.workspaceIdHex,
            code: (chunks) => <code>{chunks}</code>,
            id: (chunks) => <code className="font-mono">{chunks}</code>,
          })}
        </p>
        {props.canManage ? (
          <form
            className="flex flex-wrap items-end gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              const f = new FormData(e.currentTarget);
              save.mutate({ pinpointApplicationId: String(f.get("pinpointApplicationId")) });
            }}
          >
            <Field
              id="pinpoint-app-id"
              label={t("applicationId")}
              error={save.fieldError("pinpointApplicationId")}
            >
              <Input
                id="pinpoint-app-id"
                name="pinpointApplicationId"
                defaultValue={props.applicationId ?? ""}
                placeholder={EXAMPLE_APP_ID}
                className="w-80 font-mono"
                data-mutates
              />
            </Field>
            <Button type="submit" disabled={save.isPending} data-mutates>
              {tc("save")}
            </Button>
            {save.isSuccess ? (
              <span role="status" className="text-sm text-emerald-700">
                {tc("saved")}
              </span>
            ) : null}
            <ErrorAlert as="span">{save.formError}</ErrorAlert>
          </form>
        ) : null}
      </CardBody>
    </Card>
  );
}
