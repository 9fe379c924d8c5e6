#!/usr/bin/env bash
# Benchmark: the emulator (ReadyToRun, durable file-backed state), moto_server and a bare ASP.NET Core app answering
# {}, side by side on loopback, with wrk -t2 -c32. Prints a table with the ratios emulator/bare and emulator/moto.
#   bash emulator/bench/run.sh
#   DURATION=2s WARMUP=2s BIG=300 WALK=30 WALK_REMOVE=10 bash emulator/bench/run.sh      (a smoke run)
# Writes the table to bench-results/ (gitignored) as markdown. See README.md for what each line measures.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-10s}"
BIG="${BIG:-10000}"
WALK="${WALK:-1000}"
WALK_REMOVE="${WALK_REMOVE:-100}"
BENCH="python3 $HERE/bench.py"

need() { command -v "$1" >/dev/null || { echo "bench: '$1' is required ($2)" >&2; exit 2; }; }
need dotnet "install the .NET 10 SDK"
need python3 "install python3"
need moto_server "pip install 'moto[server]'"
python3 -c 'import boto3' 2>/dev/null || { echo "bench: boto3 is required (pip install boto3)" >&2; exit 2; }
if ! command -v wrk >/dev/null; then
  echo "bench: installing wrk with apt-get" >&2
  apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
fi
need wrk "apt-get install wrk"

WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
ratio() { python3 -c 'import sys; a, b = (float(x or 0) for x in sys.argv[1:3]); print(f"{a / b:.2f}" if a and b else "n/a")' "$1" "$2"; }
rss_mib() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

RID="$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')"
echo "== publishing the emulator and the bare app (Release, ReadyToRun for $RID)" >&2
for project in "$REPO/emulator/Emulator/Emulator.csproj:emulator" "$HERE/bare/Bare.csproj:bare"; do
  dotnet publish "${project%%:*}" -c Release -r "$RID" --self-contained false -nologo -v q -o "$WORK/${project##*:}" \
    >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
done

# The Native AOT form of both, with AOT=1 (off by default: its publish takes 5-12 minutes; starts.sh times it too);
# timed after the run's other starts.
if [ "${AOT:-0}" = 1 ]; then
  echo "== publishing the Native AOT forms" >&2
  for project in "$REPO/emulator/Emulator/Emulator.csproj:emulator" "$HERE/bare/Bare.csproj:bare"; do
    dotnet publish "${project%%:*}" -c Release -r "$RID" -p:PublishAot=true -p:PublishReadyToRun=false -nologo -v q \
      -o "$WORK/aot-${project##*:}" -p:IntermediateOutputPath="$WORK/obj-aot-${project##*:}/" >"$WORK/build.log" 2>&1 \
      || { cat "$WORK/build.log" >&2; exit 1; }
  done
fi

# In-process start (emulator/bench/startasync): EmulatorServer.StartAsync() after the first in a process, min / median.
echo "== in-process starts: EmulatorServer.StartAsync(), 20 in one process" >&2
INPROC_START_MS="$(dotnet run -c Release --project "$HERE/startasync" -- 20 2>>"$WORK/build.log" \
  | awk -F'|' '/^\| EmulatorServer.StartAsync/ {gsub(/ /, "", $4); sub("/", " / ", $4); print $4}')"

EMU_PORT="$(free_port)"; MOTO_PORT="$(free_port)"; BARE_PORT="$(free_port)"
EMU="http://127.0.0.1:$EMU_PORT"; MOTO="http://127.0.0.1:$MOTO_PORT"; BARE="http://127.0.0.1:$BARE_PORT"

