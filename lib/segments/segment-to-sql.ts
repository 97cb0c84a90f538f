import { sql, type SQL } from "drizzle-orm";
import { ISO_DATE } from "@/lib/contacts/attributes";
import { ValidationError } from "@/lib/errors";
import type {
  TComparison,
  TCondition,
  TGroup,
  TPropertyFilter,
  TSegmentDefinition,
  TWindow,
} from "./definition";
import { NEGATIVE_OPS } from "./definition";
import type { TSegmentResolver } from "./evaluate-segment";

/**
 * Like the evaluator's resolver, but a static segment (a frozen list, not a definition) answers
 * `{ kind: "static" }` and is matched against its stored members.
 */
export type TSqlSegmentResolver = (
  segmentId: string,
) => ReturnType<TSegmentResolver> | { kind: "static" };

/**
 * Compiles a segment to one parameterised SQL condition over `contacts c` (every user value is a
 * bind parameter, attribute and property names included). Semantics are those of
 * evaluate-segment.ts. Every condition is shaped so PostgreSQL can pick its plan from the
 * indexes (bench/segment-counts.ts measures it against hand-written SQL at 10M events):
 * - event conditions are EXISTS / NOT EXISTS, which at the top of the query become semi/anti joins
 *   over the (workspace_id, name, occurred_at) index (a window reads only its range) and elsewhere
 *   probe (workspace_id, contact_id, name, occurred_at) per contact; no condition scans all events;
 * - columns that are never NULL are compared bare, so their indexes apply (signed up in the last
 *   7 days reads the sign-up index, not every contact).
 */
/**
 * `path` points at the condition being compiled; inside a referenced segment it stays on the reference.
 * `drives`: the condition is ANDed at the top of the query (so a contact must pass it to match at
 * all) and the query selects from all the workspace's contacts; `driver` is shared by the whole
 * compilation and records whether some condition already drives the query from its own set.
 */
type Ctx = {
  now: SQL;
  workspace: SQL;
  resolve: TSqlSegmentResolver;
  seen: Set<string>;
  path: string;
  inReference?: boolean;
  drives: boolean;
  driver: { taken: boolean };
};

// PostgreSQL's regular expressions read this JavaScript pattern as written.
const TS_PATTERN = ISO_DATE.source;
const jsonParam = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;
const days = (n: number) => sql`make_interval(days => ${n}::int)`;

/** The condition is true, never NULL: NOT of a NULL would lose contacts without the value. */
const isTrue = (s: SQL) => sql`coalesce((${s}), false)`;

