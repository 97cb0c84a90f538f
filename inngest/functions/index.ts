import type { InngestFunction } from "inngest";
import { runJourney } from "./run-journey-bound";

/** Every function served at /api/inngest. */
export const functions: InngestFunction.Any[] = [runJourney];
