#!/usr/bin/env bash
# Print the directory holding the Temporal SERVER executables on stdout: `temporal-server` (the
# server itself, as in the temporalio/server image) and `temporal-sql-tool` (its schema tool) —
# the production topology run on this machine without Docker (scripts/start-temporal-server.sh).
# Progress goes to stderr, each line with the time it took.
#
# Looks, in order, for:
#   1. $TEMPORAL_SERVER_DIR, if set and holding both executables;
#   2. the version-keyed cache ${TDKT_CACHE_DIR:-$HOME/.cache/tdkt}/temporal-server-<version>/;
#   3. a build from source with `go install` (Go module proxy) into the cache: built in a temporary
#      directory next to the cache and renamed into place (a half-built cache is never visible),
#      under a flock so concurrent callers build once (~2½ minutes on 2 cores, once).
# The version is the one docker-compose.yml runs (temporalio/auto-setup:1.29.1).
#
# Exit codes: 0 = path printed; 3 = no server can be provided here (no cache, no Go); other = error.
# Usage: TEMPORAL_SERVER_DIR="$(bash scripts/ensure-temporal-server.sh)"
set -euo pipefail

readonly VERSION="${TDKT_TEMPORAL_SERVER_VERSION:-1.29.1}"
readonly SERVER_MODULE="go.temporal.io/server/cmd/server"
readonly SQL_TOOL_MODULE="go.temporal.io/server/cmd/tools/sql"
readonly CACHE_ROOT="${TDKT_CACHE_DIR:-${HOME:-/tmp}/.cache/tdkt}"
readonly CACHE_DIR="${CACHE_ROOT}/temporal-server-${VERSION}"
readonly LOCK_FILE="${CACHE_ROOT}/temporal-server-${VERSION}.lock"
readonly BUILD_TIMEOUT_SECONDS="${TDKT_TEMPORAL_BUILD_TIMEOUT:-1800}"

readonly LOG_TAG="ensure-temporal-server"
# shellcheck source=lib/step-log.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/step-log.sh"

complete() { # complete DIR — both executables present and runnable
  [[ -x "$1/temporal-server" && -x "$1/temporal-sql-tool" ]] && "$1/temporal-server" --version >/dev/null 2>&1
}

unavailable() { # unavailable REASON
  log "$1 — no Temporal server here"
  exit 3
}

# 1. explicit override
if [[ -n "${TEMPORAL_SERVER_DIR:-}" ]]; then
  if complete "${TEMPORAL_SERVER_DIR}"; then
    found "${TEMPORAL_SERVER_DIR}" "using \$TEMPORAL_SERVER_DIR"
  fi
  log "warning: \$TEMPORAL_SERVER_DIR=${TEMPORAL_SERVER_DIR} lacks temporal-server or temporal-sql-tool; ignoring it"
fi

# 2. version-keyed cache
if complete "${CACHE_DIR}"; then
  found "${CACHE_DIR}" "using cached Temporal server ${VERSION}"
fi

# 3. build from source
command -v go >/dev/null 2>&1 || unavailable "no cached Temporal server ${VERSION} and no Go toolchain"
mkdir -p "${CACHE_ROOT}" || unavailable "cannot create the cache directory ${CACHE_ROOT}"

# Serialise builders: a second caller waits here and then finds the first caller's build.
if command -v flock >/dev/null 2>&1; then
  exec 9>"${LOCK_FILE}" || unavailable "cannot open the lock file ${LOCK_FILE}"
  if ! flock -n 9; then
    log "another process is building Temporal server ${VERSION}; waiting for its lock"
    flock -w "${BUILD_TIMEOUT_SECONDS}" 9 || unavailable "timed out waiting for ${LOCK_FILE}"
    log "lock acquired"
  fi
  if complete "${CACHE_DIR}"; then
    found "${CACHE_DIR}" "using Temporal server ${VERSION} built by a concurrent caller"
  fi
else
  log "warning: flock not found; building without a lock (the final rename is still atomic)"
fi

# Temporary build directory on the same filesystem as the cache, so the final mv is a rename(2).
BUILD_DIR="$(mktemp -d "${CACHE_ROOT}/.temporal-server-${VERSION}.build.XXXXXX")" \
  || unavailable "cannot create a build directory under ${CACHE_ROOT}"
trap 'rm -rf "${BUILD_DIR}"' EXIT

log "building Temporal server ${VERSION} and its SQL tool from source with $(go version 2>/dev/null || echo go) (takes minutes, once)"
timeout_cmd=()
command -v timeout >/dev/null 2>&1 && timeout_cmd=(timeout "${BUILD_TIMEOUT_SECONDS}")
# CGO off: pure Go (the server's PostgreSQL driver needs no C), as in the official release builds.
if ! (cd "${BUILD_DIR}" && GOBIN="${BUILD_DIR}/bin" CGO_ENABLED=0 GOFLAGS="${GOFLAGS:-} -trimpath" \
  "${timeout_cmd[@]}" go install "${SERVER_MODULE}@v${VERSION}" "${SQL_TOOL_MODULE}@v${VERSION}" </dev/null 1>&2); then
  unavailable "'go install ${SERVER_MODULE}@v${VERSION} ${SQL_TOOL_MODULE}@v${VERSION}' failed"
fi
mkdir -p "${BUILD_DIR}/out"
mv "${BUILD_DIR}/bin/server" "${BUILD_DIR}/out/temporal-server" || unavailable "go install produced no server binary"
mv "${BUILD_DIR}/bin/sql" "${BUILD_DIR}/out/temporal-sql-tool" || unavailable "go install produced no sql binary"
complete "${BUILD_DIR}/out" || unavailable "the built temporal-server does not run"
log "built"

# Whole directory renamed into place: callers see both executables or none.
rm -rf "${CACHE_DIR}"
mv -T "${BUILD_DIR}/out" "${CACHE_DIR}" || unavailable "cannot move the build into ${CACHE_DIR}"
found "${CACHE_DIR}" "cached Temporal server ${VERSION}"
