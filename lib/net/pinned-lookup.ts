import type { LookupFunction } from "node:net";
import type { TResolved } from "./outbound-policy";

/**
 * A `lookup` for net/tls/http/http2 that answers with addresses already checked, whatever name it
 * is asked about: the socket connects to what was checked, and a DNS answer that changes between
 * the check and the connect (rebinding) is never seen. TLS still verifies the certificate against
 * the host name, because the connection options keep the name as `host`/`servername`.
 */
export function pinnedLookup(addresses: readonly TResolved[]): LookupFunction {
  return ((
    _host: string,
    options: { all?: boolean; family?: number | string },
    callback: (...a: unknown[]) => void,
  ) => {
    const wanted = Number(options?.family) || 0;
    const usable = addresses.filter((a) => !wanted || a.family === wanted);
    if (usable.length === 0) {
      const err = Object.assign(new Error("no checked address of the requested family"), {
        code: "ENOTFOUND",
      });
      return options?.all ? callback(err, []) : callback(err, "", 0);
    }
    if (options?.all)
      return callback(
        null,
        usable.map((a) => ({ ...a })),
      );
    return callback(null, usable[0]!.address, usable[0]!.family);
  }) as unknown as LookupFunction;
}
