#!/usr/bin/env bash
# Sets up, or upgrades, the Temporal server's PostgreSQL databases — idempotent, safe on every start
# (what temporalio/auto-setup does in docker-compose.yml): create the databases if missing, version
# tables (`setup-schema -v 0.0` keeps a newer version), then every versioned step up to the schemas
# built into temporal-sql-tool (`update-schema --schema-name postgresql/v12/{temporal,visibility}`).
#
# Environment (defaults in brackets): TEMPORAL_DB_HOST [127.0.0.1], TEMPORAL_DB_PORT [5432],
# TEMPORAL_DB_USER [temporal], TEMPORAL_DB_PASSWORD [], TEMPORAL_DB_NAME [temporal],
# TEMPORAL_VISIBILITY_DB_NAME [temporal_visibility]; TEMPORAL_SERVER_DIR (else ensure-temporal-server.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

dir="${TEMPORAL_SERVER_DIR:-}"
[[ -n "${dir}" && -x "${dir}/temporal-sql-tool" ]] || dir="$(bash "${here}/ensure-temporal-server.sh")"
sql_tool="${dir}/temporal-sql-tool"

export SQL_PLUGIN=postgres12
export SQL_HOST="${TEMPORAL_DB_HOST:-127.0.0.1}"
export SQL_PORT="${TEMPORAL_DB_PORT:-5432}"
export SQL_USER="${TEMPORAL_DB_USER:-temporal}"
export SQL_PASSWORD="${TEMPORAL_DB_PASSWORD:-}"

run() { # run ARGS... — the tool's (chatty) log is shown only when it fails
  local out
  out="$("${sql_tool}" "$@" 2>&1)" || { printf '%s\n' "${out}" >&2; echo "[temporal-server-schema] failed: temporal-sql-tool $*" >&2; return 1; }
}

schema() { # schema DATABASE SCHEMA_NAME
  local db="$1" name="$2" start=${SECONDS}
  run --database "${db}" create-database
  run --database "${db}" setup-schema -v 0.0
  run --database "${db}" update-schema --schema-name "${name}"
  echo "[temporal-server-schema] ${db}: ${name} up to date on ${SQL_HOST}:${SQL_PORT} ($((SECONDS - start))s)" >&2
}

schema "${TEMPORAL_DB_NAME:-temporal}" postgresql/v12/temporal
schema "${TEMPORAL_VISIBILITY_DB_NAME:-temporal_visibility}" postgresql/v12/visibility
