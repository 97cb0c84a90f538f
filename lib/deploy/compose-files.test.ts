import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadEnv, ZEnv } from "@/lib/env";
import { readImageRuntime } from "./read-dockerfile";

const root = path.resolve(import.meta.dirname, "../..");
const read = (f: string) => readFileSync(path.join(root, f), "utf8");

type TService = {
  build?: unknown;
  image?: string;
  command?: string;
  environment?: Record<string, string | number>;
  depends_on?: unknown;
};
type TCompose = { services: Record<string, TService> };

const compose = (file: string) => parse(read(file), { merge: true }) as TCompose;
const appServices = (c: TCompose) =>
  Object.entries(c.services).filter(([, s]) => s.image?.startsWith("waymark"));
const KNOWN = new Set(Object.keys(ZEnv.shape));

// What an operator's .env would hold: compose's `${NAME:?…}` and `${NAME:-default}` filled in.
const SAMPLE: Record<string, string> = {
  POSTGRES_PASSWORD: "pw",
  AUTH_SECRET: "a".repeat(44),
  INNGEST_SIGNING_KEY: `signkey-prod-${"ab".repeat(32)}`,
  INNGEST_EVENT_KEY: "evt-key",
};
const interpolate = (v: string | number) =>
  String(v).replace(/\$\{([A-Z0-9_]+)(?::[?-]([^}]*))?\}/g, (_, name: string, rest?: string) =>
    name in SAMPLE ? SAMPLE[name]! : rest && !rest.startsWith("set ") ? rest : "",
  );
const envOf = (s: TService) =>
  Object.fromEntries(Object.entries(s.environment ?? {}).map(([k, v]) => [k, interpolate(v)]));

describe("docker-compose.yml (scale: replicas + self-hosted Inngest)", () => {
  const c = compose("docker-compose.yml");
  const apps = appServices(c);

  it("runs two app replicas built from the Dockerfile", () => {
    expect(apps.map(([name]) => name)).toEqual(["app-1", "app-2"]);
    for (const [, s] of apps) expect(s.build).toBe(".");
  });

  it("names only variables lib/env.ts knows, and they pass its validation", () => {
    for (const [name, s] of apps) {
      const unknown = Object.keys(s.environment ?? {}).filter((k) => !KNOWN.has(k));
      expect(unknown, `${name} sets variables lib/env.ts does not know`).toEqual([]);
      const env = loadEnv({ ...readImageRuntime(read("Dockerfile")).env, ...envOf(s) });
      expect(env.executor).toBe("inngest");
      expect(env.DATABASE_URL).toMatch(/@postgres:5432\//);
    }
  });

  it("wires self-hosted Inngest to its own PostgreSQL and Redis with the app's keys", () => {
    const inngest = c.services.inngest!;
    expect(inngest.command).toMatch(/^inngest start /);
    expect(inngest.command).toContain("--postgres-uri postgres://inngest:");
    expect(inngest.command).toContain("@inngest-postgres:5432/inngest");
    expect(inngest.command).toContain("--redis-uri redis://inngest-redis:6379");
    expect(inngest.command).toContain("--sdk-url http://lb/api/inngest");
    const app = envOf(apps[0]![1]);
    const own = envOf(inngest);
    expect(own.INNGEST_SIGNING_KEY).toBe(app.INNGEST_SIGNING_KEY);
    expect(own.INNGEST_EVENT_KEY).toBe(app.INNGEST_EVENT_KEY);
    expect(app.INNGEST_BASE_URL).toBe("http://inngest:8288");
    expect(Object.keys(c.services)).toEqual(
      expect.arrayContaining(["postgres", "inngest-postgres", "inngest-redis", "lb"]),
    );
  });
});

describe("docker-compose.all-in-one.yml (one app, local executor, PostgreSQL)", () => {
  const c = compose("docker-compose.all-in-one.yml");
  const apps = appServices(c);

  it("runs one app with the local executor on PostgreSQL, and nothing else but PostgreSQL", () => {
    expect(apps).toHaveLength(1);
    expect(Object.keys(c.services).sort()).toEqual(["app", "postgres"]);
    const s = apps[0]![1];
    const unknown = Object.keys(s.environment ?? {}).filter((k) => !KNOWN.has(k));
    expect(unknown).toEqual([]);
    const env = loadEnv({ ...readImageRuntime(read("Dockerfile")).env, ...envOf(s) });
    expect(env.executor).toBe("local");
  });
});

describe("Dockerfile", () => {
  const docker = read("Dockerfile");
  const image = readImageRuntime(docker);

  it("runs the standalone server as a non-root user with a health check", () => {
    expect(image.cmd).toEqual(["node", "server.js"]);
    expect(docker).toMatch(/^USER waymark$/m);
    expect(docker).toMatch(/^HEALTHCHECK .*\n.*\/api\/health\/live/m);
    expect(docker).toContain("COPY --from=build --chown=waymark:waymark /app/.next/standalone ./");
  });

  it("sets only variables lib/env.ts knows, and hands signals to the app", () => {
    expect(Object.keys(image.env).filter((k) => !KNOWN.has(k))).toEqual([]);
    expect(image.env.NEXT_MANUAL_SIG_HANDLE).toBe("true");
    expect(image.env.NODE_ENV).toBe("production");
  });
});
