import { CronExpressionParser } from "cron-parser";

// Inngest's cron triggers: a crontab expression (5 fields, or 6 with seconds first), optionally
// prefixed with `TZ=<IANA zone> `. The local executor reads them with cron-parser.

const TZ_PREFIX = /^TZ=(\S+)\s+(.+)$/;

function split(cron: string): { expression: string; tz: string } {
  const m = TZ_PREFIX.exec(cron.trim());
  return m ? { tz: m[1]!, expression: m[2]! } : { tz: "UTC", expression: cron.trim() };
}

/** Throws (naming the expression) if the local executor cannot schedule it. */
export function checkCron(cron: string): void {
  const { expression, tz } = split(cron);
  const fields = expression.split(/\s+/).length;
  if (fields !== 5 && fields !== 6)
    throw new Error(`Cron ${JSON.stringify(cron)} must have 5 fields (or 6 with seconds first)`);
  CronExpressionParser.parse(expression, { tz, strict: false });
}

/** The first time the cron fires strictly after `afterMs`. */
export function nextCronTime(cron: string, afterMs: number): Date {
  const { expression, tz } = split(cron);
  return CronExpressionParser.parse(expression, { tz, currentDate: new Date(afterMs) })
    .next()
    .toDate();
}

/**
 * A cron firing every `seconds` (whole minutes as a 5-field expression, which every Inngest server
 * accepts; shorter periods with a seconds field, which the local executor schedules).
 */
export function everySecondsCron(seconds: number): string {
  if (seconds % 60 === 0 && seconds <= 3600) {
    const minutes = seconds / 60;
    return minutes === 60 ? "0 * * * *" : minutes === 1 ? "* * * * *" : `*/${minutes} * * * *`;
  }
  return seconds < 60
    ? `*/${seconds} * * * * *`
    : `*/${Math.max(1, Math.round(seconds / 60))} * * * *`;
}
