import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/**
 * A real app process for the fault tests (SIGKILL and SIGTERM mid-work): `script` run by Node
 * itself with tsx's loader, not the tsx CLI, because the CLI runs the script in a child process
 * that a SIGKILL of the CLI would leave running. Resolves once the script prints a line starting
 * with `ready` (its remainder, e.g. an origin, is `ready`); rejects if it exits first.
 */
export type TWorkerProcess = {
  child: ChildProcess;
  /** What followed `ready ` on the ready line ("" when nothing did). */
  ready: string;
  /** Every line it has printed so far. */
  lines: string[];
  /** Settles with the exit code (-1 for a signal). */
  exited: Promise<number>;
};

export function workerProcesses() {
  const started: ChildProcess[] = [];

  function start(
    script: string,
    opts: { args?: string[]; env?: Record<string, string> } = {},
  ): Promise<TWorkerProcess> {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.resolve(script), ...(opts.args ?? [])],
      { env: { ...process.env, ...opts.env }, stdio: ["ignore", "pipe", "pipe"] },
    );
    started.push(child);
    const lines: string[] = [];
    let stderr = "";
    child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number>((resolve) =>
      child.once("exit", (code) => resolve(code ?? -1)),
    );
    return new Promise((resolve, reject) => {
      child.stdout!.on("data", (c: Buffer) => {
        for (const line of c.toString().split("\n").filter(Boolean)) {
          lines.push(line);
          const ready = /^ready ?(.*)$/.exec(line);
          if (ready) resolve({ child, ready: ready[1]!.trim(), lines, exited });
        }
      });
      void exited.then((code) => reject(new Error(`${script} exited with ${code}: ${stderr}`)));
    });
  }

  /** SIGKILLs one and waits until it is gone. */
  async function kill(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await gone;
  }

  /** Kills whatever is still running (afterAll). */
  async function stopAll(): Promise<void> {
    for (const child of started) await kill(child);
  }

  return { start, kill, stopAll };
}
