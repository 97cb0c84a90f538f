"use client";
import { Plus } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { CopyField } from "./copy-field";
import { ErrorAlert } from "@/components/ui/error-alert";
import type { TApiKeyKind, TApiKeyScope } from "@/lib/api-keys/key-scopes";
import { ApiKeyKindFields } from "./api-key-kind-fields";

type TBody = { name: string; kind: TApiKeyKind; scopes?: TApiKeyScope[] };

export function CreateApiKey({ slug }: { slug: string }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<TApiKeyKind>("secret");
  const [scopes, setScopes] = useState<TApiKeyScope[]>(["ingest"]);
  const create = useApiMutation<
    TBody,
    { key: string; accessKeyId?: string | null; secretAccessKey?: string }
  >((body) => ({
    url: `/api/w/${slug}/api-keys`,
    method: "POST",
    body,
  }));
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) create.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button data-mutates>
          <Plus /> Create API key
        </Button>
      </DialogTrigger>
      <DialogContent
        title={create.data ? "Copy your new key" : "Create API key"}
        description={
          create.data
            ? "This is the only time the key is shown. Store it in your app's secrets."
            : "Name it after the app or service that will use it. A public key may ship in a browser; a secret key never should."
        }
      >
        {create.data ? (
          <div className="space-y-4">
            <CopyField value={create.data.key} label="API key" />
            {create.data.accessKeyId && create.data.secretAccessKey ? (
              <>
                <p className="text-sm text-slate-600">
                  For AWS SDK Pinpoint clients (Settings → API shows the endpoint and application
                  id):
                </p>
                <CopyField value={create.data.accessKeyId} label="AWS access key id" />
                <CopyField value={create.data.secretAccessKey} label="AWS secret access key" />
              </>
            ) : null}
            <DialogClose asChild>
              <Button className="w-full">Done</Button>
            </DialogClose>
          </div>
        ) : (
          <form
            className="space-y-4"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const name = String(new FormData(e.currentTarget).get("name"));
              create.mutate(kind === "public" ? { name, kind } : { name, kind, scopes });
            }}
          >
            <Field id="key-name" label="Name" error={create.fieldError("name")}>
              <Input id="key-name" name="name" placeholder="Production web app" autoFocus />
            </Field>
            <ApiKeyKindFields
              kind={kind}
              onKind={setKind}
              scopes={scopes}
              onScopes={setScopes}
              scopesError={create.fieldError("scopes")}
            />
            <ErrorAlert>{create.formError}</ErrorAlert>
            <Button type="submit" className="w-full" disabled={create.isPending}>
              Create key
            </Button>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
