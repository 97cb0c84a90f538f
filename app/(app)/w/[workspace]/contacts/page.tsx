import { getTranslations } from "next-intl/server";
import { FileUp } from "lucide-react";
import Link from "next/link";
import { pageOrigin } from "@/app/_server/page-origin";
import { requireWorkspace } from "@/app/_server/require-workspace";
import { ContactSearchForm } from "@/components/contacts/contact-search-form";
import { ContactsEmptyState } from "@/components/contacts/contacts-empty-state";
import { ContactsTable } from "@/components/contacts/contacts-table";
import { KeysetPagination } from "@/components/ui/keyset-pagination";
import { keysetLinks } from "@/lib/pagination/keyset-cursor";
import { PageHeader } from "@/components/app/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { findContactsPage } from "@/db/queries/contacts-list";
import {
  contactListQuery,
  hasNarrowing,
  parseContactListParams,
} from "@/lib/contacts/contact-list-params";

export const metadata = { title: "Contacts" };

export default async function ContactsPage({
  params,
  searchParams,
}: PageProps<"/w/[workspace]/contacts">) {
  const { workspace, can } = await requireWorkspace((await params).workspace);
  const view = parseContactListParams(await searchParams);
  const page = await findContactsPage(workspace.id, view);
  const basePath = `/w/${workspace.slug}/contacts`;
  const narrowed = hasNarrowing(view);
  const t = await getTranslations("contacts.list");
  const tn = await getTranslations("nav");
  const importButton = can("edit") ? (
    <Button asChild variant="outline">
      <Link href={`${basePath}/imports/new`}>
        <FileUp /> {t("importCsv")}
      </Link>
    </Button>
  ) : null;

  const description = t("description");
  if (!narrowed && !view.after && !view.before && page.rows.length === 0) {
    return (
      <>
        <PageHeader title={tn("contacts")} description={description} />
        <ContactsEmptyState
          slug={workspace.slug}
          canImport={can("edit")}
          origin={await pageOrigin()}
        />
      </>
    );
  }

  const totalArgs = { count: page.total.count, more: page.total.more ? "yes" : "no" };
  const { newerHref, olderHref } = keysetLinks(
    page,
    (position) => `${basePath}${contactListQuery(view, position)}`,
  );

  return (
    <>
      <PageHeader title={tn("contacts")} description={description} actions={importButton} />
      <Card>
        <div className="border-b border-slate-100 px-5 py-4">
          <ContactSearchForm basePath={basePath} params={view} />
        </div>
        {page.rows.length ? (
          <p className="px-5 pt-3 text-sm text-slate-600" data-testid="contacts-total">
            {narrowed
              ? t("totalMatching", totalArgs)
              : t("totalIn", { ...totalArgs, workspace: workspace.name })}
            <span className="text-slate-400"> · {t("newestFirst")}</span>
          </p>
        ) : null}
        {page.rows.length ? (
          <ContactsTable slug={workspace.slug} rows={page.rows} timeZone={workspace.timezone} />
        ) : (
          <p className="px-5 py-10 text-center text-sm text-slate-500">
            {t("noMatch")}{" "}
            <Link href={basePath} className="text-brand-600 hover:underline">
              {t("clear")}
            </Link>
          </p>
        )}
        <KeysetPagination label={t("pages")} newerHref={newerHref} olderHref={olderHref} />
      </Card>
    </>
  );
}
