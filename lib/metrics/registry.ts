import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { readSystemSnapshot } from "./system-snapshot";

// One registry per process, shared by instrumentation and every route module (separate module
// graphs in one Next.js process) through globalThis. Label values are bounded: channels, provider
// kinds, statuses, function ids and route patterns, never a workspace, contact or message id.

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "waymark_" });
  const r = [registry];
  const m = {
    registry,
    eventsIngested: new Counter({
      name: "waymark_events_ingested_total",
      help: "Contact events stored by ingestion (API, batch, CSV import, message lifecycle)",
      registers: r,
    }),
    deliveries: new Counter({
      name: "waymark_deliveries_total",
      help: "Messages handed to a channel provider, by outcome (sent, delivered, failed, error)",
      labelNames: ["channel", "provider", "status"],
      registers: r,
    }),
    providerErrors: new Counter({
      name: "waymark_provider_errors_total",
      help: "Provider sends that failed, by whether a retry may succeed (thrown errors count as retryable)",
      labelNames: ["channel", "provider", "retryable"],
      registers: r,
    }),
    providerLatency: new Histogram({
      name: "waymark_provider_send_duration_seconds",
      help: "Time a provider took to take one message",
      labelNames: ["channel", "provider"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: r,
    }),
    httpLatency: new Histogram({
      name: "waymark_http_request_duration_seconds",
      help: "API request handling time by route pattern, method and status",
      labelNames: ["route", "method", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: r,
    }),
  };
  // Read from the database when scraped (one shared read, cached briefly: lib/metrics/system-snapshot.ts).
  new Gauge({
    name: "waymark_executor_queue_depth",
    help: "Local executor runs due now and not leased",
    registers: r,
    async collect() {
      const s = await readSystemSnapshot();
      if (s.queue) this.set(s.queue.due);
    },
  });
  new Gauge({
    name: "waymark_executor_runs_leased",
    help: "Local executor runs a worker holds right now",
    registers: r,
    async collect() {
      const s = await readSystemSnapshot();
      if (s.queue) this.set(s.queue.leased);
    },
  });
  new Gauge({
    name: "waymark_executor_lag_seconds",
    help: "How long the oldest due local executor run has waited to be claimed",
    registers: r,
    async collect() {
      const s = await readSystemSnapshot();
      if (s.queue) this.set(s.queue.lagSeconds);
    },
  });
  new Gauge({
    name: "waymark_executor_runs",
    help: "Local executor runs by function and status",
    labelNames: ["function", "status"],
    registers: r,
    async collect() {
      const s = await readSystemSnapshot();
      this.reset();
      for (const x of s.runs) this.set({ function: x.functionId, status: x.status }, x.n);
    },
  });
  new Gauge({
    name: "waymark_campaign_deliveries",
    help: "Deliveries of campaign runs now sending, by status",
    labelNames: ["status"],
    registers: r,
    async collect() {
      const s = await readSystemSnapshot();
      this.reset();
      for (const x of s.campaignDeliveries) this.set({ status: x.status }, x.n);
    },
  });
  new Gauge({
    name: "waymark_rollup_age_seconds",
    help: "Seconds since each analytics rollup source last finished refreshing",
    labelNames: ["source"],
    registers: r,
    async collect() {
      const s = await readSystemSnapshot();
      this.reset();
      for (const x of s.rollups)
        if (x.ageSeconds !== null) this.set({ source: x.source }, x.ageSeconds);
    },
  });
  new Gauge({
    name: "waymark_provider_failing",
    help: "1 for each channel provider whose recent sends from this process all failed",
    labelNames: ["channel", "provider"],
    registers: r,
    async collect() {
      const s = await readSystemSnapshot();
      this.reset();
      for (const p of s.failingProviders) this.set({ channel: p.channel, provider: p.provider }, 1);
    },
  });
  return m;
}

export type TMetrics = ReturnType<typeof createMetrics>;
const KEY = Symbol.for("waymark.metrics");

export function metrics(): TMetrics {
  const holder = globalThis as { [KEY]?: TMetrics };
  return (holder[KEY] ??= createMetrics());
}