# Start to first answer: from just before the process starts until CreateOrganization answers 200 (the bare app
# answers {} to anything).
echo "== starting the emulator (state in $WORK/state.db), moto_server and the bare app" >&2
t0=$(date +%s%N)
dotnet "$WORK/emulator/Emulator.dll" --host 127.0.0.1 --port "$EMU_PORT" --data "$WORK/state.db" >"$WORK/emulator.log" 2>&1 &
EMU_PID=$!; PIDS+=($EMU_PID)
EMU_START_MS="$($BENCH first-answer "$EMU" "$t0")" || { cat "$WORK/emulator.log" >&2; exit 1; }
t0=$(date +%s%N)
moto_server -H 127.0.0.1 -p "$MOTO_PORT" >"$WORK/moto.log" 2>&1 &
PIDS+=($!)
MOTO_START_MS="$($BENCH first-answer "$MOTO" "$t0")" || { cat "$WORK/moto.log" >&2; exit 1; }
t0=$(date +%s%N)
dotnet "$WORK/bare/Bare.dll" --urls "$BARE" >"$WORK/bare.log" 2>&1 &
PIDS+=($!)
BARE_START_MS="$($BENCH first-answer "$BARE" "$t0")" || { cat "$WORK/bare.log" >&2; exit 1; }
# aot_start NAME ARGS... : start -> first answer of a Native AOT executable on a free port, then stopped.
aot_start() {
  local exe="$WORK/aot-$1/${2}" port; port="$(free_port)"; shift 2
  t0=$(date +%s%N)
  "$exe" "${@//\{port\}/$port}" >"$WORK/aot.log" 2>&1 &
  local pid=$!
  $BENCH first-answer "http://127.0.0.1:$port" "$t0" || cat "$WORK/aot.log" >&2
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
if [ "${AOT:-0}" = 1 ]; then
  EMU_AOT_START_MS="$(aot_start emulator Emulator --host 127.0.0.1 --port '{port}' --data "$WORK/aot-state.db")"
  BARE_AOT_START_MS="$(aot_start bare Bare --urls 'http://127.0.0.1:{port}')"
fi

echo "== setting up: 50 accounts, trusted access for sso.amazonaws.com, an IAM role (emulator and moto)" >&2
POLICY='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}'
for url in "$EMU" "$MOTO"; do
  $BENCH create-accounts "$url" 49 >/dev/null
  $BENCH call "$url" EnableAWSServiceAccess '{"ServicePrincipal":"sso.amazonaws.com"}'
  $BENCH iam "$url" CreateRole RoleName=bench-role "AssumeRolePolicyDocument=$POLICY"
done

# wrk_rps URL SCRIPT DURATION [ENV...] -> "<requests/s> <non-2xx count> <requests>"
wrk_rps() {
  local url="$1" script="$2" duration="$3" out rps bad total
  shift 3
  out="$(env "$@" wrk -t2 -c32 -d"$duration" -s "$script" "$url" 2>>"$WORK/wrk.err")"
  echo "$out" >>"$WORK/wrk.log"
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  bad="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")"
  total="$(awk '/requests in/ {print $1}' <<<"$out")"
  echo "${rps:-0} ${bad:-0} ${total:-0}"
}

ORG=(BENCH_SERVICE=organizations)
DESCRIBE=("${ORG[@]}" BENCH_TARGET=AWSOrganizationsV20161128.DescribeOrganization BENCH_BODY={})
SERVICES=("${ORG[@]}" BENCH_TARGET=AWSOrganizationsV20161128.ListAWSServiceAccessForOrganization BENCH_BODY={})
ACCOUNTS=("${ORG[@]}" BENCH_TARGET=AWSOrganizationsV20161128.ListAccounts 'BENCH_BODY={"MaxResults":20}')
GETROLE=(BENCH_SERVICE=iam BENCH_TARGET= 'BENCH_BODY=Action=GetRole&Version=2010-05-08&RoleName=bench-role')
UPDATE=(BENCH_SERVICE=iam BENCH_TARGET= 'BENCH_BODY=Action=UpdateRoleDescription&Version=2010-05-08&RoleName=bench-role&Description=bench')

