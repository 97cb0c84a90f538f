import { Inngest } from "inngest";

/** One client for the app; journeys and jobs register their functions in inngest/functions. */
export const inngest = new Inngest({ id: "waymark" });
