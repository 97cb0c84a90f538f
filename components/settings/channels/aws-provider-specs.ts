import type en from "@/lib/i18n/messages/en.json";
import type { TFieldSpec, TProviderSpec } from "./provider-fields";

/**
 * The forms of the AWS providers, and the send-rate and warm-up fields every sending provider
 * gets, worded from the `channelProviders` catalogue (the page passes its translator). Field for
 * field with ZSesConfig, ZAwsSmsConfig, ZSendRate and ZWarmUp in lib/channels/provider-config.ts.
 */
export type TChannelProvidersKey = keyof (typeof en)["channelProviders"];
export type TChannelProvidersT = (key: TChannelProvidersKey) => string;

export type TKeyed = Omit<TFieldSpec, "label" | "placeholder" | "hint" | "options" | "section"> & {
  /** The catalogue key of the label; `<key>Placeholder` and `<key>Hint` are used when present. */
  key: TChannelProvidersKey;
  /** A placeholder that reads the same in every language (a host, an id), else `<key>Placeholder`. */
  example?: string;
  hint?: TChannelProvidersKey;
  options?: readonly { value: string; key: TChannelProvidersKey }[];
  section?: TChannelProvidersKey;
};

export function field(t: TChannelProvidersT, f: TKeyed, has: (k: string) => boolean): TFieldSpec {
  const placeholder = `${f.key}Placeholder`;
  const hint = f.hint ?? `${f.key}Hint`;
  return {
    name: f.name,
    type: f.type,
    setPath: f.setPath,
    label: t(f.key),
    placeholder:
      f.example ?? (has(placeholder) ? t(placeholder as TChannelProvidersKey) : undefined),
    hint: has(hint) ? t(hint as TChannelProvidersKey) : undefined,
    options: f.options?.map((o) => ({ value: o.value, label: t(o.key) })),
    section: f.section ? t(f.section) : undefined,
  };
}

const AWS_ACCESS: readonly TKeyed[] = [
  { name: "region", key: "region", type: "text" },
  {
    name: "credentials",
    key: "credentials",
    type: "select",
    options: [
      { value: "access_key", key: "credentialsAccessKey" },
      { value: "default_chain", key: "credentialsDefaultChain" },
    ],
  },
  { name: "accessKeyId", key: "accessKeyId", type: "text" },
  { name: "secretAccessKey", key: "secretAccessKey", type: "secret" },
];

const ENDPOINT: TKeyed = { name: "endpoint", key: "endpoint", type: "url" };

const RATE: readonly TKeyed[] = [
  { name: "messagesPerSecond", key: "messagesPerSecond", type: "number", section: "rateSection" },
];

const WARM_UP: readonly TKeyed[] = [
  { name: "warmUp.enabled", key: "warmUpEnabled", type: "switch", section: "warmUpSection" },
  { name: "warmUp.startDate", key: "warmUpStartDate", type: "text" },
  { name: "warmUp.startPerDay", key: "warmUpStartPerDay", type: "number" },
  { name: "warmUp.growthFactor", key: "warmUpGrowthFactor", type: "number" },
  { name: "warmUp.maxPerDay", key: "warmUpMaxPerDay", type: "number" },
];

/** The kinds with a send rate, and those (email) with a warm-up plan too. */
const RATED = new Set(["smtp", "twilio", "ses", "aws_sms"]);
const WARMING = new Set(["smtp", "ses"]);

export function sendRateFields(
  t: TChannelProvidersT,
  has: (k: string) => boolean,
  kind: string,
): TFieldSpec[] {
  if (!RATED.has(kind)) return [];
  return [...RATE, ...(WARMING.has(kind) ? WARM_UP : [])].map((f) => field(t, f, has));
}

export function awsProviderSpecs(
  t: TChannelProvidersT,
  has: (k: string) => boolean,
): TProviderSpec[] {
  const f = (fields: readonly TKeyed[]) => fields.map((x) => field(t, x, has));
  return [
    {
      kind: "ses",
      title: t("sesTitle"),
      description: t("sesDescription"),
      removeNote: t("sesRemoveNote"),
      fields: f([
        ...AWS_ACCESS,
        { name: "from", key: "sesFrom", type: "email" },
        { name: "fromName", key: "fromName", type: "text" },
        { name: "configurationSetName", key: "configurationSet", type: "text" },
        ENDPOINT,
      ]),
    },
    {
      kind: "aws_sms",
      title: t("awsSmsTitle"),
      description: t("awsSmsDescription"),
      removeNote: t("awsSmsRemoveNote"),
      fields: f([
        ...AWS_ACCESS,
        { name: "originationIdentity", key: "originationIdentity", type: "text" },
        {
          name: "messageType",
          key: "messageType",
          type: "select",
          options: [
            { value: "TRANSACTIONAL", key: "messageTypeTransactional" },
            { value: "PROMOTIONAL", key: "messageTypePromotional" },
          ],
        },
        { name: "configurationSetName", key: "configurationSet", type: "text" },
        { name: "voiceId", key: "voiceId", type: "text" },
        { name: "dltEntityId", key: "dltEntityId", type: "text", hint: "dltHint" },
        { name: "dltTemplateId", key: "dltTemplateId", type: "text" },
        ENDPOINT,
      ]),
    },
  ];
}
