import { createTranslator } from "next-intl";
import { EN_SUMMARY } from "./summary-words-en";

export type TSummaryKey = keyof typeof EN_SUMMARY;
/**
 * The words of node summaries: a translator over journeys.summary. The editor passes the viewer's
 * (`useTranslations("journeys.summary")`); without one, summaries read in English.
 */
export type TSummaryWords = (key: TSummaryKey, values?: Record<string, string | number>) => string;

const english = createTranslator({
  locale: "en",
  messages: { summary: EN_SUMMARY },
  namespace: "summary",
});
// Typed per message by next-intl; the summaries pass each message the values it names.
export const ENGLISH_SUMMARY = english as unknown as TSummaryWords;
