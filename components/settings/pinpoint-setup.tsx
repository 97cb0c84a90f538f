"use client";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/input";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useApiMutation } from "@/components/app/use-api-mutation";

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
  const appId = props.applicationId ?? props.workspaceIdHex;
  return (
    <Card>
      <CardHeader
        title="Coming from Amazon Pinpoint?"
        description="Apps on the AWS SDK keep their PutEvents and UpdateEndpoint calls: change the endpoint and the credentials."
      />
      <CardBody className="space-y-3 text-sm">
        <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{`new PinpointClient({
  endpoint: "${props.origin}/api/pinpoint",
  region: "us-east-1", // any region: Waymark ignores it
  credentials: { accessKeyId: "WMK…", secretAccessKey: "…" },
});
// ApplicationId: "${appId}"`}</pre>
        <p>
          Create the credentials with a secret API key holding the <code>pinpoint</code> scope
          (Settings → API keys). The workspace id{" "}
          <code className="font-mono">{props.workspaceIdHex}</code> always works as the application
          id; set your Pinpoint project id below to keep the one your apps already send.
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
              label="Pinpoint application id"
              error={save.fieldError("pinpointApplicationId")}
            >
              <Input
                id="pinpoint-app-id"
                name="pinpointApplicationId"
                defaultValue={props.applicationId ?? ""}
                placeholder="6e0b7591a90841d2b5d93fa11143e5a7"
                className="w-80 font-mono"
                data-mutates
              />
            </Field>
            <Button type="submit" disabled={save.isPending} data-mutates>
              Save
            </Button>
            {save.isSuccess ? (
              <span role="status" className="text-sm text-emerald-700">
                Saved
              </span>
            ) : null}
            <ErrorAlert as="span">{save.formError}</ErrorAlert>
          </form>
        ) : null}
      </CardBody>
    </Card>
  );
}
