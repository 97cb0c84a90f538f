import type { Metadata } from "next";
import { connection } from "next/server";
import { Providers } from "@/components/app/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Waymark", template: "%s · Waymark" },
  description: "Customer journeys, segments and messaging on one Postgres.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: the CSP nonce (proxy.ts) is new each time, and a page
  // prerendered at build time would carry inline scripts without it, which the browser refuses.
  await connection();
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
