#!/usr/bin/env bash
# Print the path of a Temporal CLI executable (the Temporal dev server the integration tests run)
# on stdout. Progress goes to stderr, each line with the time it took.
#
# Looks, in order, for:
#   1. $TEMPORAL_CLI, if set and executable;
#   2. the version-keyed cache ${TDKT_CACHE_DIR:-$HOME/.cache/tdkt}/temporal-cli-<version>/temporal;
#   3. `temporal` on PATH (preferably reporting <version>; another version is used with a warning);
#   4. a build from source with `go install` into the cache: built in a temporary directory next to
#      the cache and renamed into place (a half-built binary is never visible), under a flock so
#      concurrent callers build once.
# Otherwise exits 3: the caller falls back to the Temporal SDK's own download of the CLI.
#
# Exit codes: 0 = path printed; 3 = no CLI available here (use the SDK download); other = error.
# Usage: export TEMPORAL_CLI="$(bash scripts/ensure-temporal-cli.sh)"
set -euo pipefail

readonly VERSION="1.5.1"
readonly MODULE="github.com/temporalio/cli/cmd/temporal"
readonly CACHE_ROOT="${TDKT_CACHE_DIR:-${HOME:-/tmp}/.cache/tdkt}"
readonly CACHE_DIR="${CACHE_ROOT}/temporal-cli-${VERSION}"
readonly CACHED_BIN="${CACHE_DIR}/temporal"
readonly LOCK_FILE="${CACHE_ROOT}/temporal-cli-${VERSION}.lock"
readonly BUILD_TIMEOUT_SECONDS="${TDKT_TEMPORAL_BUILD_TIMEOUT:-1800}"

readonly LOG_TAG="ensure-temporal-cli"
# shellcheck source=lib/step-log.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/step-log.sh"

version_matches() { # version_matches EXECUTABLE
  local out
  out="$("$1" --version 2>/dev/null)" || return 1
  [[ "${out}" =~ version[[:space:]]+v?${VERSION//./\\.}([^0-9.]|$) ]]
}

# 1. explicit override
if [[ -n "${TEMPORAL_CLI:-}" ]]; then
  if [[ -f "${TEMPORAL_CLI}" && -x "${TEMPORAL_CLI}" ]]; then
    found "${TEMPORAL_CLI}" "using \$TEMPORAL_CLI"
  fi
  log "warning: \$TEMPORAL_CLI=${TEMPORAL_CLI} is not an executable file; ignoring it"
fi

# 2. version-keyed cache (a build from source reports 0.0.0-DEV: the directory name is the key)
if [[ -f "${CACHED_BIN}" && -x "${CACHED_BIN}" ]]; then
  found "${CACHED_BIN}" "using cached Temporal CLI ${VERSION}"
fi

# 3. on PATH
if on_path="$(command -v temporal 2>/dev/null)" && [[ -n "${on_path}" ]]; then
  if version_matches "${on_path}"; then
    found "${on_path}" "using Temporal CLI ${VERSION} from PATH"
  fi
  reported="$("${on_path}" --version 2>/dev/null | head -n 1 || true)"
  log "warning: ${on_path} reports '${reported:-no version}', expected ${VERSION}; using it anyway"
  printf '%s\n' "${on_path}"
  exit 0
fi

# 4. build from source
fallback() { # fallback REASON
  log "$1 — no Temporal CLI here; the Temporal SDK's own download of the CLI will be used instead"
  exit 3
}

command -v go >/dev/null 2>&1 || fallback "no cached CLI, no 'temporal' on PATH and no Go toolchain"

mkdir -p "${CACHE_ROOT}" || fallback "cannot create the cache directory ${CACHE_ROOT}"

# Serialise builders: a second caller waits here and then finds the first caller's binary.
if command -v flock >/dev/null 2>&1; then
  exec 9>"${LOCK_FILE}" || fallback "cannot open the lock file ${LOCK_FILE}"
  if ! flock -n 9; then
    log "another process is building Temporal CLI ${VERSION}; waiting for its lock"
    flock -w "${BUILD_TIMEOUT_SECONDS}" 9 || fallback "timed out waiting for ${LOCK_FILE}"
    log "lock acquired"
  fi
  if [[ -f "${CACHED_BIN}" && -x "${CACHED_BIN}" ]]; then
    found "${CACHED_BIN}" "using Temporal CLI ${VERSION} built by a concurrent caller"
  fi
else
  log "warning: flock not found; building without a lock (the final rename is still atomic)"
fi

# Temporary build directory on the same filesystem as the cache, so the final mv is a rename(2).
BUILD_DIR="$(mktemp -d "${CACHE_ROOT}/.temporal-cli-${VERSION}.build.XXXXXX")" \
  || fallback "cannot create a build directory under ${CACHE_ROOT}"
trap 'rm -rf "${BUILD_DIR}"' EXIT

log "building Temporal CLI ${VERSION} from source with $(go version 2>/dev/null || echo go) (takes several minutes, once)"
timeout_cmd=()
command -v timeout >/dev/null 2>&1 && timeout_cmd=(timeout "${BUILD_TIMEOUT_SECONDS}")
# CGO off: the CLI (and its SQLite dev server) is pure Go, as in the official release builds.
if ! GOBIN="${BUILD_DIR}/bin" CGO_ENABLED=0 GOFLAGS="${GOFLAGS:-} -trimpath" \
  "${timeout_cmd[@]}" go install "${MODULE}@v${VERSION}" </dev/null 1>&2; then
  fallback "'go install ${MODULE}@v${VERSION}' failed"
fi
[[ -x "${BUILD_DIR}/bin/temporal" ]] || fallback "go install produced no temporal binary"
"${BUILD_DIR}/bin/temporal" --version >/dev/null 2>&1 || fallback "the built temporal binary does not run"
log "built"

mkdir -p "${CACHE_DIR}" || fallback "cannot create ${CACHE_DIR}"
mv -f "${BUILD_DIR}/bin/temporal" "${CACHED_BIN}" || fallback "cannot move the binary into ${CACHE_DIR}"
found "${CACHED_BIN}" "cached Temporal CLI ${VERSION}"
