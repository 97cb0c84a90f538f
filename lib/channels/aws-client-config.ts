import { env } from "@/lib/env";
import { guardedAwsRequestHandler } from "@/lib/net/guarded-aws-handler";
import type { TOutboundPolicy } from "@/lib/net/outbound-policy";
import { DEFAULT_TIMEOUT_MS } from "./http-outcome";
import type { TAwsSmsConfig, TSesConfig } from "./provider-config";

export type TAwsClientOptions = {
  timeoutMs?: number;
  policy?: TOutboundPolicy;
  /** May the SDK's default credential chain sign (WAYMARK_AWS_DEFAULT_CREDENTIALS)? */
  allowDefaultChain?: boolean;
};

/** The error a send gets when its provider asks for the server's credentials and may not. */
export const DEFAULT_CHAIN_REFUSED =
  "this server does not lend its own AWS credentials to workspaces (WAYMARK_AWS_DEFAULT_CREDENTIALS is off): enter an access key";

/**
 * A stored config may predate WAYMARK_AWS_DEFAULT_CREDENTIALS being turned off: its sends fail
 * for good, with the reason, before the SDK looks for credentials (and before it would ask the
 * instance metadata service, outside the outbound guard).
 */
const refusedCredentials = async () => {
  throw Object.assign(new Error(DEFAULT_CHAIN_REFUSED), {
    name: "DefaultCredentialsRefused",
    $fault: "client" as const,
  });
};

/**
 * What every AWS client Waymark builds shares: the region, the stored key or (where the operator
 * allows it) the SDK's default credential chain, an endpoint override, and the guarded transport. One attempt per call: the
 * delivery pipeline already retries with backoff, and two retry loops would multiply.
 */
export function awsClientConfig(config: TSesConfig | TAwsSmsConfig, options: TAwsClientOptions) {
  return {
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.credentials === "access_key"
      ? {
          credentials: {
            accessKeyId: config.accessKeyId ?? "",
            secretAccessKey: config.secretAccessKey ?? "",
          },
        }
      : (options.allowDefaultChain ?? env.WAYMARK_AWS_DEFAULT_CREDENTIALS)
        ? {}
        : { credentials: refusedCredentials }),
    maxAttempts: 1,
    requestHandler: guardedAwsRequestHandler({
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      policy: options.policy,
    }),
  };
}
