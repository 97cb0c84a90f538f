"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { ErrorAlert } from "@/components/ui/error-alert";

export function AcceptInviteButton({ token }: { token: string }) {
  const router = useRouter();
  const t = useTranslations("invite");
  const accept = useApiMutation<void, { workspaceSlug: string }>(() => ({
    url: "/api/invites/accept",
    method: "POST",
    body: { token },
  }));
  return (
    <div className="mt-4">
      <Button
        className="w-full"
        disabled={accept.isPending}
        onClick={() =>
          accept.mutate(undefined, {
            onSuccess: (r) => router.push(`/w/${r.workspaceSlug}/journeys`),
          })
        }
      >
        {t("accept")}
      </Button>
      <ErrorAlert className="mt-2">{accept.formError}</ErrorAlert>
    </div>
  );
}
