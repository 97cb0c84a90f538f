export function TemplateLabel({ name, version }: { name: string | null; version: number | null }) {
  if (!name)
    return (
      <span className="text-slate-400">{version ? `deleted template · v${version}` : "—"}</span>
    );
  return (
    <span>
      {name}
      {version ? <span className="ml-1 text-xs text-slate-400">v{version}</span> : null}
    </span>
  );
}
