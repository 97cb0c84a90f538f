/** The carrier-standard keywords (CTIA; Twilio's defaults): the whole message, any case, trimmed. */
const OPT_OUT = new Set([
  "STOP",
  "STOPALL",
  "UNSUBSCRIBE",
  "CANCEL",
  "END",
  "QUIT",
  "OPTOUT",
  "REVOKE",
]);
const OPT_IN = new Set(["START", "UNSTOP", "YES", "OPTIN"]);
const HELP = new Set(["HELP", "INFO"]);

export type TSmsKeyword = "opt_out" | "opt_in" | "help" | null;

export function smsKeyword(body: string): TSmsKeyword {
  const word = body
    .trim()
    .replace(/[.!]+$/, "")
    .toUpperCase();
  if (OPT_OUT.has(word)) return "opt_out";
  if (OPT_IN.has(word)) return "opt_in";
  if (HELP.has(word)) return "help";
  return null;
}
