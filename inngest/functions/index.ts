import type { InngestFunction } from "inngest";

/** Every function served at /api/inngest. Journeys, the entry router and jobs add themselves here. */
export const functions: InngestFunction.Any[] = [];
