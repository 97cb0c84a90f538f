import { formatSettingsOf, type TFormatSettings } from "./locale-format";
import { compileField, renderField } from "./personalise";
import type { TRenderContext } from "./render-context";

/** A currency that reads naturally for the locale, for the picker's example only. */
const exampleCurrency = (locale: string) =>
  locale.startsWith("vi")
    ? "VND"
    : locale.startsWith("zh")
      ? "CNY"
      : locale.startsWith("ja")
        ? "JPY"
        : "USD";

export type TFormattingSamples = TFormatSettings & {
  samples: { snippet: string; value: string }[];
};

/**
 * What the variable picker shows under "Formatting": each filter as a snippet to insert, beside
 * what it prints for the sample contact (their locale and time zone), rendered by the same engine.
 */
export function formattingSamples(context: TRenderContext, now = new Date()): TFormattingSamples {
  const settings = formatSettingsOf(context);
  const at = now.toISOString();
  const snippets = [
    `{{ "now" | date: "long" }}`,
    `{{ "now" | date: "datetime" }}`,
    `{{ "now" | date: "%d/%m/%Y %H:%M" }}`,
    `{{ 1234567.5 | number: 2 }}`,
    `{{ 250000 | currency: "${exampleCurrency(settings.locale)}" }}`,
    `{{ 0.25 | percent }}`,
  ];
  const samples = snippets.map((snippet) => {
    // "now" is pinned to one instant, so every sample agrees with the others.
    const source = snippet.replace('"now"', `"${at}"`);
    let value: string;
    try {
      value = renderField(compileField("sample", "text", source), context);
    } catch {
      value = "";
    }
    return { snippet, value };
  });
  return { ...settings, samples };
}
