#!/usr/bin/env bash
# Benchmark: the emulator (Release, durable file-backed state) against moto_server, side by side on loopback.
#   bash emulator/bench/run.sh            (WARMUP=10s, DURATION=10s, ACCOUNTS=1000 by default)
# Measures (a) ListAWSServiceAccessForOrganization req/s, (b) alternating Enable/DisableAWSServiceAccess req/s,
# (c) time from process start to the first successful answer, (d) one EnableAWSServiceAccess on an organization
# of ACCOUNTS accounts. Prints a table and writes it to bench-results/ (gitignored) as markdown.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-10s}"
ACCOUNTS="${ACCOUNTS:-1000}"
BENCH="python3 $HERE/bench.py"

need() { command -v "$1" >/dev/null || { echo "bench: '$1' is required ($2)" >&2; exit 2; }; }
need dotnet "install the .NET 10 SDK"
need python3 "install python3"
need moto_server "pip install 'moto[server]'"
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

echo "== building the emulator (Release)" >&2
dotnet build "$REPO/emulator/Emulator/Emulator.csproj" -c Release -nologo -v q -o "$WORK/emulator" >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log" >&2; exit 1; }

EMU_PORT="$(free_port)"; MOTO_PORT="$(free_port)"
EMU="http://127.0.0.1:$EMU_PORT"; MOTO="http://127.0.0.1:$MOTO_PORT"

# (c) time to first answer: from just before the process starts until CreateOrganization answers 200.
echo "== starting the emulator (state in $WORK/state.db) and moto_server" >&2
t0=$(date +%s%N)
dotnet "$WORK/emulator/Emulator.dll" --host 127.0.0.1 --port "$EMU_PORT" --data "$WORK/state.db" >"$WORK/emulator.log" 2>&1 &
PIDS+=($!)
EMU_START_MS="$($BENCH first-answer "$EMU" "$t0")" || { cat "$WORK/emulator.log" >&2; exit 1; }
t0=$(date +%s%N)
moto_server -H 127.0.0.1 -p "$MOTO_PORT" >"$WORK/moto.log" 2>&1 &
PIDS+=($!)
MOTO_START_MS="$($BENCH first-answer "$MOTO" "$t0")" || { cat "$WORK/moto.log" >&2; exit 1; }

for url in "$EMU" "$MOTO"; do
  $BENCH call "$url" EnableAWSServiceAccess '{"ServicePrincipal":"sso.amazonaws.com"}'
done

# wrk_rps URL SCRIPT [DURATION] -> "<requests/s> <non-2xx count> <requests>"
wrk_rps() {
  local out
  out="$(wrk -t2 -c32 -d"${3:-$DURATION}" -s "$2" "$1" 2>>"$WORK/wrk.err")"
  echo "$out" >>"$WORK/wrk.log"
  local rps bad total
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  bad="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")"
  total="$(awk '/requests in/ {print $1}' <<<"$out")"
  echo "${rps:-0} ${bad:-0} ${total:-0}"
}

# Warm-up, not measured: the emulator's JIT compiles its request path to optimized code during the first seconds
# under load (moto has no JIT; it gets the same warm-up). Cold figures are printed for reference.
echo "== warm-up: wrk -t2 -c32 -d$WARMUP on each, not measured" >&2
read -r EMU_COLD _ _ <<<"$(wrk_rps "$EMU" "$HERE/list.lua" "$WARMUP")"
read -r MOTO_COLD _ _ <<<"$(wrk_rps "$MOTO" "$HERE/list.lua" "$WARMUP")"
wrk_rps "$EMU" "$HERE/mix.lua" "$WARMUP" >/dev/null
wrk_rps "$MOTO" "$HERE/mix.lua" "$WARMUP" >/dev/null

echo "== (a) ListAWSServiceAccessForOrganization, wrk -t2 -c32 -d$DURATION" >&2
read -r EMU_LIST EMU_LIST_BAD EMU_LIST_N <<<"$(wrk_rps "$EMU" "$HERE/list.lua")"
read -r MOTO_LIST MOTO_LIST_BAD MOTO_LIST_N <<<"$(wrk_rps "$MOTO" "$HERE/list.lua")"

echo "== (b) Enable/DisableAWSServiceAccess alternating, wrk -t2 -c32 -d$DURATION" >&2
read -r EMU_MIX EMU_MIX_BAD EMU_MIX_N <<<"$(wrk_rps "$EMU" "$HERE/mix.lua")"
read -r MOTO_MIX MOTO_MIX_BAD MOTO_MIX_N <<<"$(wrk_rps "$MOTO" "$HERE/mix.lua")"

echo "== (d) EnableAWSServiceAccess on an organization of $ACCOUNTS accounts" >&2
time_enable_at_scale() {
  local url="$1"
  $BENCH create-accounts "$url" "$ACCOUNTS" >&2 || return 1
  $BENCH call "$url" DisableAWSServiceAccess '{"ServicePrincipal":"sso.amazonaws.com"}' >&2 || return 1
  $BENCH time-call "$url" EnableAWSServiceAccess '{"ServicePrincipal":"sso.amazonaws.com"}'
}
EMU_SCALE="$(time_enable_at_scale "$EMU")" || EMU_SCALE="failed"
MOTO_SCALE="$(time_enable_at_scale "$MOTO")" || MOTO_SCALE="failed"

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
TABLE="$(cat <<TABLE
| Measure | Emulator (Release, durable LiteDB file) | moto_server $(python3 -c 'import moto; print(moto.__version__)') |
|---|---|---|
| (a) ListAWSServiceAccessForOrganization, req/s (wrk -t2 -c32 -d$DURATION) | $EMU_LIST ($EMU_LIST_BAD non-2xx of $EMU_LIST_N) | $MOTO_LIST ($MOTO_LIST_BAD non-2xx of $MOTO_LIST_N) |
| (b) Enable/DisableAWSServiceAccess alternating, req/s (wrk -t2 -c32 -d$DURATION) | $EMU_MIX ($EMU_MIX_BAD non-2xx of $EMU_MIX_N) | $MOTO_MIX ($MOTO_MIX_BAD non-2xx of $MOTO_MIX_N) |
| (a0) the same during the first $WARMUP after start (cold, warm-up run), req/s | $EMU_COLD | $MOTO_COLD |
| (c) process start → first successful answer, ms | $EMU_START_MS | $MOTO_START_MS |
| (d) one EnableAWSServiceAccess with $ACCOUNTS member accounts, ms | $EMU_SCALE | $MOTO_SCALE |
TABLE
)"

mkdir -p "$REPO/bench-results"
RESULT="$REPO/bench-results/bench-$STAMP.md"
{
  echo "# Benchmark $STAMP"
  echo
  echo "Machine: $(nproc) cores, $(uname -sr); commit $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)."
  echo "Both servers ran at once on loopback; the same wrk scripts (emulator/bench/*.lua) drove both."
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
[ -s "$WORK/wrk.err" ] && { echo; echo "Unexpected answers seen by wrk:"; cat "$WORK/wrk.err"; }
echo
echo "written to $RESULT"
