#!/usr/bin/env bash
# Runs the Temporal server (not the dev server) on PostgreSQL in the foreground, as the compose
# file's `temporal` service does without Docker: provides the executables (ensure-temporal-server.sh:
# pinned version, cache outside the clone), sets up or upgrades the schema (temporal-server-schema.sh),
# then execs `temporal-server` with deploy/temporal/config/tdkt.yaml and the compose file's dynamic
# config (deploy/temporal/dynamicconfig.yaml). SIGTERM stops it.
#
# Environment: the database settings of temporal-server-schema.sh; ports TEMPORAL_PORT [7233] (the
# frontend, what TEMPORAL_ADDRESS points at), TEMPORAL_HTTP_PORT [7243], TEMPORAL_HISTORY_PORT [7234],
# TEMPORAL_MATCHING_PORT [7235], TEMPORAL_WORKER_PORT [7239], TEMPORAL_{FRONTEND,HISTORY,MATCHING,
# WORKER}_MEMBERSHIP_PORT [6933,6934,6935,6939]; TEMPORAL_BIND_IP [127.0.0.1]; TEMPORAL_LOG_LEVEL [warn].
# The namespace is registered by the caller once the frontend answers (npm run start:production-local
# does it; or: temporal operator namespace create --namespace default --address 127.0.0.1:7233).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "${here}/.." && pwd)"

export TEMPORAL_SERVER_DIR="${TEMPORAL_SERVER_DIR:-}"
[[ -n "${TEMPORAL_SERVER_DIR}" && -x "${TEMPORAL_SERVER_DIR}/temporal-server" ]] \
  || TEMPORAL_SERVER_DIR="$(bash "${here}/ensure-temporal-server.sh")"
bash "${here}/temporal-server-schema.sh"

export TEMPORAL_DYNAMIC_CONFIG_FILE="${TEMPORAL_DYNAMIC_CONFIG_FILE:-${repo}/deploy/temporal/dynamicconfig.yaml}"
echo "[start-temporal-server] temporal-server $("${TEMPORAL_SERVER_DIR}/temporal-server" --version | awk '{print $NF}') on ${TEMPORAL_BIND_IP:-127.0.0.1}:${TEMPORAL_PORT:-7233}" >&2
exec "${TEMPORAL_SERVER_DIR}/temporal-server" --root "${repo}/deploy/temporal" --config config --env tdkt \
  --allow-no-auth start
