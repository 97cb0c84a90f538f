import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/** E.164 (`+14155550100`) or null. A national number needs the contact's country to be read. */
export function normalizePhone(raw: string, country?: string | null): string | null {
  const hint =
    country && /^[A-Za-z]{2}$/.test(country) ? (country.toUpperCase() as CountryCode) : undefined;
  const parsed = parsePhoneNumberFromString(raw.trim(), hint);
  return parsed?.isValid() ? parsed.number : null;
}
