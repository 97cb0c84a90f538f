import type { TImportReport } from "./report";

/** The report as plain text (the CLI's output), one block per object. */
export function formatReport(r: TImportReport): string {
  const lines: string[] = [];
  lines.push(r.dryRun ? "Dry run: nothing was written." : "Imported.");
  for (const f of r.fileErrors) lines.push(`✗ ${f.path}: ${f.message}`);
  for (const e of r.entries) {
    // An endpoint file is imported line by line: some lines refused is neither ✓ nor ✗.
    const mark =
      e.action === "skip"
        ? "✗"
        : e.errors.length
          ? "!"
          : e.unsupported.length || e.approximated.length
            ? "~"
            : "✓";
    const action = e.kind === "endpoints" ? "" : ` [${e.action}]`;
    lines.push(
      `${mark} ${e.kind} ${e.name}${action} → ${e.becomes}${e.waymarkId ? ` (${e.waymarkId})` : ""}`,
    );
    lines.push(`    from ${e.file}`);
    for (const n of e.errors) lines.push(`    error        ${n.path}: ${n.message}`);
    for (const n of e.unsupported) lines.push(`    not imported ${n.path}: ${n.message}`);
    for (const n of e.approximated) lines.push(`    approximated ${n.path}: ${n.message}`);
  }
  const t = r.totals;
  lines.push(
    `${t.objects} object(s), ${t.errors} with errors, ${t.approximated} approximation(s), ${t.unsupported} thing(s) not imported.`,
  );
  return lines.join("\n");
}
