#!/usr/bin/env bash
# The Native AOT form served to real clients. Publishes the emulator with -p:PublishAot=true (several minutes; or
# takes AOT_EXE=<executable> already published), then drives the native executable:
#   - the boto3 scripts (client-tests/python), each against a fresh in-memory emulator;
#   - the JavaScript SDK v3 suite (client-tests/js, EMULATOR_EXE), when its npm packages are installed;
#   - a durable state file: an organization created, the process stopped, the same organization read after a restart;
#   - the pages: the portal's sign-in page, the console, the control plane's health and state.
#   bash client-tests/native-aot.sh
# Exit code 0 only if everything passed. Not part of ./test.sh (the publish alone takes 5-10 minutes).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
FAILED=0
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1" >&2; FAILED=1; }

EXE="${AOT_EXE:-}"
if [ -z "$EXE" ]; then
  RID="$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')"
  echo "== publishing the Native AOT form for $RID" >&2
  started=$(date +%s)
  dotnet publish "$REPO/emulator/Emulator/Emulator.csproj" -c Release -r "$RID" -p:PublishAot=true -nologo -v q \
    -o "$WORK/aot" -p:IntermediateOutputPath="$WORK/obj/" >"$WORK/publish.log" 2>&1 || { cat "$WORK/publish.log" >&2; exit 1; }
  echo "published in $(( $(date +%s) - started )) s: $(du -h "$WORK/aot/Emulator" | cut -f1)" >&2
  EXE="$WORK/aot/Emulator"
fi

# start ARGS... : starts the executable on a free port; sets URL and PID.
start() {
  local log="$WORK/emulator-$RANDOM.log"
  "$EXE" --host 127.0.0.1 --port 0 "$@" >"$log" 2>&1 &
  PID=$!; PIDS+=("$PID"); URL=""
  for _ in $(seq 1 200); do
    URL="$(grep -o 'listening on http://[0-9.:]*' "$log" | head -1 | cut -d' ' -f3 || true)"
    [ -n "$URL" ] && return 0
    kill -0 "$PID" 2>/dev/null || break
    sleep 0.05
  done
  cat "$log" >&2; return 1
}
stop() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
export AWS_ACCESS_KEY_ID=111111111111 AWS_SECRET_ACCESS_KEY=secret AWS_DEFAULT_REGION=us-east-1 \
  AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null PYTHONDONTWRITEBYTECODE=1

echo "== boto3 scripts" >&2
for script in trust_lifecycle paginate_accounts paginate_roles bad_input sso_admin_boto3 iam_customer_policies \
              iam_policy_simulator iam_saml_provider_boto3 cloudtrail_lookup_boto3; do
  start --in-memory
  if (cd "$HERE/python" && ENDPOINT="$URL" python3 "$script.py" >"$WORK/$script.log" 2>&1); then pass "boto3 $script"
  else cat "$WORK/$script.log" >&2; fail "boto3 $script"; fi
  stop
done

echo "== durable state across a restart" >&2
call() {  # URL TARGET BODY
  curl -sf "$1/" -H 'Content-Type: application/x-amz-json-1.1' -H "X-Amz-Target: AWSOrganizationsV20161128.$2" \
    -H 'Authorization: AWS4-HMAC-SHA256 Credential=111111111111/20260101/us-east-1/organizations/aws4_request, SignedHeaders=host, Signature=0' \
    -d "$3"
}
start --data "$WORK/state.db"
created="$(call "$URL" CreateOrganization '{"FeatureSet":"ALL"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["Organization"]["Id"])')"
call "$URL" EnableAWSServiceAccess '{"ServicePrincipal":"sso.amazonaws.com"}' >/dev/null
stop
start --data "$WORK/state.db"
described="$(call "$URL" DescribeOrganization '{}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["Organization"]["Id"])')"
services="$(call "$URL" ListAWSServiceAccessForOrganization '{}' | python3 -c 'import json,sys; print(*[s["ServicePrincipal"] for s in json.load(sys.stdin)["EnabledServicePrincipals"]])')"
[ "$created" = "$described" ] && [ "$services" = "sso.amazonaws.com" ] && pass "state file: $created and trusted access read back after a restart" \
  || fail "state file: created $created, read back '$described' with trusted access '$services'"

echo "== pages" >&2
setup="$(curl -sf -X POST "$URL/_emulator/sso/setup" -H 'Content-Type: application/json' -d '{"accountId":"111111111111"}')" || setup=""
portal="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["portalUrl"])' "$setup" 2>/dev/null || true)"
[ -n "$portal" ] && curl -sf "$portal" | grep -qi "password" && pass "portal sign-in page $portal" || fail "portal sign-in page (setup: $setup)"
curl -sf "$URL/_emulator/console" | grep -q "$created" && pass "console page names the organization" || fail "console page"
[ "$(curl -sf "$URL/_emulator/health")" = '{"status":"ok"}' ] && pass "control plane health" || fail "control plane health"
curl -sf "$URL/_emulator/state" | grep -q "$created" && pass "control plane state" || fail "control plane state"
stop

if [ -d "$HERE/js/node_modules" ]; then
  echo "== JavaScript SDK v3 suite" >&2
  (cd "$HERE/js" && EMULATOR_EXE="$EXE" npm test >"$WORK/js.log" 2>&1) && pass "JavaScript SDK v3 suite ($(grep -E '^(ℹ|#) pass ' "$WORK/js.log" | head -1))" \
    || { cat "$WORK/js.log" >&2; fail "JavaScript SDK v3 suite"; }
else
  echo "skipped: the JavaScript SDK v3 suite (run npm ci in client-tests/js first)" >&2
fi
exit "$FAILED"
