import { headers } from "next/headers";
import { env } from "@/lib/env";

/** The app's public origin for examples shown on pages (APP_URL, else the host the browser used). */
export async function pageOrigin(): Promise<string> {
  if (env.APP_URL) return new URL(env.APP_URL).origin;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  return `${proto}://${host}`;
}
