#!/usr/bin/env bash
# Read throughput with IAM enforcement on and off (issue 9: "read throughput with enforcement on stays within 20 % of
# enforcement off"). Publishes the emulator (Release, ReadyToRun), then for each mode starts it in memory, makes an
# organization, an IAM role and an IAM user with the AWS managed policy ReadOnlyAccess and an access key, and measures
# DescribeOrganization and IAM GetRole signed with that user's key (so every request is evaluated against a real
# managed policy) with wrk -t2 -c32 -d$DURATION after a $WARMUP warm-up. Needs dotnet, python3 + boto3, wrk.
#   bash emulator/bench/enforcement.sh            DURATION=5s WARMUP=3s by default
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"; REPO="$(cd "$HERE/../.." && pwd)"
DURATION="${DURATION:-5s}"; WARMUP="${WARMUP:-3s}"
WORK="$(mktemp -d)"; PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
RID="$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')"
echo "== publishing the emulator" >&2
dotnet publish "$REPO/emulator/Emulator/Emulator.csproj" -c Release -r "$RID" --self-contained false -nologo -v q -o "$WORK/emulator" >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log" >&2; exit 1; }
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
URL="http://127.0.0.1:$PORT"

setup() { # -> the reader's access key id
  python3 - "$URL" <<'PY'
import sys, time, boto3
url = sys.argv[1]
def client(name): return boto3.client(name, endpoint_url=url, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test")
for _ in range(300):
    try: client("organizations").create_organization(FeatureSet="ALL"); break
    except Exception: time.sleep(0.05)
iam = client("iam")
iam.create_role(RoleName="bench-role", AssumeRolePolicyDocument='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}')
iam.create_user(UserName="bench-reader")
iam.attach_user_policy(UserName="bench-reader", PolicyArn="arn:aws:iam::aws:policy/ReadOnlyAccess")
print(iam.create_access_key(UserName="bench-reader")["AccessKey"]["AccessKeyId"])
PY
}
# rps DURATION NAME=VALUE... -> requests/s of call.lua with that environment
rps() { local duration="$1"; shift; env "$@" wrk -t2 -c32 -d"$duration" -s "$HERE/call.lua" "$URL" 2>>"$WORK/wrk.err" | awk '/^Requests\/sec:/ {print $2}'; }
DESCRIBE=(BENCH_SERVICE=organizations BENCH_TARGET=AWSOrganizationsV20161128.DescribeOrganization BENCH_BODY={})
GETROLE=(BENCH_SERVICE=iam BENCH_TARGET= 'BENCH_BODY=Action=GetRole&Version=2010-05-08&RoleName=bench-role')
declare -A R
for mode in on off; do
  flag=(); [ "$mode" = off ] && flag=(--no-enforce-iam)
  dotnet "$WORK/emulator/Emulator.dll" --host 127.0.0.1 --port "$PORT" --in-memory "${flag[@]}" >"$WORK/emulator-$mode.log" 2>&1 &
  PID=$!
  KEY="$(setup)"
  echo "== enforcement $mode: reader key $KEY" >&2
  rps "$WARMUP" "${DESCRIBE[@]}" BENCH_KEY="$KEY" >/dev/null
  rps "$WARMUP" "${GETROLE[@]}" BENCH_KEY="$KEY" >/dev/null
  R[$mode-describe]="$(rps "$DURATION" "${DESCRIBE[@]}" BENCH_KEY="$KEY")"
  R[$mode-getrole]="$(rps "$DURATION" "${GETROLE[@]}" BENCH_KEY="$KEY")"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
done
echo "| Read, signed by an IAM user with ReadOnlyAccess | enforcement on, req/s | off, req/s | on / off |"
echo "|---|---|---|---|"
for op in describe getrole; do
  name=$([ $op = describe ] && echo DescribeOrganization || echo "IAM GetRole")
  echo "| $name | ${R[on-$op]} | ${R[off-$op]} | $(python3 -c "print(f'{${R[on-$op]}/${R[off-$op]}:.2f}')") |"
done
[ -s "$WORK/wrk.err" ] && { echo; echo "wrk stderr (first lines):"; head -5 "$WORK/wrk.err"; }
