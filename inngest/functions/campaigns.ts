import { inngest } from "@/inngest/client";
import { defineCampaignDrain } from "./campaign-drain";
import { defineCampaignRun } from "./campaign-run";

/** The campaign functions bound to the app's client. */
export const campaignRun = defineCampaignRun(inngest);
export const campaignDrain = defineCampaignDrain(inngest);
