import type { TDefinitionKind, TDefinitionsFile } from "./definitions-format";

/** `<workspace>-journey-welcome.waymark.json`, or `<workspace>-definitions.waymark.json`; ASCII only. */
export function definitionsFileName(
  workspace: string,
  file: TDefinitionsFile,
  kind?: TDefinitionKind,
) {
  const name = kind ? (file[`${kind}s`].at(-1)?.name ?? kind) : "definitions";
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return `${workspace}-${kind ? `${kind}-` : ""}${slug || "definitions"}.waymark.json`;
}