# Warm-up, not measured: the .NET servers tier their request path up under load; moto gets the same warm-up.
echo "== warm-up: wrk -t2 -c32 -d$WARMUP on each server, not measured" >&2
for url in "$EMU" "$MOTO" "$BARE"; do wrk_rps "$url" "$HERE/call.lua" "$WARMUP" "${DESCRIBE[@]}" >/dev/null; done
for url in "$EMU" "$MOTO"; do wrk_rps "$url" "$HERE/mix.lua" "$WARMUP" >/dev/null; done

ROWS=()
measure_read() {  # NAME ENV...
  local name="$1" emu moto bare
  shift
  echo "== $name, wrk -t2 -c32 -d$DURATION" >&2
  read -r emu _ _ <<<"$(wrk_rps "$EMU" "$HERE/call.lua" "$DURATION" "$@")"
  read -r moto _ _ <<<"$(wrk_rps "$MOTO" "$HERE/call.lua" "$DURATION" "$@")"
  read -r bare _ _ <<<"$(wrk_rps "$BARE" "$HERE/call.lua" "$DURATION" "$@")"
  ROWS+=("| $name, req/s | $emu | $moto | $bare | $(ratio "$emu" "$bare") | $(ratio "$emu" "$moto") |")
}
measure_write() {  # NAME SCRIPT ENV...
  local name="$1" script="$2" emu moto
  shift 2
  echo "== $name, wrk -t2 -c32 -d$DURATION" >&2
  read -r emu _ _ <<<"$(wrk_rps "$EMU" "$script" "$DURATION" "$@")"
  read -r moto _ _ <<<"$(wrk_rps "$MOTO" "$script" "$DURATION" "$@")"
  ROWS+=("| $name (durable), req/s | $emu | $moto | | | $(ratio "$emu" "$moto") |")
}
measure_read "DescribeOrganization" "${DESCRIBE[@]}"
measure_read "ListAWSServiceAccessForOrganization" "${SERVICES[@]}"
measure_read "IAM GetRole" "${GETROLE[@]}"
measure_read "ListAccounts (20 a page, 50 accounts)" "${ACCOUNTS[@]}"
measure_write "Enable/DisableAWSServiceAccess alternating" "$HERE/mix.lua"
measure_write "IAM UpdateRoleDescription" "$HERE/call.lua" "${UPDATE[@]}"
ROWS+=("| process start → first answer, ms | $EMU_START_MS | $MOTO_START_MS | $BARE_START_MS | $(ratio "$EMU_START_MS" "$BARE_START_MS") | $(ratio "$EMU_START_MS" "$MOTO_START_MS") |")
[ "${AOT:-0}" != 1 ] || ROWS+=("| process start → first answer, Native AOT, ms | $EMU_AOT_START_MS | | $BARE_AOT_START_MS | $(ratio "$EMU_AOT_START_MS" "$BARE_AOT_START_MS") | $(ratio "$EMU_AOT_START_MS" "$MOTO_START_MS") |")
ROWS+=("| in-process EmulatorServer.StartAsync() after the first, ms (min / median of 19) | ${INPROC_START_MS:-failed} | | | | |")

echo "== boto3 walkthrough: create $WALK accounts, enable, list, disable, remove $WALK_REMOVE" >&2
EMU_WALK="$(python3 "$HERE/walkthrough.py" "$EMU" "$WALK" "$WALK_REMOVE")" || EMU_WALK="failed"
MOTO_WALK="$(python3 "$HERE/walkthrough.py" "$MOTO" "$WALK" "$WALK_REMOVE")" || MOTO_WALK="failed"
ROWS+=("| boto3 walkthrough ($WALK accounts, remove $WALK_REMOVE), s | $EMU_WALK | $MOTO_WALK | | | $(ratio "$EMU_WALK" "$MOTO_WALK") |")

echo "== $BIG accounts in one organization (a fresh emulator)" >&2
BIG_PORT="$(free_port)"; BIG_URL="http://127.0.0.1:$BIG_PORT"
# Server time comes from the server itself: ASP.NET Core's hosting log ("Request finished ... in X ms"), on for this
# emulator only. Its console logger writes from a queue, hence the pauses before reading or marking the log.
env "Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics=Information" \
  dotnet "$WORK/emulator/Emulator.dll" --host 127.0.0.1 --port "$BIG_PORT" --data "$WORK/big.db" >"$WORK/big.log" 2>&1 &
