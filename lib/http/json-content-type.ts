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