/** A JSON value `j` compared with `c` (attributes and event properties). */
function compareJson(
  j: SQL,
  c: TComparison,
  now: SQL,
  containment?: { column: SQL; key: string },
): SQL {
  const { type, op, value } = c;
  const t = sql`(${j} #>> '{}')`;
  if (op === "is_set" && type !== "date")
    return sql`(${j} is not null and jsonb_typeof(${j}) <> 'null')`;
  if (op === "is_not_set" && type !== "date")
    return sql`not (${j} is not null and jsonb_typeof(${j}) <> 'null')`;
  switch (type) {
    case "string": {
      const positive = (o: string): SQL => {
        const isString = sql`jsonb_typeof(${j}) = 'string'`;
        switch (o) {
          // Containment lets the GIN index on attributes answer equality.
          case "equals":
            return containment
              ? sql`${containment.column} @> ${jsonParam({ [containment.key]: value })}`
              : isTrue(sql`${isString} and ${t} = ${value as string}::text`);
          case "contains":
            return isTrue(
              sql`${isString} and strpos(lower(${t}), lower(${value as string}::text)) > 0`,
            );
          case "starts_with":
            return isTrue(
              sql`${isString} and left(lower(${t}), char_length(${value as string}::text)) = lower(${value as string}::text)`,
            );
          case "ends_with":
            return isTrue(
              sql`${isString} and right(lower(${t}), char_length(${value as string}::text)) = lower(${value as string}::text)`,
            );
          case "in":
            return isTrue(
              sql`${isString} and ${t} in (${sql.join(
                (value as string[]).map((v) => sql`${v}::text`),
                sql`, `,
              )})`,
            );
        }
        throw new Error(`unknown string op ${o}`);
      };
      return op.startsWith("not_") ? sql`not ${positive(op.slice(4))}` : positive(op);
    }
    case "number": {
      // CASE, so the cast only ever sees a number; the JSON number casts straight to numeric
      // (through text it would be printed and parsed again: a filter on 100,000s of events).
      const num = (cmp: SQL) =>
        sql`(case when jsonb_typeof(${j}) = 'number' then ${cmp} else false end)`;
      const n = sql`(${j})::numeric`;
      switch (op) {
        case "eq":
          return num(sql`${n} = ${value as number}::numeric`);
        case "neq":
          return sql`not ${num(sql`${n} = ${value as number}::numeric`)}`;
        case "gt":
          return num(sql`${n} > ${value as number}::numeric`);
        case "gte":
          return num(sql`${n} >= ${value as number}::numeric`);
        case "lt":
          return num(sql`${n} < ${value as number}::numeric`);
        case "lte":
          return num(sql`${n} <= ${value as number}::numeric`);
        case "between": {
          const [a, b] = value as [number, number];
          return num(sql`${n} between ${a}::numeric and ${b}::numeric`);
        }
      }
      throw new Error(`unknown number op ${op}`);
    }
    case "boolean":
      return isTrue(sql`${j} = ${op === "is_true" ? sql`'true'::jsonb` : sql`'false'::jsonb`}`);
    case "date": {
      const asDate = sql`(case when jsonb_typeof(${j}) = 'string' and ${t} ~ ${TS_PATTERN} then waymark_to_timestamptz(${t}) end)`;
      return compareDate(asDate, op, value, now);
    }
    case "array": {
      const isArray = sql`jsonb_typeof(${j}) = 'array'`;
      if (op === "is_empty") return isTrue(sql`${isArray} and jsonb_array_length(${j}) = 0`);
      const includes = isTrue(sql`${isArray} and ${j} @> ${jsonParam([value])}`);
      return op === "includes" ? includes : sql`not ${includes}`;
    }
  }
}

/** `notNull`: `d` is a NOT NULL column, compared bare so its index can answer. */
function compareDate(d: SQL, op: string, value: unknown, now: SQL, notNull = false): SQL {
  const bool = notNull ? (s: SQL) => sql`(${s})` : isTrue;
  switch (op) {
    case "is_set":
      return sql`(${d} is not null)`;
    case "is_not_set":
      return sql`(${d} is null)`;
    case "before":
      return bool(sql`${d} < ${value as string}::timestamptz`);
    case "after":
      return bool(sql`${d} > ${value as string}::timestamptz`);
    case "between": {
      const [a, b] = value as [string, string];
      return bool(sql`${d} between ${a}::timestamptz and ${b}::timestamptz`);
    }
    case "within_last_days":
      return bool(sql`${d} between ${now} - ${days(value as number)} and ${now}`);
    case "within_next_days":
      return bool(sql`${d} between ${now} and ${now} + ${days(value as number)}`);
    case "more_than_days_ago":
      return bool(sql`${d} < ${now} - ${days(value as number)}`);
  }
  throw new Error(`unknown date op ${op}`);
}

/** A nullable text column (profile fields), compared as the text itself rather than through JSON. */
function compareText(column: SQL, c: TComparison): SQL {
  const { op, value } = c;
  if (op === "is_set") return sql`(${column} is not null)`;
  if (op === "is_not_set") return sql`(${column} is null)`;
  const positive = (o: string): SQL => {
    switch (o) {
      case "equals":
        return isTrue(sql`${column} = ${value as string}::text`);
      case "contains":
        return isTrue(sql`strpos(lower(${column}), lower(${value as string}::text)) > 0`);
      // Only the end compared is lower-cased, not every contact's whole value (the same wherever
      // lower() maps character by character, as libc locales do): lower() is the costly part.
      case "starts_with":
        return isTrue(
          sql`lower(left(${column}, char_length(${value as string}::text))) = lower(${value as string}::text)`,
        );
      case "ends_with":
        return isTrue(
          sql`lower(right(${column}, char_length(${value as string}::text))) = lower(${value as string}::text)`,
        );
      case "in":
        return isTrue(
          sql`${column} in (${sql.join(
            (value as string[]).map((v) => sql`${v}::text`),
            sql`, `,
          )})`,
        );
    }
    throw new Error(`unknown string op ${o}`);
  };
  return op.startsWith("not_") ? sql`not ${positive(op.slice(4))}` : positive(op);
}

