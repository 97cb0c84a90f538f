import { buildRenderContext } from "@/lib/templates/render-context";
import { compileField, renderField } from "@/lib/templates/personalise";

/** Renders converted Liquid as a text field for a contact with these attributes. */
export async function renderLiquid(source: string, attributes: Record<string, unknown>) {
  const scope = buildRenderContext({
    contact: {
      externalId: "u1",
      email: "ann@example.com",
      phone: null,
      timezone: null,
      locale: null,
      country: null,
      city: null,
      attributes,
    },
    workspace: { name: "Acme" },
  });
  return renderField(compileField("body", "text", source), scope);
}
