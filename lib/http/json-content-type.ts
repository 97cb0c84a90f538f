/**
 * Content types, checked exactly: the media type before any parameters, not a substring (so
 * `text/plain; x=application/json` is not JSON). Session routes take only `application/json`,
 * whose type a cross-site HTML form cannot send without a CORS preflight.
 */
export function mediaTypeOf(contentType: string | null): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

export function isJsonContentType(contentType: string | null): boolean {
  return mediaTypeOf(contentType) === "application/json";
}

/**
 * What the public ingestion API accepts as JSON, like Segment's: `application/json` and the
 * `+json` types, `text/plain` (what `navigator.sendBeacon` and preflight-free browser requests
 * send) and no content type at all. The key, not the content type, authenticates these calls.
 */
export function carriesJson(contentType: string | null): boolean {
  const type = mediaTypeOf(contentType);
  return (
    type === "" ||
    type === "application/json" ||
    type === "text/plain" ||
    /^application\/[a-z0-9.+-]+\+json$/.test(type)
  );
}
