import type { TLocale } from "./locales";
import en from "./messages/en.json";

/** The English catalogue's shape: every catalogue has exactly these keys (catalogues.test.ts). */
export type TMessages = typeof en;

/** The catalogue of a locale; every one has the same keys as English (catalogues.test.ts). */
export async function loadMessages(locale: TLocale): Promise<TMessages> {
  switch (locale) {
    case "vi":
      return (await import("./messages/vi.json")).default;
    case "zh-CN":
      return (await import("./messages/zh-CN.json")).default;
    default:
      return en;
  }
}
