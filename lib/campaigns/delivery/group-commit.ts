/**
 * Writes items as they arrive, in as few writes as keep up: one write at a time, and whatever
 * arrived while it was in flight goes in the next. With a fast provider a batch's answers take two
 * or three writes; with a slow one each answer is written a few milliseconds after it came.
 */
export function groupCommit<T>(write: (items: T[]) => Promise<void>) {
  let pending: T[] = [];
  let inFlight: Promise<void> | null = null;
  let failure: unknown;

  const pump = async () => {
    try {
      while (pending.length && failure === undefined) {
        const items = pending;
        pending = [];
        await write(items);
      }
    } catch (err) {
      failure = err;
    } finally {
      inFlight = null;
    }
  };

  return {
    add(item: T): void {
      pending.push(item);
      inFlight ??= pump();
    },
    /** Resolves once everything added so far is written; rejects with the first failed write. */
    async flushed(): Promise<void> {
      while (inFlight) await inFlight;
      if (failure !== undefined) throw failure;
    },
  };
}
