# One image for every LoyalNest service: the gateway, each subgraph and the migrate job.
# docker-compose.yml picks what a container runs through its command.

# Only the files `pnpm install` reads, so the dependency layer below is rebuilt when a manifest or
# the lockfile changes and is reused from cache after a source-only change.
FROM node:24-bookworm-slim AS manifests
WORKDIR /app
COPY . .
RUN find . -type f ! -name package.json ! -name pnpm-lock.yaml ! -name pnpm-workspace.yaml -delete \
  && find . -type d -empty -delete

FROM node:24-bookworm-slim
# The version packageManager names; installed with npm because corepack fails its signature check
# against the registry LoyalNest builds from.
RUN npm install --global pnpm@10.34.8 && npm cache clean --force
ENV APOLLO_TELEMETRY_DISABLED=1
# Not development (that takes LOYALNEST_DEV=1): every service refuses to start without its secrets.
ENV NODE_ENV=production
# A container is reached through its own interface, never its loopback.
ENV HOST=0.0.0.0
WORKDIR /app
COPY --from=manifests /app ./
RUN pnpm install --frozen-lockfile
COPY . .
USER node
EXPOSE 4000
CMD ["pnpm", "--filter", "@loyalnest/gateway", "exec", "tsx", "--tsconfig", "../tsconfig.json", "src/cli/serve-gateway.ts"]
