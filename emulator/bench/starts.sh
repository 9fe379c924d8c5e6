#!/usr/bin/env bash
# Process start -> first answer of the emulator and the bare app, in two published forms, N starts each (default 10):
#   - framework-dependent ReadyToRun (`dotnet X.dll`, what run.sh measures);
#   - self-contained with a composite ReadyToRun image of the framework and the app (the apphost `./X`).
#   bash emulator/bench/starts.sh [N]
# Prints wall and CPU time to the first answer (min / median, see starts.py). PUBLISHED=<dir> reuses (or keeps) the
# four published folders (<dir>/{fd,composite}/{emulator,bare}) instead of publishing into a temporary folder.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
STARTS="${1:-10}"
OUT="${PUBLISHED:-$(mktemp -d)}"
[ -n "${PUBLISHED:-}" ] || trap 'rm -rf "$OUT"' EXIT
RID="$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')"

publish() {  # FORM NAME PROJECT ARGS...
  local dir="$OUT/$1/$2" project="$3"
  shift 3
  [ -d "$dir" ] && return
  echo "== publishing $dir" >&2
  # Each form in its own intermediate folder: the composite build must not leave its R2R code for the other form.
  dotnet publish "$project" -c Release -r "$RID" -nologo -v q -o "$dir" -p:IntermediateOutputPath="$OUT/obj/$1/$2/" "$@" \
    >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log" >&2; exit 1; }
}
for app in "emulator:$REPO/emulator/Emulator/Emulator.csproj" "bare:$HERE/bare/Bare.csproj"; do
  publish fd "${app%%:*}" "${app#*:}" --self-contained false
  publish composite "${app%%:*}" "${app#*:}" --self-contained true -p:PublishReadyToRunComposite=true
done
du -shL "$OUT"/{fd,composite}/* >&2

EMU_ARGS="--host 127.0.0.1 --port {port} --data {data}"
python3 "$HERE/starts.py" "$STARTS" \
  "emulator, framework-dependent R2R=dotnet $OUT/fd/emulator/Emulator.dll $EMU_ARGS" \
  "emulator, self-contained composite R2R=$OUT/composite/emulator/Emulator $EMU_ARGS" \
  "bare app, framework-dependent R2R=dotnet $OUT/fd/bare/Bare.dll --urls http://127.0.0.1:{port}" \
  "bare app, self-contained composite R2R=$OUT/composite/bare/Bare --urls http://127.0.0.1:{port}"
