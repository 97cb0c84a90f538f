"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { Button } from "@/components/ui/button";
import { ConfirmDeleteButton } from "@/components/ui/confirm-delete-button";
import { ErrorAlert } from "@/components/ui/error-alert";

type TResult = { result: { ok: boolean; error?: string } };

/** Test, pause or resume, and remove one destination; the outcome shows under the buttons. */
export function DestinationActions({
  slug,
  id,
  name,
  status,
  testable,
}: {
  slug: string;
  id: string;
  name: string;
  status: string;
  /** Webhooks: an export writes to the database, with nothing to test. */
  testable: boolean;
}) {
  const t = useTranslations("settings.stream");
  const [error, setError] = useState<string | null>(null);
  const base = `/api/w/${slug}/stream/destinations/${id}`;
  const test = useApiMutation<void, TResult>(() => ({
    url: `${base}/test`,
    method: "POST",
    body: {},
  }));
  const toggle = useApiMutation<void>(() => ({
    url: base,
    method: "PATCH",
    body: { status: status === "active" ? "paused" : "active" },
  }));
  const outcome = test.data?.result;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap justify-end gap-2">
        {testable ? (
          <Button
            variant="outline"
            size="sm"
            data-mutates
            disabled={test.isPending}
            onClick={() => test.mutate()}
          >
            {t("sendTest")}
          </Button>
        ) : null}
        <Button
          variant="outline"
          size="sm"
          data-mutates
          disabled={toggle.isPending}
          onClick={() => toggle.mutate()}
        >
          {status === "active" ? t("pause") : t("resume")}
        </Button>
        <ConfirmDeleteButton
          request={{ url: base }}
          question={t("confirmRemove", { name })}
          onResult={setError}
          size="sm"
          variant="outline"
        >
          {t("remove")}
        </ConfirmDeleteButton>
      </div>
      {outcome ? (
        outcome.ok ? (
          <p className="text-right text-sm text-emerald-700" data-testid="test-result">
            {t("testDelivered")}
          </p>
        ) : (
          <ErrorAlert variant="box">
            {t("testFailed", { error: outcome.error ?? t("unknownError") })}
          </ErrorAlert>
        )
      ) : null}
      <ErrorAlert variant="box">{error ?? test.formError ?? toggle.formError}</ErrorAlert>
    </div>
  );
}

/** Replays one dead letter; it leaves the list when it goes through. */
export function ReplayButton({ slug, id }: { slug: string; id: string }) {
  const replay = useApiMutation<void, TResult>(() => ({
    url: `/api/w/${slug}/stream/dead-letters/${id}/replay`,
    method: "POST",
    body: {},
  }));
  const t = useTranslations("settings.stream");
  const failed = replay.data && !replay.data.result.ok ? replay.data.result.error : null;
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant="outline"
        size="sm"
        data-mutates
        disabled={replay.isPending}
        onClick={() => replay.mutate()}
      >
        {t("replay")}
      </Button>
      {failed || replay.formError ? (
        <ErrorAlert variant="field">{failed ?? replay.formError}</ErrorAlert>
      ) : null}
    </div>
  );
}
