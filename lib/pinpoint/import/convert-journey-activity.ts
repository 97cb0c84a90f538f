import {
  convertSimpleCondition,
  equalityFilters,
  eventName,
  missingRef,
} from "./convert-condition";
import { asAmount, durationMinutes, isoInstant } from "./iso-duration";
import { obj, str, type R, type TJourneyBuild } from "./journey-build";

export const ACTIVITY_TYPES = [
  "Wait",
  "ConditionalSplit",
  "MultiCondition",
  "RandomSplit",
  "Holdout",
  "EMAIL",
  "SMS",
  "PUSH",
  "CUSTOM",
  "ContactCenter",
] as const;
const SEND: Record<string, string> = { EMAIL: "email", SMS: "sms", PUSH: "push" };

/** One activity of one type, as the converters of each type read it. */
type TActivity = { id: string; type: string; v: R; label: string | undefined; at: string };

/**
 * One Pinpoint activity as canvas nodes and their ways out. An activity has exactly one type
 * beside its Description; one with no Waymark equivalent is reported and stepped over.
 */
export function convertActivity(b: TJourneyBuild, id: string, raw: unknown) {
  const a = obj(raw);
  const label = str(a.Description);
  const types = Object.keys(a).filter((k) => k !== "Description");
  const path = `Activities.${id}`;
  const type = types[0];
  if (types.length !== 1 || !type) {
    b.notes.error(path, `an activity has exactly one type (${ACTIVITY_TYPES.join(", ")})`);
    return;
  }
  const act: TActivity = { id, type, v: obj(a[type]), label, at: `${path}.${type}` };
  b.entryOf.set(id, id);
  switch (type) {
    case "Wait":
      return convertWait(b, act);
    case "ConditionalSplit":
      return convertConditionalSplit(b, act);
    case "MultiCondition":
      return convertMultiCondition(b, act);
    case "RandomSplit":
      return convertRandomSplit(b, act);
    case "Holdout":
      return convertHoldout(b, act);
    case "EMAIL":
    case "SMS":
    case "PUSH":
      return convertSend(b, act);
    case "CUSTOM":
      return convertCustom(b, act);
    case "ContactCenter":
      b.notes.unsupport(
        act.at,
        "Amazon Connect outbound calls have no equivalent; the step is left out",
      );
      b.skipTo.set(id, str(act.v.NextActivity));
      return;
    default:
      b.notes.error(
        act.at,
        `unknown activity type "${type}"; expected one of ${ACTIVITY_TYPES.join(", ")}`,
      );
  }
}

function convertWait(b: TJourneyBuild, { id, v, label, at }: TActivity) {
  const w = obj(v.WaitTime);
  const minutes = durationMinutes(w.WaitFor);
  const until = isoInstant(w.WaitUntil);
  if (until) b.node(id, "wait", { kind: "until_datetime", at: until }, label);
  else if (minutes) b.node(id, "wait", { kind: "duration", ...asAmount(minutes) }, label);
  else
    b.notes.error(
      `${at}.WaitTime`,
      "needs WaitFor (an ISO-8601 duration) or WaitUntil (a date-time)",
    );
  b.outs.push({ from: id, handle: "next", to: str(v.NextActivity) });
}

/** A split's `EvaluationWaitTime` as a wait node in front of it; the split's entry moves there. */
function waitBefore(b: TJourneyBuild, id: string, w: R, path: string) {
  const minutes = durationMinutes(w.WaitFor);
  const until = isoInstant(w.WaitUntil);
  if (w.WaitFor !== undefined && minutes === null)
    b.notes.error(`${path}.WaitFor`, "must be an ISO-8601 duration");
  if (!minutes && !until) return;
  b.node(
    `${id}-wait`,
    "wait",
    until ? { kind: "until_datetime", at: until } : { kind: "duration", ...asAmount(minutes!) },
    "Evaluation wait",
  );
  b.outs.push({ from: `${id}-wait`, handle: "next", to: `@${id}` });
  b.entryOf.set(id, `${id}-wait`);
}

/**
 * A yes/no split. One that waits for a single custom event becomes a wait-for-event: on the
 * event, the true path at once; at the timeout, the false one.
 */
function convertConditionalSplit(b: TJourneyBuild, { id, v, label, at }: TActivity) {
  const cond = obj(v.Condition);
  const list = Array.isArray(cond.Conditions) ? cond.Conditions.map(obj) : [];
  const wait = obj(v.EvaluationWaitTime);
  const single = list.length === 1 ? obj(list[0]!.EventCondition) : {};
  const minutes = durationMinutes(wait.WaitFor);
  if (list.length === 1 && Object.keys(single).length && !single.MessageActivity && minutes) {
    const dims = obj(single.Dimensions);
    const where = `${at}.Condition.Conditions[0].EventCondition.Dimensions`;
    const event = eventName(dims, where, b.notes);
    b.node(
      id,
      "wait_for_event",
      {
        event: event ?? "",
        filters: equalityFilters(dims, where, b.notes),
        timeout: asAmount(minutes),
      },
      label,
    );
    b.outs.push({ from: id, handle: "happened", to: str(v.TrueActivity) });
    b.outs.push({ from: id, handle: "timed_out", to: str(v.FalseActivity) });
    return;
  }
  waitBefore(b, id, wait, `${at}.EvaluationWaitTime`);
  const conditions = list
    .map((c, i) =>
      convertSimpleCondition(c, `${at}.Condition.Conditions[${i}]`, b.notes, b.refs, b.ids),
    )
    .filter((c) => c !== null);
  if (!conditions.length) b.notes.error(`${at}.Condition`, "has no condition Waymark can check");
  b.node(
    id,
    "branch",
    {
      condition:
        conditions.length === 1
          ? conditions[0]
          : { kind: "group", match: cond.Operator === "ANY" ? "any" : "all", conditions },
    },
    label,
  );
  b.outs.push({ from: id, handle: "yes", to: str(v.TrueActivity) });
  b.outs.push({ from: id, handle: "no", to: str(v.FalseActivity) });
}

