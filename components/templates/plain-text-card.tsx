"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Card, CardBody } from "@/components/ui/card";
import { flagsUnder, useEditor } from "./editor-context";
import { LiquidField } from "./liquid-field";

/**
 * The email's optional plain-text version. Most authors never need it (the text part is made from
 * the blocks), so it starts collapsed unless it holds text; a problem in it opens it, or the flag
 * would be hidden. Cleared, it is stored as absent (and blank counts as absent when sending), so
 * the text part is derived again.
 */
export function PlainTextCard({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string | undefined) => void;
}) {
  const t = useTranslations("templates.email");
  const { flags } = useEditor();
  const [open, setOpen] = useState(value.trim() !== "");
  const flagged = flagsUnder(flags, "plainText").length > 0;
  return (
    <Card>
      <details
        open={open || flagged}
        onToggle={(e) => setOpen(e.currentTarget.open)}
        data-testid="plain-text-card"
      >
        <summary className="cursor-pointer px-5 py-3 text-sm font-semibold text-slate-900">
          {t("plainTextTitle")}{" "}
          <span className="ml-1 text-xs font-normal text-slate-500">{t("plainTextOptional")}</span>
        </summary>
        <CardBody className="border-t border-slate-100">
          <LiquidField
            id="email-plain-text"
            label={t("plainTextLabel")}
            path="plainText"
            value={value}
            multiline
            rows={8}
            mono
            hint={t("plainTextHint")}
            onChange={(v) => onChange(v === "" ? undefined : v)}
          />
        </CardBody>
      </details>
    </Card>
  );
}