const windowSql = (e: SQL, w: TWindow | undefined, now: SQL): SQL =>
  !w
    ? sql`true`
    : "lastDays" in w
      ? sql`${e}.occurred_at between ${now} - ${days(w.lastDays)} and ${now}`
      : sql`${e}.occurred_at between ${w.from}::timestamptz and ${w.to}::timestamptz`;

const filtersSql = (e: SQL, filters: TPropertyFilter[], now: SQL): SQL =>
  filters.length
    ? sql.join(
        filters.map((f) => compareJson(sql`(${e}.properties -> ${f.property})`, f, now)),
        sql` and `,
      )
    : sql`true`;

/**
 * Events of this contact named `name`, as a FROM/WHERE fragment with alias `e`. The workspace is
 * the parameter, not `c.workspace_id` (the same, as `c` is the workspace's): as a semi join the
 * events' side is then made unique on contact_id alone, a key half as wide to hash.
 */
const eventsOf = (alias: string, name: string, ctx: Pick<Ctx, "workspace">, correlated = true) => {
  const e = sql.raw(alias);
  const ofContact = correlated ? sql` and ${e}.contact_id = c.id` : sql``;
  return {
    e,
    from: sql`events ${e} where ${e}.workspace_id = ${ctx.workspace}::uuid${ofContact} and ${e}.name = ${name}::text`,
  };
};

/** The qualifying events of a did-it condition: all of the workspace's, or (correlated) the contact's. */
function didEventRows(
  cond: Extract<TCondition, { kind: "event" }>,
  ctx: Pick<Ctx, "workspace" | "now">,
  correlated: boolean,
): SQL {
  const { e, from } = eventsOf("e", cond.name, ctx, correlated);
  return sql`${from} and ${windowSql(e, cond.window, ctx.now)} and ${filtersSql(e, cond.filters, ctx.now)}`;
}

/** The "first" events of a sequence that are (or are not) followed in time: all of the workspace's, or the contact's. */
function sequenceRows(
  cond: Extract<TCondition, { kind: "sequence" }>,
  ctx: Pick<Ctx, "workspace" | "now">,
  correlated: boolean,
): SQL {
  const { now } = ctx;
  const a = eventsOf("a", cond.first.name, ctx, correlated);
  // "then" correlates with the "first" event, not the contact, so NOT EXISTS becomes an anti join inside.
  const hours = sql`make_interval(secs => ${cond.withinHours * 3600}::float8)`;
  // The window's own bounds, widened by the hours, are implied for "then" too; stated, they let
  // the planner read only that range of "then" events for a hash anti/semi join.
  const w = cond.window;
  const thenRange = !w
    ? sql``
    : "lastDays" in w
      ? sql` and b.occurred_at between ${now} - ${days(w.lastDays)} and ${now} + ${hours}`
      : sql` and b.occurred_at between ${w.from}::timestamptz and ${w.to}::timestamptz + ${hours}`;
  // An event never follows itself; with two names it cannot be both, and leaving the ids out
  // lets both sides be read from the (workspace, name, time, contact) index alone.
  const notItself = cond.first.name === cond.then.name ? sql` and b.id <> a.id` : sql``;
  const followed = sql`exists (select 1 from events b where b.workspace_id = ${ctx.workspace}::uuid and b.contact_id = a.contact_id and b.name = ${cond.then.name}::text${notItself} and ${filtersSql(sql.raw("b"), cond.then.filters, now)}
        and b.occurred_at between a.occurred_at and a.occurred_at + ${hours}${thenRange})`;
  const firsts = sql`${a.from} and ${windowSql(a.e, cond.window, now)} and ${filtersSql(a.e, cond.first.filters, now)}`;
  return cond.mode === "followed_by"
    ? sql`${firsts} and ${followed}`
    : sql`${firsts} and a.occurred_at <= ${now} - ${hours} and not ${followed}`;
}

