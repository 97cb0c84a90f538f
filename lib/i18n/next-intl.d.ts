import type { TLocale } from "./locales";
import type { TMessages } from "./messages";

// Typed keys: t("nav.journeys") is checked against the English catalogue at compile time.
declare module "next-intl" {
  interface AppConfig {
    Locale: TLocale;
    Messages: TMessages;
  }
}
