"use client";
import { Pencil, Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDeleteButton } from "@/components/ui/confirm-delete-button";
import { Table, Td, Th } from "@/components/ui/table";
import { attributeInputOf, displayAttribute } from "@/lib/contacts/attribute-input";
import { AttributeDialog, type TAttributeDraft } from "./attribute-dialog";
import { ErrorAlert } from "@/components/ui/error-alert";
import type { TAttributeType } from "@/lib/contacts/attributes";

export type TAttributeRow = { name: string; value: unknown; type: TAttributeType };

/** A contact's attributes with their types; marketers add, edit and remove them here. */
export function AttributesTable({
  url,
  rows,
  editable,
}: {
  url: string;
  rows: TAttributeRow[];
  editable: boolean;
}) {
  const t = useTranslations("contacts.attributes");
  const tc = useTranslations("common");
  const [draft, setDraft] = useState<TAttributeDraft | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);

  return (
    <>
      {editable ? (
        <div className="flex justify-end px-5 pt-3">
          <Button
            size="sm"
            variant="outline"
            onClick={() => setDraft({ name: "", type: "text", raw: "", isNew: true })}
            data-mutates
          >
            <Plus /> {t("add")}
          </Button>
        </div>
      ) : null}
      <ErrorAlert variant="box" className="mx-5 mt-3">
        {removeError ? t("couldNotRemove", { error: removeError }) : null}
      </ErrorAlert>
      {rows.length ? (
        <Table>
          <thead>
            <tr>
              <Th>{tc("name")}</Th>
              <Th>{t("value")}</Th>
              <Th>{t("type")}</Th>
              {editable ? <Th className="text-right">{tc("actions")}</Th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const input = attributeInputOf(r.value);
              return (
                <tr key={r.name} data-testid={`attribute-${r.name}`}>
                  <Td className="font-mono text-xs font-medium text-slate-800">{r.name}</Td>
                  <Td className="max-w-md break-words text-slate-700">
                    {displayAttribute(r.value)}
                  </Td>
                  <Td>
                    <Badge>{t(`types.${r.type}`)}</Badge>
                  </Td>
                  {editable ? (
                    <Td className="whitespace-nowrap text-right">
                      {input ? (
                        <Button
                          variant="ghost"
                          size="sm"
                          aria-label={t("editTitle", { name: r.name })}
                          onClick={() => setDraft({ name: r.name, ...input, isNew: false })}
                          data-mutates
                        >
                          <Pencil /> {t("edit")}
                        </Button>
                      ) : null}
                      <ConfirmDeleteButton
                        request={{ url, method: "PATCH", body: { unset: [r.name] } }}
                        question={t("confirmRemove", { name: r.name })}
                        onResult={setRemoveError}
                        danger={false}
                        aria-label={t("removeName", { name: r.name })}
                        pendingText={
                          <>
                            <Trash2 /> {t("removing")}
                          </>
                        }
                      >
                        <Trash2 /> {t("remove")}
                      </ConfirmDeleteButton>
                    </Td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </Table>
      ) : (
        <p className="px-5 py-6 text-sm text-slate-500">
          {editable ? t("emptyEditable") : t("empty")}
        </p>
      )}
      {editable ? <AttributeDialog url={url} draft={draft} onClose={() => setDraft(null)} /> : null}
    </>
  );
}
