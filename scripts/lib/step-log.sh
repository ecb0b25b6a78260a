# Sourced by the provisioning scripts (ensure-temporal-cli.sh, ensure-temporal-server.sh): progress
# lines on stderr, each with the time its step took and the time since the start. The caller sets
# LOG_TAG (e.g. ensure-temporal-cli) before sourcing.

now_ms() {
  if [[ -n "${EPOCHREALTIME:-}" ]]; then
    local t="${EPOCHREALTIME/[.,]/}" # microseconds
    echo $((t / 1000))
  else
    echo $(($(date +%s) * 1000))
  fi
}
readonly SCRIPT_START_MS="$(now_ms)"
STEP_START_MS="${SCRIPT_START_MS}"

fmt_ms() { printf '%d.%03ds' $(($1 / 1000)) $(($1 % 1000)); }

# log MESSAGE — stderr, with the time since the previous message (the step) and since the start
log() {
  local now
  now="$(now_ms)"
  printf '[%s] %s (took %s, total %s)\n' "${LOG_TAG}" "$*" \
    "$(fmt_ms $((now - STEP_START_MS)))" "$(fmt_ms $((now - SCRIPT_START_MS)))" >&2
  STEP_START_MS="${now}"
}

found() { # found PATH MESSAGE — prints PATH on stdout and exits 0
  log "$2: $1"
  printf '%s\n' "$1"
  exit 0
}
