import { refreshRollups } from "./refresh-rollups";

export const REFRESH_EVERY_MS = 30_000;

// One refresher per process, found through globalThis (instrumentation and route handlers are
// separate module graphs). Several processes on one database serialise on the state row.
const KEY = Symbol.for("waymark.rollup-refresher");
type THolder = { [KEY]?: { stop: () => void } };

/** Refreshes the dashboard rollups every 30 seconds in the app's own process. */
export function startRollupRefresher(everyMs = REFRESH_EVERY_MS) {
  const holder = globalThis as THolder;
  if (holder[KEY]) return holder[KEY];
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await refreshRollups();
    } catch (err) {
      console.error("[waymark] rollup refresh", err);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  void tick();
  const handle = {
    stop: () => {
      clearInterval(timer);
      delete holder[KEY];
    },
  };
  holder[KEY] = handle;
  return handle;
}
