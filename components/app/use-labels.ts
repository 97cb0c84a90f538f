import { useTranslations } from "next-intl";

/**
 * Labels of stored values (channels, states) from the catalogues; a value the catalogue does not
 * know (an old or unknown one) shows as it is. Usable in server and client components.
 */
export function useChannelLabel() {
  const t = useTranslations("channels");
  return (channel: string) => (t.has(channel as "email") ? t(channel as "email") : channel);
}

export function useCampaignStateLabel() {
  const t = useTranslations("campaigns.state");
  return (state: string) => (t.has(state as "draft") ? t(state as "draft") : state);
}

export function useJourneyStatusLabel() {
  const t = useTranslations("journeys.status");
  return (status: string) => (t.has(status as "live") ? t(status as "live") : status);
}

/** Why a journey entry ended (`goal`, `exit_node`…); an unknown reason in plain words. */
export function useExitReasonLabel() {
  const t = useTranslations("journeys.runs.exitReason");
  return (reason: string) =>
    t.has(reason as "goal") ? t(reason as "goal") : reason.replace(/_/g, " ");
}
