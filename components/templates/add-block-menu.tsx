"use client";
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { DropdownMenu } from "radix-ui";
import { Button } from "@/components/ui/button";
import { BLOCK_TYPES, type TBlockType } from "@/lib/templates/email-block-ops";
import { BLOCK_ICONS } from "./block-meta";

/** The "Add block" menu: the new block goes after the selected one. */
export function AddBlockMenu({
  onAdd,
  allowColumns = true,
}: {
  onAdd: (type: TBlockType) => void;
  allowColumns?: boolean;
}) {
  const t = useTranslations("templates.blocks");
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        <Button variant="outline" size="sm" data-mutates>
          <Plus /> {t("add")}
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="start"
          sideOffset={6}
          className="z-50 min-w-44 rounded-lg border border-slate-200 bg-white p-1 shadow-lg"
        >
          {BLOCK_TYPES.filter((type) => allowColumns || type !== "columns").map((type) => {
            const Icon = BLOCK_ICONS[type];
            return (
              <DropdownMenu.Item
                key={type}
                onSelect={() => onAdd(type)}
                className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm text-slate-700 outline-none data-[highlighted]:bg-brand-50 data-[highlighted]:text-brand-700"
              >
                <Icon className="size-4" aria-hidden /> {t(`kind.${type}`)}
              </DropdownMenu.Item>
            );
          })}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
