# Shared by the labs (source it): a clean AWS CLI environment and the step/check helpers.
# Expects ENDPOINT to be set. Keeps the machine's own AWS configuration out of the lab.

LAB_DIR="$(mktemp -d)"
trap 'rm -rf "$LAB_DIR"' EXIT
# AWS CLI v1 would fetch parameters that look like URLs (the SSO start URL) instead of passing them: turn that off.
printf '[default]\ncli_follow_urlparam = false\n' > "$LAB_DIR/config"; : > "$LAB_DIR/credentials"
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_DEFAULT_PROFILE AWS_ENDPOINT_URL
export AWS_CONFIG_FILE="$LAB_DIR/config" AWS_SHARED_CREDENTIALS_FILE="$LAB_DIR/credentials"
export AWS_DEFAULT_REGION=us-east-1 AWS_SECRET_ACCESS_KEY=lab AWS_PAGER="" AWS_MAX_ATTEMPTS=1

# AWS_CLI picks the CLI (e.g. AWS_CLI=/usr/bin/aws for Debian's CLI v2); the labs work with v1 and v2.
aws() { command "${AWS_CLI:-aws}" "$@"; }
command -v "${AWS_CLI:-aws}" >/dev/null || { echo "The lab needs the AWS CLI ('aws' on PATH, or AWS_CLI=<path>)." >&2; exit 2; }
CLI_MAJOR="$(aws --version 2>&1 | sed -n 's|^aws-cli/\([0-9]*\)\..*|\1|p')"
command -v python3 >/dev/null || { echo "The lab needs python3 (to read JSON answers)." >&2; exit 2; }

STEP=0
OUT="" ERR="" RC=0
step() { STEP=$((STEP + 1)); printf '\n== Step %d: %s\n' "$STEP" "$1"; printf '   Look at: %s\n' "$2"; }
fail() { printf '\nUNEXPECTED: %s\n  exit code: %s\n  stdout: %s\n  stderr: %s\n' "$1" "$RC" "$OUT" "$ERR" >&2; exit 1; }

# as KEY aws-args... : the CLI as the root user of the account the 12-digit key names.
as() {
  local key="$1"; shift
  printf '   $ AWS_ACCESS_KEY_ID=%s aws %s\n' "$key" "$*"
  OUT="$(AWS_ACCESS_KEY_ID="$key" aws "$@" --endpoint-url "$ENDPOINT" --output json 2>"$LAB_DIR/err")"; RC=$?
  ERR="$(cat "$LAB_DIR/err")"
  show
}
show() {
  [ -n "$OUT" ] && printf '%s\n' "$OUT" | cut -c1-160 | sed 's/^/     /'
  [ -n "$ERR" ] && printf '%s\n' "$ERR" | sed 's/^/     (stderr) /'
  return 0
}
ok() { [ "$RC" -eq 0 ] || fail "expected success"; }
refused() { [ "$RC" -ne 0 ] && grep -q "($1)" <<<"$ERR" || fail "expected the error $1"; }
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d' + sys.argv[1]))" "$1" <<<"$OUT"; }
# Unsigned calls (sso-oidc, sso portal): no credentials at all.
unsigned() {
  printf '   $ aws %s\n' "$*" | sed -E 's/(--(access-token|client-secret|device-code) )[^ ]{12}[^ ]*/\1\<…>/g'
  OUT="$(AWS_ACCESS_KEY_ID= AWS_SECRET_ACCESS_KEY= aws "$@" --no-sign-request --endpoint-url "$ENDPOINT" --output json 2>"$LAB_DIR/err")"; RC=$?
  ERR="$(cat "$LAB_DIR/err")"
  show
}
# control METHOD PATH [JSON] : the emulator's control plane (not an AWS API).
control() {
  printf '   $ curl -X %s %s%s %s\n' "$1" "$ENDPOINT" "$2" "${3:-}"
  OUT="$(python3 - "$1" "$ENDPOINT$2" "${3:-}" <<'PY'
import json, sys, urllib.request, urllib.error
method, url, body = sys.argv[1], sys.argv[2], sys.argv[3]
request = urllib.request.Request(url, data=body.encode() if body else None, method=method, headers={"Content-Type": "application/json"})
try:
    with urllib.request.urlopen(request) as response: print(response.read().decode()); sys.exit(0)
except urllib.error.HTTPError as error: print(error.read().decode()); sys.exit(1)
PY
)"; RC=$?
  ERR=""
  show
}
