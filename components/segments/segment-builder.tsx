"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { apiFetch, type ApiError } from "@/lib/http/api-fetch";
import type { TSegmentDefinition } from "@/lib/segments/definition";
import { BuilderContext } from "./builder-context";
import { GroupEditor } from "./group-editor";
import { PreviewPanel } from "./preview-panel";
import { SegmentDetails, SegmentTypeChoice } from "./segment-details";
import { useSegmentPreview } from "./use-segment-preview";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useApiErrorText } from "@/components/app/use-api-error-text";
import { useSegmentErrorText } from "./use-segment-error-text";

type Props = {
  slug: string;
  segment?: { id: string; name: string; description: string; definition: TSegmentDefinition };
  initialDefinition: TSegmentDefinition;
  eventNames: string[];
  attributeKeys: string[];
  segments: { id: string; name: string }[];
  topics?: { key: string; name: string }[];
  readOnly: boolean;
};

/** `definition.conditions.0.value` → `conditions.0.value`, the paths the editors know. */
const definitionErrors = (fields: Record<string, string> | undefined) =>
  Object.fromEntries(
    Object.entries(fields ?? {})
      .filter(([k]) => k === "definition" || k.startsWith("definition."))
      .map(([k, v]) => [k === "definition" ? "conditions" : k.slice("definition.".length), v]),
  );

/** The visual segment builder: nested groups on the left, the live count and sample on the right. */
export function SegmentBuilder({
  slug,
  segment,
  initialDefinition,
  eventNames,
  attributeKeys,
  segments,
  topics = [],
  readOnly,
}: Props) {
  const t = useTranslations("segments.builder");
  const fieldText = useSegmentErrorText();
  const errorText = useApiErrorText();
  const router = useRouter();
  const [name, setName] = useState(segment?.name ?? "");
  const [description, setDescription] = useState(segment?.description ?? "");
  const [definition, setDefinition] = useState<TSegmentDefinition>(
    segment?.definition ?? initialDefinition,
  );
  const [type, setType] = useState<"dynamic" | "static">("dynamic");
  const preview = useSegmentPreview(slug, definition);
  const save = useMutation<{ segment: { id: string } }, ApiError>({
    mutationFn: () =>
      segment
        ? apiFetch(`/api/w/${slug}/segments/${segment.id}`, {
            method: "PATCH",
            body: { name, description, definition },
          })
        : apiFetch(`/api/w/${slug}/segments`, {
            method: "POST",
            body: { name, description, type, definition },
          }),
    onSuccess: () => {
      router.push(`/w/${slug}/segments`);
      router.refresh();
    },
  });
  const errors = useMemo(
    () =>
      Object.fromEntries(
        Object.entries({
          ...definitionErrors(preview.error?.fields),
          ...definitionErrors(save.error?.fields),
        }).map(([k, v]) => [k, fieldText(v) ?? v]),
      ),
    [preview.error, save.error, fieldText],
  );
  const ctx = useMemo(
    () => ({ readOnly, errors, segments, attributeKeys, topics }),
    [readOnly, errors, segments, attributeKeys, topics],
  );
  const saveError =
    save.error &&
    !save.error.fields?.name &&
    !Object.keys(definitionErrors(save.error.fields)).length
      ? errorText(save.error)
      : undefined;
  const state = preview.isError
    ? "error"
    : !preview.data
      ? "loading"
      : preview.settling || preview.isFetching
        ? "updating"
        : "ready";

  return (
    <BuilderContext.Provider value={ctx}>
      <datalist id="segment-event-names">
        {eventNames.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-4">
          <SegmentDetails
            name={name}
            description={description}
            onName={setName}
            onDescription={setDescription}
            nameError={fieldText(save.error?.fields?.name)}
            readOnly={readOnly}
          />
          <GroupEditor value={definition} onChange={setDefinition} path="" />
          {readOnly ? null : (
            <Card>
              <CardBody className="flex flex-wrap items-center gap-4">
                {segment ? null : <SegmentTypeChoice value={type} onChange={setType} />}
                <Button
                  className="ml-auto"
                  onClick={() => save.mutate()}
                  disabled={save.isPending}
                  data-mutates
                >
                  {segment ? t("saveChanges") : t("save")}
                </Button>
                <ErrorAlert className="w-full">{saveError}</ErrorAlert>
              </CardBody>
            </Card>
          )}
        </div>
        <div className="xl:sticky xl:top-6 xl:self-start">
          <PreviewPanel
            count={preview.data?.count ?? null}
            sample={preview.data?.sample ?? []}
            attributeKeys={preview.data?.attributeKeys ?? []}
            state={state}
          />
        </div>
      </div>
    </BuilderContext.Provider>
  );
}
