#!/usr/bin/env bash
# Fuzzes the file readers with AFL++ and SharpFuzz: scripts/fuzz.sh [target|all] [seconds per target]
#   targets: incident roll ctf attendance calendar dash (fuzz/Safeguarding.Fuzz/FuzzTargets.cs); default all, 3600 s each.
# Brings afl++ (Debian) when run as root, publishes fuzz/Safeguarding.Fuzz, instruments the published Core and Linkage
# assemblies, runs afl-fuzz from fuzz/corpus/<target>, and reports execs, paths, crashes and hangs per target; each
# crash is replayed so its exception is printed. Exits 1 when anything crashed or hung.
# FUZZ_JOBS=N runs N targets at once (default 1); FUZZ_OUT=dir keeps the findings elsewhere (default .fuzz/).
# FUZZ_MERGE=1 adds the new paths AFL++ found, minimised with afl-cmin, to fuzz/corpus/<target>.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
targets=(incident roll ctf attendance calendar dash)
target=${1:-all}
seconds=${2:-3600}
jobs=${FUZZ_JOBS:-1}
out=${FUZZ_OUT:-$root/.fuzz}
if [[ $target != all ]]; then
  [[ " ${targets[*]} " == *" $target "* ]] || { echo "Unknown target '$target'; one of: ${targets[*]} all"; exit 2; }
  targets=("$target")
fi

if ! command -v afl-fuzz >/dev/null; then
  if [[ $(id -u) == 0 ]]; then
    echo "== Installing afl++"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends afl++ >/dev/null \
      || { echo "Could not install afl++"; exit 1; }
  else
    echo "afl-fuzz is needed: apt-get install afl++ (as root)"; exit 1
  fi
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== Publishing and instrumenting"
publish=$out/publish
rm -rf "$publish"
dotnet tool restore >/dev/null || { echo "dotnet tool restore failed"; exit 1; }
dotnet publish fuzz/Safeguarding.Fuzz -c Release -o "$publish" -nologo -v quiet || { echo "Publish failed"; exit 1; }
# An uninstrumented copy replays the findings: instrumented code may run only under the fuzzer.
rm -rf "$out/plain" && cp -r "$publish" "$out/plain"
for assembly in Safeguarding.Core Safeguarding.Linkage; do
  # The tool is built for an older runtime than the SDK's; rolling forward lets it run on this one.
  DOTNET_ROLL_FORWARD=Major dotnet tool run sharpfuzz "$publish/$assembly.dll" || { echo "Could not instrument $assembly"; exit 1; }
done

# AFL++ on a shared machine: the harness is a managed program (no compile-time instrumentation to check), no core
# dumps to wait for, no CPU pinning, no frequency checks, no screen.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_FORKSRV_INIT_TMOUT=60000

run_one() {
  local t=$1 findings=$out/findings/$1
  rm -rf "$findings"
  mkdir -p "$findings"
  # -t: a hang is an input that takes over 5 s (the .NET start-up before the first input is not counted by AFL++).
  nice -n 19 afl-fuzz -i "fuzz/corpus/$t" -o "$findings" -V "$seconds" -t 5000 -m none \
    -- dotnet "$publish/Safeguarding.Fuzz.dll" "$t" >"$out/$t.log" 2>&1
  echo "afl-fuzz for $t ended ($?)" >>"$out/$t.log"
}

mkdir -p "$out/findings"
echo "== Fuzzing ${targets[*]} for $seconds s each, $jobs at a time (logs in $out/<target>.log)"
running=0
for t in "${targets[@]}"; do
  run_one "$t" &
  running=$((running + 1))
  if ((running >= jobs)); then wait -n; running=$((running - 1)); fi
done
wait

stat() { sed -nE "s/^$2 +: (.*)$/\1/p" "$1" | head -n 1; }
found=0
echo
printf '%-11s %9s %12s %8s %8s %6s\n' target seconds execs paths crashes hangs
for t in "${targets[@]}"; do
  dir=$out/findings/$t/default
  if [[ ! -f $dir/fuzzer_stats ]]; then echo "$t: AFL++ did not start (see $out/$t.log)"; tail -n 20 "$out/$t.log"; found=1; continue; fi
  crashes=$(find "$dir/crashes" -type f -name 'id:*' 2>/dev/null | wc -l)
  hangs=$(find "$dir/hangs" -type f -name 'id:*' 2>/dev/null | wc -l)
  printf '%-11s %9s %12s %8s %8s %6s\n' "$t" "$(stat "$dir/fuzzer_stats" run_time)" "$(stat "$dir/fuzzer_stats" execs_done)" \
    "$(stat "$dir/fuzzer_stats" corpus_count)" "$crashes" "$hangs"
  if ((crashes + hangs > 0)); then
    found=1
    for f in "$dir"/crashes/id:* "$dir"/hangs/id:*; do
      [[ -f $f ]] || continue
      echo "--- $f"
      timeout 60 dotnet "$out/plain/Safeguarding.Fuzz.dll" "$t" "$f" | head -n 15
    done
  fi
  if [[ ${FUZZ_MERGE:-0} == 1 ]]; then
    # Seeds and new paths together, minimised to the inputs that each still add coverage.
    merged=$out/merged/$t
    rm -rf "$merged"
    AFL_SKIP_BIN_CHECK=1 nice -n 19 afl-cmin -i "$dir/queue" -o "$merged" -t 5000 -m none \
      -- "$(command -v dotnet)" "$publish/Safeguarding.Fuzz.dll" "$t" >"$out/$t.cmin.log" 2>&1 || { echo "afl-cmin for $t failed (see $out/$t.cmin.log)"; continue; }
    added=0
    held=$(sha256sum fuzz/corpus/"$t"/* | cut -c1-64)
    for f in "$merged"/*; do
      sum=$(sha256sum "$f" | cut -c1-64)
      grep -q "$sum" <<<"$held" && continue
      cp "$f" "fuzz/corpus/$t/afl-${sum:0:16}"
      added=$((added + 1))
    done
    echo "$t: $added minimised inputs added to fuzz/corpus/$t"
  fi
done
exit "$found"
