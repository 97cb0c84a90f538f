"use client";
import { useTranslations } from "next-intl";
import { FlaskConical, X } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/input";
import type { TSampleContact } from "@/db/queries/sample-contacts";
import type { TGraphError } from "@/lib/journeys/graph/validate-graph";
import { ContactSearch } from "./contact-search";
import type { TSimulation } from "./journey-api";
import { SimulationPath } from "../canvas/simulation-path";
import { ErrorAlert } from "@/components/ui/error-alert";

type TProps = {
  slug: string;
  /** The newest contacts; the search finds the rest. */
  contacts: TSampleContact[];
  simulate: (
    body: { contactId: string } | { attributes: Record<string, unknown>; events?: unknown[] },
  ) => Promise<
    { ok: true; data: TSimulation } | { ok: false; message: string; errors: TGraphError[] }
  >;
  onResult: (sim: TSimulation | null) => void;
  labelOf: (nodeId: string) => string;
  templateName: (id: string) => string;
};

/** "Test on a contact": runs the draft for one contact with waits fast-forwarded; sends nothing. */
export function TestPanel({ slug, contacts, simulate, onResult, labelOf, templateName }: TProps) {
  const [mode, setMode] = useState<"contact" | "attributes">(
    contacts.length ? "contact" : "attributes",
  );
  const [contact, setContact] = useState<TSampleContact | null>(contacts[0] ?? null);
  const [attributes, setAttributes] = useState('{\n  "plan": "pro"\n}');
  const [events, setEvents] = useState(
    '[\n  { "name": "Order Completed", "afterMinutes": 120 }\n]',
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sim, setSim] = useState<TSimulation | null>(null);
  const ids = { attrs: useId(), events: useId() };

  const run = async () => {
    setError(null);
    let body: Parameters<TProps["simulate"]>[0];
    if (mode === "contact") {
      if (!contact) return;
      body = { contactId: contact.id };
    } else {
      try {
        body = {
          attributes: JSON.parse(attributes) as Record<string, unknown>,
          events: JSON.parse(events || "[]") as unknown[],
        };
      } catch {
        setError("Attributes and events must be valid JSON");
        return;
      }
    }
    setBusy(true);
    const r = await simulate(body);
    setBusy(false);
    if (!r.ok) {
      setError(
        r.errors.length ? `${r.message}: ${r.errors.map((e) => e.message).join("; ")}` : r.message,
      );
      return;
    }
    setSim(r.data);
    onResult(r.data);
  };
  const clear = () => {
    setSim(null);
    onResult(null);
  };
  const t = useTranslations("journeys.test");

  return (
    <div className="space-y-4" data-testid="test-panel">
      <p className="text-xs text-slate-500">{t("intro")}</p>
      <div className="flex gap-1 rounded-lg bg-slate-100 p-1 text-sm">
        {(["contact", "attributes"] as const).map((m) => (
          <button
            key={m}
            type="button"
            aria-pressed={mode === m}
            onClick={() => setMode(m)}
            className={`flex-1 rounded-md px-2 py-1 ${mode === m ? "bg-white font-medium shadow-sm" : "text-slate-600"}`}
          >
            {m === "contact" ? t("aContact") : t("attributes")}
          </button>
        ))}
      </div>
      {mode === "contact" ? (
        <ContactSearch slug={slug} initial={contacts} value={contact} onChange={setContact} />
      ) : (
        <>
          <div>
            <Label htmlFor={ids.attrs}>{t("attributesJson")}</Label>
            <textarea
              id={ids.attrs}
              rows={4}
              className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs"
              value={attributes}
              onChange={(e) => setAttributes(e.target.value)}
            />
          </div>
          <div>
            <Label htmlFor={ids.events}>{t("eventsJson")}</Label>
            <textarea
              id={ids.events}
              rows={3}
              className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs"
              value={events}
              onChange={(e) => setEvents(e.target.value)}
            />
          </div>
        </>
      )}
      <div className="flex gap-2">
        <Button
          type="button"
          onClick={() => void run()}
          disabled={busy || (mode === "contact" && !contact)}
        >
          <FlaskConical /> {busy ? t("running") : t("run")}
        </Button>
        {sim ? (
          <Button type="button" variant="ghost" onClick={clear}>
            <X /> {t("clear")}
          </Button>
        ) : null}
      </div>
      <ErrorAlert variant="box" className="p-2">
        {error}
      </ErrorAlert>
      {sim ? <SimulationPath sim={sim} labelOf={labelOf} templateName={templateName} /> : null}
    </div>
  );
}
