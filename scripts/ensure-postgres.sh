#!/usr/bin/env bash
# Make sure a local PostgreSQL answers on 127.0.0.1:5432 and has a database "test" (the
# integration tests use DATABASE_URL_TEST=postgres://postgres@127.0.0.1:5432/test).
#
# - Already running: only checks that the database exists (harmless to run again and again).
# - Installed but stopped (Debian/Ubuntu cluster layout): starts the "main" cluster with
#   pg_ctlcluster and waits until it accepts connections (60s at most).
# - Not installed: prints a warning and exits 0; the tests that need PostgreSQL report it.
#
# Exit codes: 0 = ready (or not installed: warning); 1 = installed but could not be started or
# the database could not be created.
# Env: PG_HOST (127.0.0.1), PG_PORT (5432), PG_USER (postgres), PG_TEST_DB (test),
#      PG_READY_TIMEOUT (60). PGPASSWORD is honoured by psql if the server wants a password.
set -euo pipefail

readonly HOST="${PG_HOST:-127.0.0.1}"
readonly PORT="${PG_PORT:-5432}"
readonly USER_NAME="${PG_USER:-postgres}"
readonly DB_NAME="${PG_TEST_DB:-test}"
readonly READY_TIMEOUT="${PG_READY_TIMEOUT:-60}"
readonly START_S="${SECONDS}"

log() { printf '[ensure-postgres] %s (+%ss)\n' "$*" "$((SECONDS - START_S))" >&2; }

if ! command -v pg_isready >/dev/null 2>&1 || ! command -v psql >/dev/null 2>&1; then
  log "warning: PostgreSQL client tools (pg_isready, psql) not installed; skipping — tests that need PostgreSQL will report it"
  exit 0
fi

is_ready() { pg_isready -q -h "${HOST}" -p "${PORT}" -t 2 >/dev/null 2>&1; }

if is_ready; then
  log "PostgreSQL already accepting connections on ${HOST}:${PORT}"
else
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || [[ ! -d /etc/postgresql ]] \
    || [[ -z "$(ls -A /etc/postgresql 2>/dev/null)" ]]; then
    log "warning: no PostgreSQL server on ${HOST}:${PORT} and no local cluster to start (pg_ctlcluster, /etc/postgresql); skipping — tests that need PostgreSQL will report it"
    exit 0
  fi
  # Highest installed major version that has a "main" cluster.
  version=""
  while read -r v; do
    [[ -d "/etc/postgresql/${v}/main" ]] && version="${v}"
  done < <(ls /etc/postgresql | sort -V)
  if [[ -z "${version}" ]]; then
    log "warning: /etc/postgresql has no 'main' cluster ($(ls /etc/postgresql | tr '\n' ' ')); skipping — tests that need PostgreSQL will report it"
    exit 0
  fi

  log "starting PostgreSQL ${version}/main"
  # An already-running cluster (e.g. listening elsewhere) makes pg_ctlcluster fail: not fatal here,
  # the readiness wait below decides.
  pg_ctlcluster --skip-systemctl-redirect "${version}" main start >&2 \
    || log "pg_ctlcluster ${version} main start returned $? — waiting for readiness anyway"

  deadline=$((SECONDS + READY_TIMEOUT))
  until is_ready; do
    if ((SECONDS >= deadline)); then
      log "error: PostgreSQL ${version}/main not accepting connections on ${HOST}:${PORT} after ${READY_TIMEOUT}s"
      exit 1
    fi
    sleep 1
  done
  log "PostgreSQL ${version}/main accepting connections on ${HOST}:${PORT}"
fi

pg() { psql -X -w -q -v ON_ERROR_STOP=1 -h "${HOST}" -p "${PORT}" -U "${USER_NAME}" -d postgres "$@" </dev/null; }

if ! exists="$(pg -tAc "SELECT 1 FROM pg_database WHERE datname = '${DB_NAME//\'/\'\'}'")"; then
  log "error: cannot query PostgreSQL as ${USER_NAME} on ${HOST}:${PORT} (authentication? set PGPASSWORD)"
  exit 1
fi
if [[ "${exists}" == "1" ]]; then
  log "database '${DB_NAME}' exists"
else
  # A concurrent caller may create it between the check and here: accept "already exists".
  if out="$(pg -c "CREATE DATABASE \"${DB_NAME//\"/\"\"}\"" 2>&1)"; then
    log "created database '${DB_NAME}'"
  elif [[ "${out}" == *"already exists"* ]]; then
    log "database '${DB_NAME}' exists"
  else
    printf '%s\n' "${out}" >&2
    log "error: could not create database '${DB_NAME}'"
    exit 1
  fi
fi
