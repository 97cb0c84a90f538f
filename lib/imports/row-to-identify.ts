import { fromSpreadsheetSafe } from "@/lib/csv/spreadsheet-safe";
import { convertAttribute, convertChannel } from "./convert-cell";
import type { TColumnTarget } from "./mapping";

/** A problem with one cell; `column` is the column's index in the file, -1 for the row as a whole. */
export type TRowProblem = { column: number; message: string };

/**
 * Turns one CSV row into the body of an identify call, as the API would receive it: empty cells
 * are left out (an import fills in and overwrites, never clears), typed attribute cells are
 * converted, and each body field remembers the column it came from so errors can point back to it.
 */
export function rowToIdentify(values: string[], columns: TColumnTarget[]) {
  const body: Record<string, unknown> & {
    attributes: Record<string, unknown>;
    subscriptions: Record<string, unknown>;
  } = { attributes: {}, subscriptions: {} };
  const fieldColumns = new Map<string, number>();
  const problems: TRowProblem[] = [];
  columns.forEach((target, i) => {
    // A fixed error report comes back with its formula guards: read them as the text they guard.
    const raw = fromSpreadsheetSafe((values[i] ?? "").trim());
    if (target.kind === "userId" && !raw) problems.push({ column: i, message: "is required" });
    if (!raw || target.kind === "ignore") return;
    if (target.kind === "userId" || target.kind === "field") {
      const key = target.kind === "userId" ? "userId" : target.field;
      body[key] = raw;
      fieldColumns.set(key, i);
      return;
    }
    const converted =
      target.kind === "attribute"
        ? convertAttribute(raw, target.type)
        : convertChannel(raw, target.meaning);
    if (!converted.ok) {
      problems.push({ column: i, message: converted.message });
      return;
    }
    // A topic's choice rides in `subscriptions` under the topic's key, as identify takes it.
    const [bag, key] =
      target.kind === "attribute"
        ? [body.attributes, target.name.trim()]
        : [body.subscriptions, target.kind === "topic" ? target.topic : target.channel];
    bag[key] = converted.value;
    fieldColumns.set(`${target.kind === "attribute" ? "attributes" : "subscriptions"}.${key}`, i);
  });
  return { body, fieldColumns, problems };
}
