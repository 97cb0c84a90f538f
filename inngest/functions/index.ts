import type { InngestFunction } from "inngest";
import { runJourney } from "./journeys";

/** Every function served at /api/inngest. */
export const functions: InngestFunction.Any[] = [runJourney];
