"use client";
import { useTranslations } from "next-intl";
import { FilterField, FilterCheckbox } from "@/components/ui/filter-field";
import { FilterBar } from "@/components/ui/filter-bar";
import { NativeSelect } from "@/components/ui/input";
import {
  CONTACT_FILTERS,
  contactListQuery,
  hasNarrowing,
  parseContactListParams,
  type TContactFilter,
  type TContactListParams,
} from "@/lib/contacts/contact-list-params";

type TFormState = { q: string; has: TContactFilter[]; optedOut: boolean; created: string };
const stateOf = (p: TContactListParams): TFormState => ({
  q: p.q,
  has: p.has,
  optedOut: p.optedOut,
  created: p.createdWithinDays ? String(p.createdWithinDays) : "",
});
const paramsOf = (s: TFormState) =>
  parseContactListParams({ q: s.q, has: s.has, optout: s.optedOut ? "1" : "", created: s.created });

/**
 * Search box and filters (channels the contact has, opted out, created when), in a FilterBar. The
 * URL is the contact list's own query, parsed as the page parses it, so the form expects what the
 * URL will hold and nothing typed while the page loads is lost.
 */
export function ContactSearchForm({
  basePath,
  params,
}: {
  basePath: string;
  params: TContactListParams;
}) {
  const t = useTranslations("contacts.search");
  return (
    <FilterBar
      value={stateOf(params)}
      basePath={basePath}
      href={(next) => `${basePath}${contactListQuery(paramsOf(next))}`}
      expect={(next) => stateOf(paramsOf(next))}
      search={{ label: t("label"), placeholder: t("placeholder") }}
      submitLabel={t("submit")}
      narrowed={hasNarrowing(params)}
      clearLabel={t("clear")}
    >
      {({ form, apply }) => (
        <>
          {CONTACT_FILTERS.map((f) => (
            <FilterCheckbox
              key={f}
              label={t(`has.${f}`)}
              checked={form.has.includes(f)}
              onChange={(on) =>
                apply({ ...form, has: on ? [...form.has, f] : form.has.filter((h) => h !== f) })
              }
            />
          ))}
          <FilterCheckbox
            label={t("optedOut")}
            checked={form.optedOut}
            onChange={(on) => apply({ ...form, optedOut: on })}
          />
          <FilterField label={t("created")}>
            <NativeSelect
              aria-label={t("created")}
              value={form.created}
              onChange={(e) => apply({ ...form, created: e.target.value })}
              className="w-auto"
            >
              <option value="">{t("anyTime")}</option>
              {["7", "30", "90"].map((d) => (
                <option key={d} value={d}>
                  {t("lastDays", { days: Number(d) })}
                </option>
              ))}
            </NativeSelect>
          </FilterField>
        </>
      )}
    </FilterBar>
  );
}
