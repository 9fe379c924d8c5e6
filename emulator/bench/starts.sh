#!/usr/bin/env bash
# Process start -> first answer of the emulator and the bare app, in three published forms, N starts each (default 10):
#   - fd: framework-dependent ReadyToRun (`dotnet X.dll`, what run.sh measures);
#   - composite: self-contained with a composite ReadyToRun image of the framework and the app (the apphost `./X`);
#   - aot: Native AOT (`-p:PublishAot=true`, one native executable `./X`, no JIT).
#   bash emulator/bench/starts.sh [N]
#   FORMS="fd aot" bash emulator/bench/starts.sh [N]      (some of the forms; default all three)
# Prints wall and CPU time to the first answer (min / median, see starts.py). PUBLISHED=<dir> reuses (or keeps) the
# published folders (<dir>/<form>/{emulator,bare}) instead of publishing into a temporary folder.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
STARTS="${1:-10}"
FORMS="${FORMS:-fd composite aot}"
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
declare -A FORM_ARGS=(
  [fd]="--self-contained false"
  [composite]="--self-contained true -p:PublishReadyToRunComposite=true"
  [aot]="-p:PublishAot=true -p:PublishReadyToRun=false"
)
declare -A FORM_NAMES=([fd]="framework-dependent R2R" [composite]="self-contained composite R2R" [aot]="Native AOT")
VARIANTS=()
EMU_ARGS="--host 127.0.0.1 --port {port} --data {data}"
for form in $FORMS; do
  [ -n "${FORM_ARGS[$form]:-}" ] || { echo "unknown form $form (fd, composite, aot)" >&2; exit 2; }
  for app in "emulator:$REPO/emulator/Emulator/Emulator.csproj" "bare:$HERE/bare/Bare.csproj"; do
    # shellcheck disable=SC2086  # the form's arguments are words
    publish "$form" "${app%%:*}" "${app#*:}" ${FORM_ARGS[$form]}
  done
  if [ "$form" = fd ]; then run=(dotnet "$OUT/fd/emulator/Emulator.dll") bare=(dotnet "$OUT/fd/bare/Bare.dll")
  else run=("$OUT/$form/emulator/Emulator") bare=("$OUT/$form/bare/Bare"); fi
  VARIANTS+=("emulator, ${FORM_NAMES[$form]}=${run[*]} $EMU_ARGS" "bare app, ${FORM_NAMES[$form]}=${bare[*]} --urls http://127.0.0.1:{port}")
done
for form in $FORMS; do du -shL "$OUT/$form"/{emulator,bare} >&2; done
python3 "$HERE/starts.py" "$STARTS" "${VARIANTS[@]}"
