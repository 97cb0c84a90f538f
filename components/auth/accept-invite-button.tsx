"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useApiMutation } from "@/components/app/use-api-mutation";

export function AcceptInviteButton({ token }: { token: string }) {
  const router = useRouter();
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
        Accept invitation
      </Button>
      {accept.error ? (
        <p role="alert" className="mt-2 text-sm text-red-600">
          {accept.error.message}
        </p>
      ) : null}
    </div>
  );
}
