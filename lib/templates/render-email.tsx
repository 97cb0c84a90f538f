import { Body, Container, Head, Html, Preview } from "@react-email/components";
import { render, toPlainText } from "@react-email/render";
import { EmailBlock, TEXT_COLOR, type TBlockKit } from "./email-blocks";
import { markLink, PIXEL_MARK, type TEmailLink } from "./email-markers";
import { LiquidVault } from "./protect-liquid";
import { FONT_STACKS, type TEmailContent } from "./template-content";

/** The email of one template version: HTML and text still holding their Liquid, and the links they wrap. */
export type TEmailLayout = { html: string; text: string; links: TEmailLink[] };

/**
 * Email clients ignore most CSS; these rules only stack columns and let the card fill narrow
 * screens. Everything else is inline on tables, as react-email renders it.
 */
const RESPONSIVE_CSS = `@media only screen and (max-width: 620px) {
  .wm-container { width: 100% !important; padding: 20px 16px !important; }
  .wm-col { display: block !important; width: 100% !important; padding-left: 0 !important; padding-right: 0 !important; }
}`;

function EmailDocument({ content, kit }: { content: TEmailContent; kit: TBlockKit }) {
  const { theme } = content;
  const fontFamily = FONT_STACKS[theme.fontFamily];
  return (
    <Html lang="en">
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <style>{RESPONSIVE_CSS}</style>
      </Head>
      {content.preheader ? <Preview>{kit.p(content.preheader)}</Preview> : null}
      <Body
        style={{
          margin: 0,
          padding: "24px 0",
          backgroundColor: theme.backgroundColor,
          fontFamily,
          color: TEXT_COLOR,
        }}
      >
        <Container
          className="wm-container"
          style={{
            maxWidth: theme.contentWidth,
            width: "100%",
            backgroundColor: "#ffffff",
            borderRadius: 8,
            padding: "32px 32px 24px",
          }}
        >
          {content.blocks.map((block) => (
            <EmailBlock key={block.id} block={block} kit={kit} />
          ))}
        </Container>
      </Body>
    </Html>
  );
}

/**
 * Renders the blocks once per template version. The HTML keeps Liquid exactly as written (for the
 * HTML engine, which escapes values), each link's href wrapped for tracking, and a pixel marker
 * before `</body>`; the text part is derived from the same HTML.
 */
export async function renderEmailLayout(content: TEmailContent): Promise<TEmailLayout> {
  const vault = new LiquidVault();
  const links: TEmailLink[] = [];
  const kit: TBlockKit = {
    theme: content.theme,
    p: vault.protect,
    href: (url, tracked = true) => markLink(links.push({ tracked }) - 1, url),
  };
  const rendered = await render(<EmailDocument content={content} kit={kit} />);
  // React 19 hoists a `<link rel="preload">` per image into the head: meaningless in mail, so dropped.
  const html = rendered
    .replace(/<link rel="preload" as="image"[^>]*>/g, "")
    .replace("</body>", `${PIXEL_MARK}</body>`);
  const text = toPlainText(rendered, {
    selectors: [1, 2, 3, 4, 5, 6].map((n) => ({
      selector: `h${n}`,
      options: { uppercase: false },
    })),
  });
  return { html: vault.restore(html), text: vault.restore(text), links };
}
