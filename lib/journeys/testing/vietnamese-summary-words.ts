import { createTranslator } from "next-intl";
import type en from "@/lib/i18n/messages/en.json";
import vi from "@/lib/i18n/messages/vi.json";
import type { TSummaryWords } from "../canvas/summary-words";

/** The words of step summaries and default names as a Vietnamese viewer gets them, for tests. */
export function vietnameseSummaryWords(): TSummaryWords {
  const t = createTranslator({
    locale: "vi",
    messages: vi as typeof en,
    namespace: "journeys.summary",
  });
  return (key, values) => t(key, values);
}
