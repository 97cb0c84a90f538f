import { handleCheckpointRequest, isCheckpointPath } from "./handle-checkpoint-request";

/**
 * The `fetch` for an Inngest client served to the local executor (ClientOptions.fetch): checkpoint
 * calls to the executor's origin are answered in this process, every other request goes out as
 * usual. In process because the SDK posts them to `<origin>/v1/checkpoint/…` (the path replaces
 * the base URL's path), where the app has no route and proxy.ts would redirect the POST to the
 * sign-in page, a 200 the SDK would take for a stored checkpoint. It also saves an HTTP exchange
 * per step.
 */
export function localCheckpointFetch(opts: { signingKey: string; origin: string }): typeof fetch {
  const origin = new URL(opts.origin).origin;
  return (input, init) => {
    const url = new URL(
      typeof input === "string" ? input : input instanceof URL ? input.href : input.url,
    );
    if (url.origin === origin && isCheckpointPath(url.pathname))
      return handleCheckpointRequest(new Request(input, init), { signingKey: opts.signingKey });
    return fetch(input, init);
  };
}
