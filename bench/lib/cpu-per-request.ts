import { readdirSync, readFileSync } from "node:fs";

const TICK_MS = 10; // Linux reports process times in clock ticks of 1/100 s.

/**
 * CPU used so far by every PostgreSQL process on this machine (backends, WAL writer, checkpointer,
 * and the children that ended), in ms, from /proc; null where there is no /proc to read. Only
 * meaningful when the bench's database server runs here, as it does by default.
 */
export function postgresCpuMs(): number | null {
  return processCpuMs((comm) => comm.startsWith("postgres"));
}

/** CPU used so far by the processes of a process group (an app server and its workers), in ms. */
export function groupCpuMs(pgid: number): number | null {
  return processCpuMs((_comm, fields) => Number(fields[2]) === pgid);
}

function processCpuMs(select: (comm: string, fields: string[]) => boolean): number | null {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return null;
  }
  let ms = 0;
  for (const pid of entries) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      // Fields after the command: state, ppid, pgrp …; utime, stime, cutime, cstime are the 12th to 15th.
      const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      if (!select(readFileSync(`/proc/${pid}/comm`, "utf8"), f)) continue;
      ms += (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * TICK_MS;
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return ms;
}

/**
 * Runs `phase` and prints the CPU it cost per request: this Node process's (the route, the
 * driver, and the bench's own client) and PostgreSQL's. On a two-core machine where both share
 * the cores, their sum per request is what bounds the rate, whichever side it is spent on.
 */
export async function withCpuPerRequest<T>(
  label: string,
  /** How many requests the phase made; or, where only the phase knows, read off its result. */
  requests: number | ((result: T) => number),
  phase: () => Promise<T>,
): Promise<T> {
  const node0 = process.cpuUsage();
  const pg0 = postgresCpuMs();
  const result = await phase();
  const node = process.cpuUsage(node0);
  const pg1 = postgresCpuMs();
  const n = typeof requests === "number" ? requests : requests(result);
  const perRequest = (ms: number) => `${(ms / n).toFixed(2)} ms`;
  console.info(
    `[bench] ${label}: CPU per request: Node ${perRequest((node.user + node.system) / 1000)}, PostgreSQL ${
      pg0 === null || pg1 === null ? "n/a (no /proc)" : perRequest(pg1 - pg0)
    }`,
  );
  return result;
}
