import { describe, expect, it } from "vitest";
import { withLogContext } from "./log-context";
import { createLogger, REDACTED, scrub } from "./logger";

function capture(format: "json" | "pretty", level: "debug" | "info" = "info") {
  const lines: string[] = [];
  const logger = createLogger({ format, level, sink: { write: (l) => lines.push(l) } });
  return { logger, lines };
}

describe("logger", () => {
  it("writes one JSON object per line with time, level, message and fields", () => {
    const { logger, lines } = capture("json");
    logger.info("run parked", { runId: "r1", due: 3 });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith("\n")).toBe(true);
    expect(lines[0]!.trim().includes("\n")).toBe(false);
    const o = JSON.parse(lines[0]!);
    expect(o).toMatchObject({ level: "info", msg: "run parked", runId: "r1", due: 3 });
    expect(new Date(o.time).getTime()).not.toBeNaN();
  });

  it("keeps secrets and message bodies out, at any depth", () => {
    const { logger, lines } = capture("json");
    logger.warn("provider said no", {
      provider: { kind: "smtp", password: "hunter2", auth: { apiKey: "k", token: "t" } },
      message: { subject: "Hi Ada", html: "<p>private</p>", text: "private", to: "x" },
      authorization: "Bearer abc",
    });
    const line = lines[0]!;
    for (const leaked of ["hunter2", "Bearer abc", "private", "Hi Ada", '"k"', '"t"'])
      expect(line).not.toContain(leaked);
    const o = JSON.parse(line);
    expect(o.provider.password).toBe(REDACTED);
    expect(o.message.to).toBe("x");
  });

  it("logs errors with name, message, stack and cause", () => {
    const err = new Error("boom", { cause: new Error("root") });
    const o = scrub({ err }) as {
      err: { name: string; message: string; stack: string; cause: { message: string } };
    };
    expect(o.err).toMatchObject({ name: "Error", message: "boom", cause: { message: "root" } });
    expect(o.err.stack).toContain("logger.test.ts");
  });

  it("keeps a failed query's statement but never its parameters (contacts' data)", () => {
    const err = new Error(
      'Failed query: insert into contacts (email) values ($1)\nparams: ada@example.com,{"plan":"pro"}',
      {
        cause: Object.assign(new Error("could not extend file: No space left on device"), {
          code: "53100",
        }),
      },
    );
    const { logger, lines } = capture("json");
    logger.error("database read_only", { err });
    expect(lines[0]).not.toContain("ada@example.com");
    const o = JSON.parse(lines[0]!);
    expect(o.err.message).toBe(
      `Failed query: insert into contacts (email) values ($1)\nparams: ${REDACTED}`,
    );
    expect(o.err.stack).toContain("logger.test.ts");
    expect(o.err.cause).toMatchObject({
      code: "53100",
      message: expect.stringContaining("No space"),
    });
  });

  it("adds the request or run id of the surrounding context, and a child's fields", async () => {
    const { logger, lines } = capture("json");
    await withLogContext({ requestId: "req-1" }, async () => {
      await Promise.resolve();
      logger.child({ component: "executor" }).info("claimed");
    });
    logger.info("outside");
    expect(JSON.parse(lines[0]!)).toMatchObject({ requestId: "req-1", component: "executor" });
    expect(JSON.parse(lines[1]!).requestId).toBeUndefined();
  });

  it("drops lines below its level", () => {
    const { logger, lines } = capture("json", "info");
    logger.debug("noise");
    logger.error("signal");
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(["signal"]);
  });

  it("pretty mode is one readable line, with an error's stack below", () => {
    const { logger, lines } = capture("pretty");
    logger.info("synced", { functions: 5 });
    logger.error("failed", { err: new Error("nope") });
    expect(lines[0]).toMatch(/info .*synced .*functions=5/);
    expect(lines[0]!.trim().split("\n")).toHaveLength(1);
    expect(lines[1]).toContain("Error: nope");
  });
});
