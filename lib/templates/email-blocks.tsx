import {
  Button,
  Column,
  Heading,
  Hr,
  Img,
  Link,
  Row,
  Section,
  Text,
} from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";
import { parseRichText } from "./rich-text";
import type { TContentBlock, TEmailBlock, TEmailTheme } from "./template-content";

/** What a block needs while rendering: the theme, Liquid protection, and link registration. */
export type TBlockKit = {
  theme: TEmailTheme;
  /** Swaps Liquid for opaque tokens (protect-liquid.ts). */
  p: (s: string) => string;
  /** Registers a link (in document order) and returns the href to render. */
  href: (url: string, tracked?: boolean) => string;
};

export const TEXT_COLOR = "#1f2937";
const MUTED = "#6b7280";
const HEADING_SIZES = { 1: 28, 2: 22, 3: 18 } as const;

function RichText({
  source,
  kit,
  linkColor,
}: {
  source: string;
  kit: TBlockKit;
  linkColor: string;
}) {
  return parseRichText(kit.p(source)).map((span, i) => {
    if ("br" in span) return <br key={i} />;
    let node: ReactNode = span.text;
    if (span.bold) node = <strong>{node}</strong>;
    if (span.italic) node = <em>{node}</em>;
    if (span.href !== undefined)
      node = (
        <Link href={kit.href(span.href)} style={{ color: linkColor, textDecoration: "underline" }}>
          {node}
        </Link>
      );
    return <span key={i}>{node}</span>;
  });
}

/** The card's inner width (render-email.tsx pads it by 32 px a side), split between columns. */
const innerWidth = (theme: TEmailTheme, columns = 1) =>
  Math.floor((theme.contentWidth - 64 - 16 * (columns - 1)) / columns);

function ContentBlock({
  block,
  kit,
  maxWidth,
}: {
  block: TContentBlock;
  kit: TBlockKit;
  maxWidth: number;
}) {
  const { theme, p } = kit;
  switch (block.type) {
    case "heading":
      return (
        <Heading
          as={`h${block.level}`}
          style={{
            margin: "0 0 16px",
            fontSize: HEADING_SIZES[block.level],
            lineHeight: 1.3,
            fontWeight: 700,
            color: TEXT_COLOR,
            textAlign: block.align,
          }}
        >
          {p(block.text)}
        </Heading>
      );
    case "text":
      return (
        <Text
          style={{
            margin: "0 0 16px",
            fontSize: 16,
            lineHeight: "26px",
            color: TEXT_COLOR,
            textAlign: block.align,
          }}
        >
          <RichText source={block.text} kit={kit} linkColor={theme.brandColor} />
        </Text>
      );
    case "button":
      return (
        <Section style={{ textAlign: block.align, margin: "8px 0 24px" }}>
          <Button
            href={kit.href(p(block.url))}
            style={{
              backgroundColor: block.backgroundColor ?? theme.brandColor,
              color: block.textColor,
              padding: "12px 24px",
              borderRadius: 6,
              fontSize: 16,
              fontWeight: 600,
              lineHeight: "24px",
              textDecoration: "none",
              display: "inline-block",
            }}
          >
            {p(block.label)}
          </Button>
        </Section>
      );
    case "image": {
      const margin =
        block.align === "center" ? "0 auto" : block.align === "right" ? "0 0 0 auto" : "0";
      // Outlook sizes by the width attribute alone, so it never exceeds the space the image sits in.
      const width = Math.min(block.width, maxWidth);
      const img = (
        <Img
          src={p(block.src)}
          alt={p(block.alt)}
          width={width}
          style={{
            display: "block",
            width: "100%",
            maxWidth: width,
            height: "auto",
            border: 0,
            margin,
          }}
        />
      );
      return (
        <Section style={{ margin: "0 0 16px" }}>
          {block.href ? <Link href={kit.href(p(block.href))}>{img}</Link> : img}
        </Section>
      );
    }
    case "divider":
      return (
        <Hr style={{ border: "none", borderTop: `1px solid ${block.color}`, margin: "24px 0" }} />
      );
    case "spacer":
      return (
        <Section style={{ height: block.height, lineHeight: `${block.height}px`, fontSize: 1 }}>
          {"\u00a0"}
        </Section>
      );
    case "html":
      // The author's own markup, Liquid protected like every other field.
      return <div dangerouslySetInnerHTML={{ __html: p(block.html) }} />;
    case "footer": {
      const small: CSSProperties = {
        margin: "0 0 8px",
        fontSize: 12,
        lineHeight: "18px",
        color: MUTED,
        textAlign: "center",
      };
      return (
        <Section style={{ marginTop: 24, paddingTop: 16, borderTop: "1px solid #e5e7eb" }}>
          {block.text ? (
            <Text style={small}>
              <RichText source={block.text} kit={kit} linkColor={MUTED} />
            </Text>
          ) : null}
          <Text style={small}>
            {/* Unsubscribe and view-in-browser links are signed per message: never click-tracked. */}
            <Link
              href={kit.href(p("{{ message.unsubscribeUrl }}"), false)}
              style={{ color: MUTED, textDecoration: "underline" }}
            >
              {p(block.unsubscribeText)}
            </Link>
            {/* Marketing only: a transactional message has no preference center link. */}
            {p("{% if message.preferencesUrl %}")}
            {" · "}
            <Link
              href={kit.href(p("{{ message.preferencesUrl }}"), false)}
              style={{ color: MUTED, textDecoration: "underline" }}
            >
              {p(block.preferencesText || DEFAULT_PREFERENCES_TEXT)}
            </Link>
            {p("{% endif %}")}
            {block.viewInBrowserText ? (
              <>
                {p("{% if message.viewInBrowserUrl %}")}
                {" · "}
                <Link
                  href={kit.href(p("{{ message.viewInBrowserUrl }}"), false)}
                  style={{ color: MUTED, textDecoration: "underline" }}
                >
                  {p(block.viewInBrowserText)}
                </Link>
                {p("{% endif %}")}
              </>
            ) : null}
          </Text>
        </Section>
      );
    }
  }
}

/** The footer's preference link when the author wrote none (they may write it in any language). */
const DEFAULT_PREFERENCES_TEXT = "Manage preferences";

export function EmailBlock({ block, kit }: { block: TEmailBlock; kit: TBlockKit }) {
  if (block.type !== "columns")
    return <ContentBlock block={block} kit={kit} maxWidth={innerWidth(kit.theme)} />;
  const width = `${Math.floor(100 / block.columns.length)}%`;
  return (
    <Row style={{ margin: "0 0 8px" }}>
      {block.columns.map((col, i) => (
        // Stacked on narrow screens by the media query in render-email.tsx.
        <Column
          key={i}
          className="wm-col"
          style={{
            width,
            verticalAlign: "top",
            paddingLeft: i === 0 ? 0 : 8,
            paddingRight: i === block.columns.length - 1 ? 0 : 8,
          }}
        >
          {col.blocks.map((inner) => (
            <ContentBlock
              key={inner.id}
              block={inner}
              kit={kit}
              maxWidth={innerWidth(kit.theme, block.columns.length)}
            />
          ))}
        </Column>
      ))}
    </Row>
  );
}