function convertMultiCondition(b: TJourneyBuild, { id, v, label, at }: TActivity) {
  waitBefore(b, id, obj(v.EvaluationWaitTime), `${at}.EvaluationWaitTime`);
  const branches = Array.isArray(v.Branches) ? v.Branches.map(obj) : [];
  const cases = branches.flatMap((br, i) => {
    const c = convertSimpleCondition(
      obj(br.Condition),
      `${at}.Branches[${i}].Condition`,
      b.notes,
      b.refs,
      b.ids,
    );
    if (!c) return [];
    b.outs.push({ from: id, handle: `path${i + 1}`, to: str(br.NextActivity) });
    return [{ id: `path${i + 1}`, label: `Path ${i + 1}`, condition: c }];
  });
  if (!cases.length) b.notes.error(`${at}.Branches`, "has no branch Waymark can check");
  b.node(id, "multi_branch", { cases }, label);
  b.outs.push({ from: id, handle: "else", to: str(v.DefaultActivity) });
}

function convertRandomSplit(b: TJourneyBuild, { id, v, label, at }: TActivity) {
  const branches = Array.isArray(v.Branches) ? v.Branches.map(obj) : [];
  const variants = branches.map((br, i) => {
    b.outs.push({ from: id, handle: `v${i + 1}`, to: str(br.NextActivity) });
    return { id: `v${i + 1}`, label: `Path ${i + 1}`, percent: Number(br.Percentage ?? 0) };
  });
  if (variants.length === 1) {
    variants.push({ id: "v2", label: "Rest", percent: 100 - variants[0]!.percent });
    b.outs.push({ from: id, handle: "v2", to: undefined });
    b.notes.approx(`${at}.Branches`, "a single path becomes a split whose other path exits");
  }
  b.node(id, "ab_split", { variants }, label);
}

function convertHoldout(b: TJourneyBuild, { id, v, label, at }: TActivity) {
  if (typeof v.Percentage !== "number") b.notes.error(`${at}.Percentage`, "is required");
  b.node(id, "holdout", { percent: Number(v.Percentage ?? 0) }, label);
  b.outs.push({ from: id, handle: "continue", to: str(v.NextActivity) });
}

/** An email, SMS or push send: its template by name; the sender comes from channel settings. */
function convertSend(b: TJourneyBuild, { id, type, v, label, at }: TActivity) {
  const channel = SEND[type]!;
  const template = str(v.TemplateName);
  const templateId = template ? b.refs.template(template, channel) : undefined;
  if (!template) b.notes.error(`${at}.TemplateName`, "is required");
  else if (!templateId)
    b.notes.error(
      `${at}.TemplateName`,
      `${type} template "${template}" ${missingRef(b.refs, "template", template, channel)}`,
    );
  if (v.TemplateVersion)
    b.notes.approx(`${at}.TemplateVersion`, "the imported (latest exported) version is sent");
  const cfg = obj(v.MessageConfig);
  for (const k of ["FromAddress", "OriginationNumber", "SenderId"])
    if (cfg[k])
      b.notes.approx(
        `${at}.MessageConfig.${k}`,
        "the sender comes from the workspace's channel settings",
      );
  b.node(id, "send", { channel, templateId: templateId ?? "" }, label);
  b.outs.push({ from: id, handle: "next", to: str(v.NextActivity) });
}

/** A custom channel: an HTTPS endpoint becomes a webhook; a Lambda function is left out. */
function convertCustom(b: TJourneyBuild, { id, v, label, at }: TActivity) {
  const uri = str(v.DeliveryUri) ?? "";
  if (!/^https:\/\//i.test(uri)) {
    b.notes.unsupport(
      at,
      "delivery through an AWS Lambda function cannot run outside AWS; the step is left out",
    );
    b.skipTo.set(id, str(v.NextActivity));
    return;
  }
  const data = str(obj(v.MessageConfig).Data);
  b.node(
    id,
    "webhook",
    {
      url: uri,
      method: "POST",
      body: JSON.stringify({
        data: data ?? null,
        contactId: "{{ contact.id }}",
        userId: "{{ contact.userId }}",
      }),
      headers: {},
    },
    label,
  );
  b.notes.approx(at, "a webhook POST with the message data and the contact's ids");
  b.outs.push({ from: id, handle: "next", to: str(v.NextActivity) });
}
