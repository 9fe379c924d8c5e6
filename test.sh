#!/usr/bin/env bash
# The test command: installs what the suites need and is missing, then runs every suite and ends with their summaries.
#   ./test.sh
# Installs (only when missing): Debian packages chromium (browser tests), awscli (AWS CLI v2 2.9.19 at /usr/bin/aws),
# python3 + boto3 + venv, nodejs + npm, Samba AD DC + LDAP tools (samba samba-ad-provision samba-dsdb-modules
# samba-vfs-modules winbind ldb-tools ldap-utils: the AD tests provision one DC per run, on 127.0.0.1); AWS CLI v1 into a virtualenv when no `aws` v1 is on PATH; the JS suite's npm packages.
# Runs: dotnet test Emulator.sln (unit, browser and CLI/boto3 client tests), the JavaScript SDK v3 suite (client-tests/js),
# and samples/dotnet-xunit against the packed NuGet packages. .ci/run calls this script. Exit code 0 only if every suite passed.
set -uo pipefail
cd "$(dirname "$0")"
ROOT="$PWD"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
LOGS="$(mktemp -d)"
trap 'rm -rf "$LOGS"' EXIT
declare -a SUITES=() RESULTS=()
phase() { printf '\n==== %s  (%s)\n' "$1" "$(date -u +%H:%M:%S)"; }
elapsed() { local s=$(( $(date +%s) - $1 )); printf '%dm%02ds' $((s / 60)) $((s % 60)); }

# ---- prerequisites ---------------------------------------------------------------------------------------------------
phase "prerequisites"
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
aws_major() { "$1" --version 2>&1 | sed -n 's|^aws-cli/\([0-9]*\)\..*|\1|p'; }
find_aws_v1() {
  local dir
  IFS=: read -ra dirs <<<"$PATH"
  for dir in "${dirs[@]}"; do [ -x "$dir/aws" ] && [ "$(aws_major "$dir/aws")" = 1 ] && { echo "$dir/aws"; return 0; }; done
  return 1
}
apt_needed=()
[ -x /usr/bin/chromium ] || apt_needed+=(chromium)
{ [ -x /usr/bin/aws ] && [ "$(aws_major /usr/bin/aws)" = 2 ]; } || apt_needed+=(awscli)
command -v python3 >/dev/null || apt_needed+=(python3)
command -v curl >/dev/null || apt_needed+=(curl)
python3 -c "import boto3" 2>/dev/null || apt_needed+=(python3-boto3)
{ command -v node >/dev/null && command -v npm >/dev/null; } || apt_needed+=(nodejs npm)
# The Active Directory tests (Emulator.Tests/ActiveDirectory) start a throwaway Samba AD DC (samples/ad-lab/dc-*.sh).
for package in samba samba-ad-provision samba-dsdb-modules samba-vfs-modules winbind ldb-tools ldap-utils; do
  dpkg -s "$package" >/dev/null 2>&1 || apt_needed+=("$package")
done
AWS_V1="$(find_aws_v1 || true)"
[ -n "$AWS_V1" ] || python3 -c "import venv, ensurepip" 2>/dev/null || apt_needed+=(python3-venv)
if [ ${#apt_needed[@]} -gt 0 ]; then
  echo "installing Debian packages: ${apt_needed[*]}"
  as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${apt_needed[@]}" >/dev/null \
    || { echo "could not install ${apt_needed[*]}" >&2; exit 2; }
fi
if [ -z "$AWS_V1" ]; then
  venv="${XDG_CACHE_HOME:-$HOME/.cache}/aws-org-sso-emulator/awscli-v1"
  echo "installing AWS CLI v1 into $venv"
  [ -x "$venv/bin/aws" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q awscli; } || { echo "could not install AWS CLI v1" >&2; exit 2; }
  AWS_V1="$venv/bin/aws"
fi
export AWS_CLI_V1="$AWS_V1" AWS_CLI_V2=/usr/bin/aws
echo "AWS CLI v1: $AWS_CLI_V1 ($("$AWS_CLI_V1" --version 2>&1))"
echo "AWS CLI v2: $AWS_CLI_V2 ($("$AWS_CLI_V2" --version 2>&1))"
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1); node $(node --version); npm $(npm --version)"
echo "samba: $(samba --version 2>/dev/null)"

# ---- suites ----------------------------------------------------------------------------------------------------------
# run NAME SUMMARY-REGEX command... : runs a suite, keeps its output, remembers its summary lines and exit code.
run() {
  local name="$1" summary="$2" log="$LOGS/${#SUITES[@]}.log" started; shift 2
  phase "$name"
  started=$(date +%s)
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  SUITES+=("$name  [exit $rc, $(elapsed "$started")]")
  RESULTS+=("$(grep -E "$summary" "$log" | sed 's/^[[:space:]]*/    /')")
  [ "$rc" -eq 0 ] || FAILED=1
}
FAILED=0
DOTNET_SUMMARY='(Passed!|Failed!) +- Failed:|error( |:)'

run "dotnet test Emulator.sln -c Release" "$DOTNET_SUMMARY" dotnet test Emulator.sln -c Release

# The packages: `dotnet pack` (a fresh pre-release version each run, so no stale NuGet cache entry), the dotnet tool
# installed and started from the folder feed, and samples/dotnet-xunit restoring the library package from it.
PACKAGE_VERSION="0.1.0-local.$(date -u +%Y%m%d%H%M%S)"
tool_smoke_test() {
  local dir="$LOGS/tool" log="$LOGS/tool.log" url
  dotnet tool install --tool-path "$dir" --add-source .packages AwsOrgSsoEmulator.Tool --version "$PACKAGE_VERSION" || return 1
  "$dir/aws-org-sso-emulator" --port 0 --in-memory >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 60); do url="$(grep -o 'listening on http://[0-9.:]*' "$log" | head -1 | cut -d' ' -f3)"; [ -n "$url" ] && break; sleep 1; done
  local health; health="$(curl -s "$url/_emulator/health" || true)"
  kill "$pid"; wait "$pid" 2>/dev/null
  echo "dotnet tool aws-org-sso-emulator at ${url:-?}: ${health:-no answer}"
  [ "$health" = '{"status":"ok"}' ]
}
packed_sample() {
  rm -rf .packages
  dotnet pack emulator/Emulator.Testing -c Release -o .packages -p:Version="$PACKAGE_VERSION" --nologo -v q &&
  dotnet pack emulator/Emulator -c Release -o .packages -p:Version="$PACKAGE_VERSION" --nologo -v q &&
  tool_smoke_test &&
  dotnet test samples/dotnet-xunit -c Release -p:EmulatorPackageVersion="$PACKAGE_VERSION"
}
run "packed packages: dotnet tool + samples/dotnet-xunit" "$DOTNET_SUMMARY|dotnet tool aws-org-sso-emulator" packed_sample

# The JavaScript SDK v3 suite drives the Emulator.dll the solution build just produced.
phase "npm ci (client-tests/js)"
npm_started=$(date +%s)
(cd client-tests/js && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund; }) \
  || { echo "npm ci failed" >&2; FAILED=1; }
echo "npm packages ready in $(elapsed "$npm_started")"
run "JavaScript SDK v3 (client-tests/js, node --test)" '^(ℹ|#) (tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) ' \
  bash -c 'cd client-tests/js && npm test'

# ---- summary ---------------------------------------------------------------------------------------------------------
printf '\n==== summary\n'
for i in "${!SUITES[@]}"; do
  printf '%s\n%s\n' "${SUITES[$i]}" "${RESULTS[$i]:-    (no summary line: see the output above)}"
done
exit "$FAILED"
