"use client";
import { useTranslations } from "next-intl";
import { Card, CardBody } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/input";

/** A segment's name and description, above its conditions. */
export function SegmentDetails({
  name,
  description,
  onName,
  onDescription,
  nameError,
  readOnly,
}: {
  name: string;
  description: string;
  onName: (name: string) => void;
  onDescription: (description: string) => void;
  nameError: string | undefined;
  readOnly: boolean;
}) {
  const t = useTranslations("segments.builder");
  const tc = useTranslations("common");
  return (
    <Card>
      <CardBody className="grid gap-4 md:grid-cols-2">
        <Field id="segment-name" label={tc("name")} error={nameError}>
          <Input
            id="segment-name"
            value={name}
            disabled={readOnly}
            placeholder={t("namePlaceholder")}
            onChange={(e) => onName(e.target.value)}
          />
        </Field>
        <Field id="segment-description" label={t("description")} hint={t("descriptionHint")}>
          <Input
            id="segment-description"
            value={description}
            disabled={readOnly}
            onChange={(e) => onDescription(e.target.value)}
          />
        </Field>
      </CardBody>
    </Card>
  );
}

/** A new segment's kind: dynamic (re-evaluated as contacts change) or static (a snapshot). */
export function SegmentTypeChoice({
  value,
  onChange,
}: {
  value: "dynamic" | "static";
  onChange: (type: "dynamic" | "static") => void;
}) {
  const t = useTranslations("segments.builder");
  return (
    <fieldset className="flex items-center gap-4 text-sm">
      <legend className="sr-only">{t("type")}</legend>
      {(["dynamic", "static"] as const).map((kind) => (
        <label key={kind} className="flex items-center gap-2">
          <input
            type="radio"
            name="segment-type"
            checked={value === kind}
            onChange={() => onChange(kind)}
            data-mutates
          />
          <span>
            <span className="font-medium">{t(kind)}</span>{" "}
            <span className="text-slate-500">{t(`${kind}Hint`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
