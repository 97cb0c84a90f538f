// Reads what the image runs from the Dockerfile itself, so the e2e suite starts the standalone
// server with the image's command and environment rather than a copy that could drift.

export type TImageRuntime = { env: Record<string, string>; cmd: string[]; workdir: string };

/** The last stage's `ENV`, `CMD` (exec form) and `WORKDIR`. */
export function readImageRuntime(dockerfile: string): TImageRuntime {
  const lines = dockerfile.replace(/\\\n/g, " ").split("\n");
  let stage: string[] = [];
  for (const line of lines) {
    if (/^FROM\s/i.test(line.trim())) stage = [];
    stage.push(line.trim());
  }
  const env: Record<string, string> = {};
  let cmd: string[] = [];
  let workdir = "/";
  for (const line of stage) {
    const envMatch = line.match(/^ENV\s+([A-Za-z_][A-Za-z0-9_]*)=(\S*)$/);
    if (envMatch) env[envMatch[1]!] = envMatch[2]!.replace(/^"(.*)"$/, "$1");
    else if (/^ENV\s/.test(line)) throw new Error(`Write one ENV NAME=value per line: ${line}`);
    const cmdMatch = line.match(/^CMD\s+(\[.*\])$/);
    if (cmdMatch) cmd = JSON.parse(cmdMatch[1]!) as string[];
    const wd = line.match(/^WORKDIR\s+(\S+)$/);
    if (wd) workdir = wd[1]!;
  }
  if (!cmd.length) throw new Error("The Dockerfile's last stage has no CMD in exec form");
  return { env, cmd, workdir };
}
