# syntax=docker/dockerfile:1
# TĐKT — one image for both processes:
#   API     (default CMD)  node dist/apps/api/src/main.js
#   worker  (override)     node dist/apps/worker/src/main.js
# Build: docker build -t tdkt:latest .     Run the topology: docker compose up -d

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------- build ---
FROM ${NODE_IMAGE} AS build

# Toolchain for native addons (better-sqlite3) when no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# The repo's .npmrc says nodedir=/usr (headers of a distro Node, used by CI); the official Node
# image keeps its headers under /usr/local. The environment overrides the project .npmrc.
ENV npm_config_nodedir=/usr/local \
    npm_config_fund=false \
    npm_config_audit=false \
    npm_config_update_notifier=false

# Dependencies first, so source edits do not invalidate the npm ci layer.
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund \
 && node -e "require('better-sqlite3')"

COPY . .
RUN npm run build \
 && npm run build:workflows \
 && test -f dist/apps/api/src/main.js \
 && test -f dist/apps/worker/src/main.js \
 && test -f dist/workflow-bundle.js \
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

USER node

EXPOSE 3000

# API by default; the worker service runs: node dist/apps/worker/src/main.js
CMD ["node", "dist/apps/api/src/main.js"]
