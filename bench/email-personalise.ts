/**
 * Personalises one realistic email template version for 100,000 generated contacts on one core:
 * compiled once (react-email render + Liquid parse), then per contact the render context, Liquid
 * for subject, preheader, HTML and text, click-tracking URLs and the open pixel; beside a plain
 * string-replace of the same values into the same HTML, in the same run.
 *
 *   npx tsx bench/email-personalise.ts [contacts]
 *
 * Pure CPU: no database.
 */
import { seededRandom } from "@/lib/random/seeded-random";
import {
  buildRenderContext,
  type TRenderContact,
  type TRenderContext,
} from "@/lib/templates/render-context";
import { compileTemplate, renderMessage } from "@/lib/templates/render-message";
import { sampleEmail } from "@/lib/templates/testing/sample-templates";

const FIRST = [
  "Ana",
  "Bruno",
  "Chloé",
  "Dmitri",
  "Eve",
  "Farah",
  "Gus",
  "Hana",
  "Ivo",
  "Júlia",
  "Kofi",
  "Lena",
  "O'Brien",
  "Zoë & Co",
];
const CITIES = ["Lisbon", "Porto", "Berlin", "Lagos", "São Paulo", "Osaka", null];
const PLANS = ["free", "pro", "team", "enterprise", null];

function contacts(n: number): TRenderContact[] {
  const r = seededRandom(20261123);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const plan = pick(PLANS);
    const firstName = r() < 0.9 ? pick(FIRST) : undefined;
    return {
      id: `c-${i}`,
      externalId: `user-${i}`,
      email: `user${i}@example.com`,
      phone: null,
      timezone: "Europe/Lisbon",
      locale: "en",
      country: "PT",
      city: pick(CITIES),
      attributes: {
        ...(firstName && { firstName }),
        ...(plan && { plan }),
        seats: Math.floor(r() * 50),
        signedUpAt: "2026-11-01",
      },
    };
  });
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

/** Liquid's shape without Liquid: each `{{ path | default: "x" }}` becomes a slot filled by lookup. */
function stringReplaceBaseline(source: string) {
  const slots: { path: string[]; fallback: string }[] = [];
  const template = source
    .replace(/[\uE000-\uE01F]\d*\uE001?|\uE002|\uE003/g, "")
    .replace(/\{%[\s\S]*?%\}/g, "")
    .replace(
      /\{\{\s*([\w.]+)(?:\s*\|\s*default:\s*"([^"]*)")?\s*\}\}/g,
      (_, path: string, fallback?: string) =>
        `\u0000${slots.push({ path: path.split("."), fallback: fallback ?? "" }) - 1}\u0000`,
    );
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return (ctx: TRenderContext) =>
    template.replace(/\u0000(\d+)\u0000/g, (_, i: string) => {
      const slot = slots[Number(i)]!;
      let v: unknown = ctx;
      for (const p of slot.path) v = (v as Record<string, unknown> | undefined)?.[p];
      return esc(v === undefined || v === null || v === "" ? slot.fallback : String(v));
    });
}

async function main() {
  const n = Number(process.argv[2] ?? 100_000);
  const people = contacts(n);
  const workspace = { name: "Acme" };
  const event = { name: "Signed Up", properties: { source: "ads" } };

  const t0 = performance.now();
  const compiled = await compileTemplate(sampleEmail());
  const compileMs = performance.now() - t0;
  if (compiled.channel !== "email") throw new Error("unreachable");

  const opts = {
    trackClick: (url: string, i: number) =>
      `https://t.acme.test/c/${i}?u=${encodeURIComponent(url)}`,
    openPixelUrl: "https://t.acme.test/o.gif",
  };
  const contextOf = (c: TRenderContact, i: number) =>
    buildRenderContext({
      contact: c,
      event,
      workspace,
      message: { id: `m-${i}`, unsubscribeUrl: `https://t.acme.test/u/m-${i}` },
    });

  const html = stringReplaceBaseline(compiled.html.source);
  const text = stringReplaceBaseline(compiled.text.source);
  const subject = stringReplaceBaseline(compiled.subject.source);

  let bytes = 0;
  let skipped = 0;
  let baseBytes = 0;
  const paths = {
    tracked: (c: TRenderContact, i: number) => {
      const r = renderMessage(compiled, contextOf(c, i), {
        ...opts,
        openPixelUrl: `https://t.acme.test/o/m-${i}.gif`,
      });
      if (r.ok && r.content.channel === "email")
        bytes += r.content.html.length + r.content.text.length;
      else skipped++;
    },
    preview: (c: TRenderContact, i: number) => void renderMessage(compiled, contextOf(c, i)),
    baseline: (c: TRenderContact, i: number) => {
      const ctx = contextOf(c, i);
      baseBytes += html(ctx).length + text(ctx).length + subject(ctx).length;
    },
  };
  type TPath = keyof typeof paths;

  // Warm-up: JIT and caches, as a long-running sender would be.
  for (const run of Object.values(paths)) for (let i = 0; i < 2_000; i++) run(people[i % n]!, i);
  bytes = baseBytes = skipped = 0;

  // The machine is shared: the paths take turns in rounds so a busy moment hits all of them, and
  // CPU time (what one core spent) is reported beside wall time.
  const ROUNDS = 10;
  const spent: Record<TPath, { wall: number; cpu: number }> = {
    tracked: { wall: 0, cpu: 0 },
    preview: { wall: 0, cpu: 0 },
    baseline: { wall: 0, cpu: 0 },
  };
  for (let round = 0; round < ROUNDS; round++) {
    const from = Math.floor((round * n) / ROUNDS);
    const to = Math.floor(((round + 1) * n) / ROUNDS);
    for (const name of Object.keys(paths) as TPath[]) {
      const run = paths[name];
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      for (let i = from; i < to; i++) run(people[i]!, i);
      spent[name].wall += performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      spent[name].cpu += (cpu.user + cpu.system) / 1000;
    }
  }

  const row = (label: string, name: TPath) =>
    `| ${label} | ${fmt(n / (spent[name].cpu / 1000))} | ${fmt(n / (spent[name].wall / 1000))} | ${((spent[name].cpu * 1000) / n).toFixed(1)} |`;
  console.info(
    `[bench] ${fmt(n)} contacts, template compiled once in ${compileMs.toFixed(0)} ms, HTML+text ${fmt(bytes / Math.max(1, n - skipped))} chars per email, ${fmt(skipped)} skipped`,
  );
  console.info("| Path | emails/s (CPU time) | emails/s (wall) | µs CPU per email |");
  console.info("| --- | ---: | ---: | ---: |");
  console.info(row("renderMessage: Liquid + click tracking + open pixel", "tracked"));
  console.info(row("renderMessage, no tracking (the editor's preview)", "preview"));
  console.info(row(`plain string replace (baseline, ${fmt(baseBytes / n)} chars)`, "baseline"));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
