import type { NextConfig } from "next";
import { API_CSP, staticSecurityHeaders } from "./lib/security/security-headers";

const nextConfig: NextConfig = {
  // What ships: `.next/standalone/server.js` with only the node_modules it needs (the Dockerfile
  // and the e2e suite run it; scripts/standalone/assemble.mjs adds static assets and migrations).
  output: "standalone",
  // PGlite loads its WASM and data files relative to its own module, and pg has optional native
  // bindings: both must be required from node_modules at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
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

export default nextConfig;