function condition(cond: TCondition, ctx: Ctx): SQL {
  const { now } = ctx;
  switch (cond.kind) {
    case "attribute":
      return compareJson(sql`(c.attributes -> ${cond.key})`, cond, now, {
        column: sql`c.attributes`,
        key: cond.key,
      });
    case "account": {
      // Any of the contact's accounts; a negative operator is "none of them matches the positive".
      const positive = NEGATIVE_OPS[cond.op];
      const test = positive ? { ...cond, op: positive } : cond;
      const any = sql`exists (select 1 from account_members am join accounts acc on acc.id = am.account_id where am.contact_id = c.id and ${compareJson(sql`(acc.traits -> ${cond.key})`, test, now)})`;
      return positive ? sql`not ${any}` : any;
    }
    case "profile": {
      const column = {
        userId: sql`c.external_id`,
        email: sql`c.email`,
        phone: sql`c.phone`,
        country: sql`c.country`,
        city: sql`c.city`,
        timezone: sql`c.timezone`,
        locale: sql`c.locale`,
      }[cond.field];
      return compareText(column, cond);
    }
    case "signup":
      return compareDate(sql`c.created_at`, cond.op, cond.value, now, true);
    case "event": {
      const e = sql.raw("e");
      const where = didEventRows(cond, ctx, true);
      const { op, value } = cond.count;
      if (op === "at_least" && value === 0) return sql`true`;
      if ((op === "at_most" || op === "exactly") && value === 0)
        return sql`not exists (select 1 from ${where})`;
      if (op === "at_least" && value === 1) return sql`exists (select 1 from ${where})`;
      // The contacts with n such events, counted once for the workspace (the window bounds the read).
      const having =
        op === "at_least"
          ? sql`count(*) >= ${value}`
          : op === "at_most"
            ? sql`count(*) > ${value}`
            : sql`count(*) = ${value}`;
      const grouped = sql`select ${e}.contact_id from events ${e} where ${e}.workspace_id = ${ctx.workspace}::uuid and ${e}.name = ${cond.name}::text
        and ${windowSql(e, cond.window, now)} and ${filtersSql(e, cond.filters, now)} group by ${e}.contact_id having ${having}`;
      // Driving the query, the set is collected once and the contacts fetched by primary key. As a
      // semi join PostgreSQL guesses HAVING keeps a third of the groups (often it keeps 2 %), so
      // it scans every contact against it, and in each parallel worker counts the events again.
      // Only one condition drives: a second array would be searched row by row, not by index.
      if (op !== "at_most" && ctx.drives && !ctx.driver.taken) {
        ctx.driver.taken = true;
        return sql`c.id = any(array(${grouped}))`;
      }
      // Elsewhere EXISTS: inside OR/NOT, or testing one contact, the planner pushes `contact_id =
      // c.id` into it and counts that contact's events: never a rescan per contact.
      const counted = sql`exists (select 1 from (${grouped}) n where n.contact_id = c.id)`;
      return op === "at_most" ? sql`not ${counted}` : counted;
    }
    case "event_time": {
      const { e, from } = eventsOf("e", cond.name, ctx);
      const t = sql`(select ${sql.raw(cond.which === "first" ? "min" : "max")}(${e}.occurred_at) from ${from} and ${filtersSql(e, cond.filters, now)})`;
      return compareDate(t, cond.op, cond.value, now);
    }
    case "sequence":
      return sql`exists (select 1 from ${sequenceRows(cond, ctx, true)})`;
    case "channel": {
      const hasAddress = {
        email: sql`c.email is not null`,
        sms: sql`c.phone is not null`,
        voice: sql`c.phone is not null`,
        push: sql`exists (select 1 from push_tokens pt where pt.contact_id = c.id)`,
        in_app: sql`c.external_id is not null`,
      }[cond.channel];
      const optedOut = sql`exists (select 1 from channel_subscriptions s where s.contact_id = c.id and s.status = 'unsubscribed' and s.channel in ('all', ${cond.channel}::subscription_channel))`;
      return cond.state === "has_address"
        ? sql`(${hasAddress})`
        : cond.state === "opted_out"
          ? optedOut
          : sql`(${hasAddress} and not ${optedOut})`;
    }
    case "topic": {
      // The contact's choice, else the topic's default; no such topic in the workspace: nobody.
      const subscribed = cond.state === "subscribed";
      return sql`exists (select 1 from topics tp left join topic_subscriptions tps on tps.topic_id = tp.id and tps.contact_id = c.id where tp.workspace_id = ${ctx.workspace}::uuid and tp.key = ${cond.topic}::text and coalesce(tps.status = 'subscribed', tp.default_subscribed) = ${subscribed}::boolean)`;
    }
    case "device":
      return sql`exists (select 1 from push_tokens pt where pt.contact_id = c.id and pt.platform = ${cond.platform}::push_platform)`;
    case "segment": {
      if (ctx.seen.has(cond.segmentId))
        throw new ValidationError({
          [ctx.path]: "segments cannot include themselves, directly or through others",
        });
      const def = ctx.resolve(cond.segmentId);
      if (!def)
        throw new ValidationError({
          [`${ctx.path}.segmentId`]: "no such segment in this workspace",
        });
      if (def.kind === "static") {
        const member = sql`exists (select 1 from segment_members sm where sm.segment_id = ${cond.segmentId}::uuid and sm.contact_id = c.id)`;
        return cond.in ? member : sql`not ${member}`;
      }
      const inner = group(def, {
        ...ctx,
        seen: new Set([...ctx.seen, cond.segmentId]),
        inReference: true,
        drives: ctx.drives && cond.in,
      });
      return cond.in ? inner : sql`not ${inner}`;
    }
  }
}

