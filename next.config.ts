import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { API_CSP, staticSecurityHeaders } from "./lib/security/security-headers";

const nextConfig: NextConfig = {
  // What ships: `.next/standalone/server.js` with only the node_modules it needs (the Dockerfile
  // and the e2e suite run it; scripts/standalone/assemble.mjs adds static assets and migrations).
  output: "standalone",
  // PGlite loads its WASM and data files relative to its own module, and pg has optional native
  // bindings: both must be required from node_modules at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
  // `next dev` serves its scripts to localhost only; without this, http://127.0.0.1:3000 (what
  // many people type, and what the app's own logs print) shows pages that never hydrate.
  allowedDevOrigins: ["127.0.0.1"],
  typedRoutes: false,
  // Pages get their nonce CSP from proxy.ts; these hold for every response.
  async headers() {
    const production = process.env.NODE_ENV === "production";
    return [
      { source: "/:path*", headers: staticSecurityHeaders(production) },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
    ];
  },
};

// The UI language per request (account, cookie, Accept-Language): see app/_server/i18n-request.ts.
const withNextIntl = createNextIntlPlugin("./app/_server/i18n-request.ts");

export default withNextIntl(nextConfig);