BIG_PID=$!; PIDS+=($BIG_PID)
log_mark() { sleep 1; wc -l <"$WORK/big.log"; }
$BENCH first-answer "$BIG_URL" "$(date +%s%N)" >/dev/null
BIG_LAST=100
$BENCH create-accounts "$BIG_URL" "$((BIG - 1 - BIG_LAST))" >/dev/null
MARK="$(log_mark)"
BIG_CREATE_CLIENT_MS="$($BENCH create-only "$BIG_URL" "$BIG_LAST")"
read -r _ BIG_CREATE_MS BIG_CREATE_P95 _ <<<"$(sleep 1; $BENCH server-times "$WORK/big.log" "$MARK")"
$BENCH call "$BIG_URL" DisableAWSServiceAccess '{"ServicePrincipal":"sso.amazonaws.com"}'
BIG_ENABLE_MS="$($BENCH time-call "$BIG_URL" EnableAWSServiceAccess '{"ServicePrincipal":"sso.amazonaws.com"}')"
MARK="$(log_mark)"
read -r BIG_LIST_MS BIG_LISTED <<<"$($BENCH list-all "$BIG_URL")"
read -r _ _ _ BIG_LIST_SERVER_MS <<<"$(sleep 1; $BENCH server-times "$WORK/big.log" "$MARK")"
BIG_RSS="$(rss_mib "$BIG_PID")"
sleep 5 # idle: the store's housekeeping after bulk writes (checkpoint, LiteDB's cache let go) runs after 2 s without writes
BIG_RSS_IDLE="$(rss_mib "$BIG_PID")"
BIG_FILE_MIB="$(du -cm "$WORK"/big*.db | awk 'END {print $1}')"
ROWS+=("| $BIG accounts: CreateAccount, the last $BIG_LAST, server ms median / p95 (client median) | $BIG_CREATE_MS / $BIG_CREATE_P95 ($BIG_CREATE_CLIENT_MS) | | | | |")
ROWS+=("| $BIG accounts: EnableAWSServiceAccess (creates $BIG roles), client ms | $BIG_ENABLE_MS | | | | |")
ROWS+=("| $BIG accounts: full ListAccounts pagination ($BIG_LISTED accounts, 20 a page), server ms (client) | $BIG_LIST_SERVER_MS ($BIG_LIST_MS) | | | | |")
ROWS+=("| $BIG accounts: RSS right after the calls above / idle 5 s later, MiB; state file (data + log), MiB | $BIG_RSS / $BIG_RSS_IDLE; $BIG_FILE_MIB | | | | |")
ROWS+=("| RSS after the runs above, MiB | $(rss_mib "$EMU_PID") | | | | |")

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
TABLE="$(
  echo "| Measure | Emulator | moto_server $(python3 -c 'import moto; print(moto.__version__)') | bare ASP.NET Core | emulator / bare | emulator / moto |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
)"

mkdir -p "$REPO/bench-results"
RESULT="$REPO/bench-results/bench-$STAMP.md"
{
  echo "# Benchmark $STAMP"
  echo
  echo "Machine: $(nproc) cores, $(uname -sr); commit $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)."
  echo "All servers ran at once on loopback; wrk -t2 -c32 -d$DURATION after a $WARMUP warm-up; the same scripts drove each."
  echo
  echo "$TABLE"
  if [ -s "$WORK/wrk.err" ]; then
    echo
    echo "Unexpected answers seen by wrk (first few per run):"
    echo
    sed 's/^/    /' "$WORK/wrk.err"
  fi
} >"$RESULT"
echo
echo "$TABLE"
[ -s "$WORK/wrk.err" ] && { echo; echo "Unexpected answers seen by wrk:"; head -20 "$WORK/wrk.err"; }
echo
echo "written to $RESULT"