function group(g: TGroup, ctx: Ctx): SQL {
  const drives = ctx.drives && (g.match === "all" || g.conditions.length === 1);
  const parts = g.conditions.map((x, i) => {
    const child = {
      ...ctx,
      drives,
      ...(ctx.inReference ? {} : { path: `${ctx.path ? `${ctx.path}.` : ""}conditions.${i}` }),
    };
    return x.kind === "group" ? group(x, child) : condition(x, child);
  });
  return sql`(${sql.join(parts, g.match === "all" ? sql` and ` : sql` or `)})`;
}

export type TSegmentSqlOptions = {
  workspaceId: string;
  now: Date;
  resolve?: TSqlSegmentResolver;
  /** When the segment being compiled is saved: guards against it including itself through others. */
  selfId?: string;
  /** The query tests one contact (`c.id` fixed) rather than selecting among the workspace's. */
  oneContact?: boolean;
};

/**
 * The WHERE condition for contacts `c` of `workspaceId` matching `def` at `now` (event counts read
 * that workspace's events once, not per contact).
 */
export function segmentToSql(def: TSegmentDefinition, opts: TSegmentSqlOptions): SQL {
  const seen = new Set(opts.selfId ? [opts.selfId] : []);
  return group(def, {
    now: sql`${opts.now.toISOString()}::timestamptz`,
    workspace: sql`${opts.workspaceId}`,
    resolve: opts.resolve ?? (() => null),
    seen,
    path: "",
    drives: !opts.oneContact,
    driver: { taken: false },
  });
}

/** One query listing the ids of a workspace's contacts in the segment. */
export function segmentMembersQuery(
  workspaceId: string,
  def: TSegmentDefinition,
  opts: Omit<TSegmentSqlOptions, "workspaceId" | "oneContact">,
): SQL {
  return sql`select c.id from contacts c where c.workspace_id = ${workspaceId} and ${segmentToSql(def, { ...opts, workspaceId })}`;
}

/**
 * One query counting the workspace's contacts in the segment. A segment that is a single "did it"
 * event or sequence condition is counted from its events alone, `count(distinct contact_id)`,
 * without reading contacts: an event's contact is always one of the workspace's, so the set is the
 * same, and a million-row contacts scan is skipped (docs/benchmarks.md, segment 2). Anything else
 * counts the contacts matching `segmentToSql`.
 */
export function segmentCountQuery(def: TSegmentDefinition, opts: TSegmentSqlOptions): SQL {
  const only = def.conditions.length === 1 ? def.conditions[0]! : null;
  const ctx = {
    workspace: sql`${opts.workspaceId}`,
    now: sql`${opts.now.toISOString()}::timestamptz`,
  };
  if (only?.kind === "sequence")
    return sql`select count(distinct a.contact_id)::int as n from ${sequenceRows(only, ctx, false)}`;
  if (only?.kind === "event" && only.count.op === "at_least" && only.count.value === 1)
    return sql`select count(distinct e.contact_id)::int as n from ${didEventRows(only, ctx, false)}`;
  return sql`select count(*)::int as n from contacts c where c.workspace_id = ${opts.workspaceId} and ${segmentToSql(def, opts)}`;
}
