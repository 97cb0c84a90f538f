# syntax=docker/dockerfile:1
# Waymark: Next.js standalone build on Node 20, run as a non-root user.
# Build: docker build -t waymark .   Run: docs/operations.md (docker-compose.yml, docker-compose.all-in-one.yml).

# ---- deps: every dependency, dev ones included, to build with -------------------------------
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# ---- build: next build, then the standalone folder completed with assets and migrations ------
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx next build && node scripts/standalone/assemble.mjs

# ---- runtime: server.js and the node_modules it traced; no dev dependencies, no sources ------
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
# The same variables the e2e suite starts the standalone server with (e2e/server.ts reads them here).
ENV NODE_ENV=production
ENV HOSTNAME=0.0.0.0
ENV PORT=3000
ENV NEXT_MANUAL_SIG_HANDLE=true
# Node closes an idle keep-alive connection after 5 s; a client or load balancer that reuses it at
# that moment gets ECONNRESET. Idle connections stay open longer than a balancer's usual 60 s.
ENV KEEP_ALIVE_TIMEOUT=65000
ENV NEXT_TELEMETRY_DISABLED=1
RUN groupadd --system --gid 1001 waymark && useradd --system --uid 1001 --gid waymark waymark \
  && mkdir -p /app/.data && chown waymark:waymark /app/.data
COPY --from=build --chown=waymark:waymark /app/.next/standalone ./
USER waymark
EXPOSE 3000
# Embedded PGlite (no DATABASE_URL) keeps its files here: mount a volume, or set DATABASE_URL.
VOLUME ["/app/.data"]
# Liveness: the process answers. Load balancers should route by /api/health/ready instead (database,
# migrations, executor lag, providers), which a restart would not fix.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Migrations run at start under a PostgreSQL advisory lock (db/migrate.ts), so replicas starting
# together apply them once. SIGTERM drains work within WAYMARK_SHUTDOWN_GRACE_SECONDS.
CMD ["node", "server.js"]
