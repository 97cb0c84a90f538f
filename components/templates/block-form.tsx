"use client";
import { useTranslations } from "next-intl";
import type { TEmailBlock } from "@/lib/templates/template-content";
import { ButtonForm } from "./block-forms/button-form";
import { ColumnsForm } from "./block-forms/columns-form";
import { DividerForm } from "./block-forms/divider-form";
import { FooterForm } from "./block-forms/footer-form";
import { HeadingForm } from "./block-forms/heading-form";
import { HtmlForm } from "./block-forms/html-form";
import { ImageForm } from "./block-forms/image-form";
import { SpacerForm } from "./block-forms/spacer-form";
import { TextForm } from "./block-forms/text-form";

type Props = {
  block: TEmailBlock;
  path: string;
  onPatch: (patch: Record<string, unknown>) => void;
};

/** The fields of one block kind (block-forms/); text fields take Liquid and the variable picker. */
function BlockFields({ block, path, onPatch }: Props) {
  switch (block.type) {
    case "heading":
      return <HeadingForm block={block} path={path} onPatch={onPatch} />;
    case "text":
      return <TextForm block={block} path={path} onPatch={onPatch} />;
    case "button":
      return <ButtonForm block={block} path={path} onPatch={onPatch} />;
    case "image":
      return <ImageForm block={block} path={path} onPatch={onPatch} />;
    case "divider":
      return <DividerForm block={block} path={path} onPatch={onPatch} />;
    case "spacer":
      return <SpacerForm block={block} path={path} onPatch={onPatch} />;
    case "footer":
      return <FooterForm block={block} path={path} onPatch={onPatch} />;
    case "html":
      return <HtmlForm block={block} path={path} onPatch={onPatch} />;
    case "columns":
      return <ColumnsForm block={block} path={path} onPatch={onPatch} />;
  }
}

/** The selected block's form: its kind as a title over the kind's own fields. */
export function BlockForm(props: Props) {
  const t = useTranslations("templates.blocks");
  return (
    <div className="space-y-3" data-testid="block-form">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
        {t("formTitle", { kind: t(`kind.${props.block.type}`) })}
      </p>
      <BlockFields {...props} />
    </div>
  );
}
