import { inngest } from "@/inngest/client";
import { BACKGROUND_JOBS } from "./jobs";

/** The background jobs bound to the app's client. */
export const backgroundJobs = BACKGROUND_JOBS.map((job) => job.define(inngest));
