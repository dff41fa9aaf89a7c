# One image for every LoyalNest service: the gateway, each subgraph and the migrate job, all
# running the compiled JavaScript (`npm run build`). docker-compose.yml picks what a container runs
# through its command. Stages: manifests (what `pnpm install` reads), build (every dependency and
# the compiler), prod-deps (production dependencies only), and the slim runtime image.

# Only the files `pnpm install` reads, so the dependency layers below are rebuilt when a manifest or
# the lockfile changes and are reused from cache after a source-only change.
FROM node:24-bookworm-slim AS manifests
WORKDIR /app
COPY . .
RUN find . -type f ! -name package.json ! -name pnpm-lock.yaml ! -name pnpm-workspace.yaml -delete \
  && find . -type d -empty -delete

FROM node:24-bookworm-slim AS pnpm
# The version packageManager names; installed with npm because corepack fails its signature check
# against the registry LoyalNest builds from.
RUN npm install --global pnpm@10.34.8 && npm cache clean --force
WORKDIR /app

# Compiles every service package and the migrations with the tests' transform (swc.config.mjs).
FROM pnpm AS build
COPY --from=manifests /app ./
RUN pnpm install --frozen-lockfile
COPY . .
RUN node scripts/build.mjs

# Production dependencies of the packages the runtime image runs: the gateway with the workspace
# packages it imports (kit and subgraphs), and the migrations' own.
FROM pnpm AS prod-deps
COPY --from=manifests /app ./
RUN pnpm install --frozen-lockfile --prod --filter "@loyalnest/gateway..." --filter @loyalnest/migrations

FROM node:24-bookworm-slim
ENV APOLLO_TELEMETRY_DISABLED=1
# Not development (that takes LOYALNEST_DEV=1): every service refuses to start without its secrets.
ENV NODE_ENV=production
# A container is reached through its own interface, never its loopback.
ENV HOST=0.0.0.0
# Workspace packages resolve to their dist/ under this condition (see each package.json's
# exports); without it Node would load their TypeScript sources. Stack traces name the .ts lines.
# The tracing module loads before the application and stays inert unless OTEL_EXPORTER_OTLP_ENDPOINT
# is set (README "Metrics and traces").
ENV NODE_OPTIONS="--conditions=loyalnest-compiled --enable-source-maps --import=/app/subgraphs/kit/dist/tracing/register-tracing.js"
WORKDIR /app
# Manifests (each package's exports) and the production node_modules, at the paths pnpm linked them.
COPY --from=prod-deps /app ./
COPY --from=build /app/gateway/dist gateway/dist
COPY --from=build /app/subgraphs/kit/dist subgraphs/kit/dist
COPY --from=build /app/subgraphs/merchant/dist subgraphs/merchant/dist
COPY --from=build /app/subgraphs/customer/dist subgraphs/customer/dist
COPY --from=build /app/subgraphs/points/dist subgraphs/points/dist
COPY --from=build /app/subgraphs/referral/dist subgraphs/referral/dist
COPY --from=build /app/subgraphs/segment/dist subgraphs/segment/dist
COPY --from=build /app/subgraphs/tier/dist subgraphs/tier/dist
COPY --from=build /app/subgraphs/audit/dist subgraphs/audit/dist
COPY --from=build /app/migrations/dist migrations/dist
# The merchant dashboard the gateway serves at /app (built by Vite in the build stage).
COPY --from=build /app/clients/dashboard/dist clients/dashboard/dist
# The gateway serves the committed supergraph and reads the subgraphs' routing URLs from supergraph.yaml.
COPY supergraph.graphql supergraph.yaml ./
USER node
EXPOSE 4000
CMD ["node", "gateway/dist/cli/serve-gateway.js"]
