"use client";
import { Check, ChevronsUpDown, Plus } from "lucide-react";
import Link from "next/link";
import { DropdownMenu } from "radix-ui";
import { useTranslations } from "next-intl";

const roleLabel = (tr: (k: "admin" | "marketer" | "analyst") => string, role: string) =>
  role === "admin" || role === "marketer" || role === "analyst" ? tr(role) : role;

type W = { slug: string; name: string; role: string };

export function WorkspaceSwitcher({ current, workspaces }: { current: W; workspaces: W[] }) {
  const t = useTranslations("workspaceSwitcher");
  const tr = useTranslations("roles");
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="flex w-full items-center justify-between gap-2 rounded-md border border-slate-200 bg-white px-3 py-2 text-left text-sm shadow-sm hover:bg-slate-50">
        {/* The visible name and role lead the accessible name (WCAG 2.5.3, label in name). */}
        <span className="min-w-0">
          <span className="block truncate font-medium">{current.name}</span>
          <span className="block text-xs text-slate-500">{roleLabel(tr, current.role)}</span>
        </span>
        <span className="sr-only">{t("label")}</span>
        <ChevronsUpDown className="size-4 shrink-0 text-slate-400" aria-hidden="true" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="start"
          sideOffset={4}
          className="z-50 min-w-56 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          <DropdownMenu.Label className="px-2 py-1.5 text-xs font-medium text-slate-500">
            {t("workspaces")}
          </DropdownMenu.Label>
          {workspaces.map((w) => (
            <DropdownMenu.Item key={w.slug} asChild>
              <Link
                href={`/w/${w.slug}/journeys`}
                className="flex items-center justify-between gap-3 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-slate-100"
              >
                <span className="truncate">{w.name}</span>
                {w.slug === current.slug ? (
                  <Check className="size-4 text-brand-600" aria-label={t("current")} />
                ) : null}
              </Link>
            </DropdownMenu.Item>
          ))}
          <DropdownMenu.Separator className="my-1 h-px bg-slate-100" />
          <DropdownMenu.Item asChild>
            <Link
              href="/workspaces/new"
              className="flex items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-slate-100"
            >
              <Plus className="size-4" aria-hidden="true" /> {t("new")}
            </Link>
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
