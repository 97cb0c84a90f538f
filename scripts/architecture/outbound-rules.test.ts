import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { outboundViolations } from "./outbound-rules";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === "node_modules" ? [] : sourceFiles(rel);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith(".d.ts") ? [rel] : [];
  });
}

describe("outbound traffic goes through the guarded client", () => {
  it("finds the ways around it", () => {
    const found = (src: string, file = "lib/channels/x.ts") =>
      outboundViolations(file, src).map((v) => v.what.split(" ")[0]);
    expect(found('const r = await fetch("http://x");')).toEqual(["global"]);
    expect(found("globalThis.fetch;")).toEqual(["global"]);
    expect(found('import http from "node:http";')).toEqual(["node:http"]);
    expect(found('import { request } from "https";')).toEqual(["https"]);
    expect(found('import { connect } from "node:net";')).toEqual(["node:net"]);
    expect(found('import { Agent } from "undici";')).toEqual(["undici"]);
    expect(found("const t = nodemailer.createTransport({ host });")).toEqual(["nodemailer"]);
    expect(found('const h = require("node:tls");')).toEqual(["require"]);
    // Not violations: types, constants, guarded calls, browser code, tests, lib/net itself.
    expect(found('import type { Socket } from "node:net";')).toEqual([]);
    expect(found('import { constants, type ClientHttp2Session } from "node:http2";')).toEqual([]);
    expect(found("await guardedFetch(url); api.fetch(x); prefetch(y);")).toEqual([]);
    expect(found("createTransport({ getSocket: guarded })")).toEqual([]);
    expect(found('"use client";\nfetch("/api/x");', "app/x/page.tsx")).toEqual([]);
    expect(found('fetch("x")', "lib/channels/x.test.ts")).toEqual([]);
    expect(found('import http from "node:http";', "lib/net/guarded-fetch.ts")).toEqual([]);
  });

  it("holds in the server code (app, db, inngest, lib)", () => {
    const files = ["app", "db", "inngest", "lib"].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(300);
    const found = files.flatMap((f) =>
      outboundViolations(f, readFileSync(path.join(root, f), "utf8")),
    );
    expect(found.map((v) => `${v.file}:${v.line} ${v.what}`)).toEqual([]);
  });
});
