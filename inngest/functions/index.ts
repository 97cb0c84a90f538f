import type { InngestFunction } from "inngest";
import { backgroundJobs } from "./background-jobs";
import { campaignDrain, campaignRun } from "./campaigns";
import { runJourney } from "./run-journey-bound";

/** Every function served at /api/inngest. */
export const functions: InngestFunction.Any[] = [
  runJourney,
  campaignRun,
  campaignDrain,
  ...backgroundJobs,
];
