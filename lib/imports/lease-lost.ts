/** Another worker took the job over (this one was too slow to renew its lease): stop without writing more. */
export class LeaseLostError extends Error {
  constructor(importId: string) {
    super(`Lost the lease on import ${importId}`);
  }
}
