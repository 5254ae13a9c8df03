#!/usr/bin/env bash
# Runs every test suite on SQLite and on a throwaway PostgreSQL, with headless Chromium for the browser tests.
# Brings what it needs when run as root (Debian packages), builds once, and ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)

say() { printf '\n== %s\n' "$*"; }

# --- what the tests need from the machine -------------------------------------------------------------
if [[ $(id -u) == 0 ]]; then
  need=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  [[ -x /usr/bin/chromium ]] || need+=(chromium)
  dpkg -s fonts-liberation2 >/dev/null 2>&1 || need+=(fonts-liberation2)
  command -v node >/dev/null || need+=(nodejs)
  command -v npm >/dev/null || need+=(npm)
  command -v runuser >/dev/null || need+=(util-linux)
  if ((${#need[@]})); then
    say "Installing ${need[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
      || { echo "Could not install ${need[*]}"; echo "0 passed, 1 failed"; exit 1; }
  fi
fi
command -v dotnet >/dev/null || { echo "The .NET SDK is needed (see global.json)."; echo "0 passed, 1 failed"; exit 1; }

# --- a PostgreSQL of our own, stopped whatever happens ------------------------------------------------
# On memory when the machine has room there (CREATE DATABASE per test copies ~1,000 relations' files, and the SQLite
# copies live under TMPDIR): measured 4-5 times faster per test database than on disk on a loaded machine.
scratch=/tmp
if [[ -d /dev/shm && -w /dev/shm ]] && (( $(df -Pk /dev/shm | awk 'NR == 2 { print $4 }') > 4 * 1024 * 1024 )); then scratch=/dev/shm; fi
pgdir=$(mktemp -d "$scratch/safeguarding-pg.XXXXXX")
chmod 755 "$pgdir"
tests_tmp=$(mktemp -d "$scratch/safeguarding-tmp.XXXXXX")
port=$((40000 + RANDOM % 20000))
cleanup() { scripts/postgres.sh stop "$pgdir"; rm -rf "$tests_tmp"; }
trap cleanup EXIT
say "Starting PostgreSQL on 127.0.0.1:$port"
if ! scripts/postgres.sh start "$pgdir" "$port"; then
  cat "$pgdir"/*.log 2>/dev/null | tail -20
  echo "0 passed, 1 failed"; exit 1
fi
export SAFEGUARDING_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Maximum Pool Size=50"
export SAFEGUARDING_CHROMIUM=${SAFEGUARDING_CHROMIUM:-/usr/bin/chromium}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Test processes are short-lived and run each method a few times: profile-guided re-compilation never pays back what
# its instrumented code costs. Measured: a tenth less CPU on the core suite.
export DOTNET_TieredPGO=0

# --- the tests' SMTP server (maildev from npm), installed once from its lock file ----------------------------
if [[ ! -f tests/tools/maildev/node_modules/maildev/dist/bin/maildev.js ]]; then
  say "Installing maildev for the mail tests"
  (cd tests/tools/maildev && npm ci --no-audit --no-fund >/dev/null) || echo "Could not install maildev now; the mail tests try again"
fi

# --- build once ---------------------------------------------------------------------------------------
say "Building"
if ! dotnet build Safeguarding.slnx -c Release -nologo -v quiet -warnaserror; then
  echo "Build failed"; echo "0 passed, 1 failed"; exit 1
fi

# --- run each suite and add up ------------------------------------------------------------------------
passed=0 failed=0 skipped=0
mkdir -p .test-output
run_suite() { # name project [xunit filters] -> its log, the xml report (each test's time) and a filtered summary on stdout
  local name=$1 project=$2
  shift 2
  TMPDIR="$tests_tmp" dotnet run --project "$project" -c Release --no-build -- -noColor -noLogo -result-xml ".test-output/$name.xml" "$@" >".test-output/$name.log" 2>&1
  grep -E '^\s+(\[FAIL\]|.*\[FAIL\])|Total:|^\s{6}' ".test-output/$name.log" | grep -vE '^\s+at ' | head -200
}
add_up() { # name: adds its totals, or counts it failed when it did not finish
  local name=$1 summary total errors fails skips notrun
  summary=$(grep -E 'Total: [0-9]+' ".test-output/$name.log" | tail -n 1)
  if [[ -z $summary ]]; then
    echo "$name did not finish (see .test-output/$name.log)"; failed=$((failed + 1)); return
  fi
  total=$(sed -E 's/.*Total: ([0-9]+).*/\1/' <<<"$summary")
  errors=$(sed -E 's/.*Errors: ([0-9]+).*/\1/' <<<"$summary")
  fails=$(sed -E 's/.*Failed: ([0-9]+).*/\1/' <<<"$summary")
  skips=$(sed -E 's/.*Skipped: ([0-9]+).*/\1/' <<<"$summary")
  notrun=$(sed -E 's/.*Not Run: ([0-9]+).*/\1/' <<<"$summary")
  passed=$((passed + total - fails - skips - notrun))
  failed=$((failed + fails + errors))
  skipped=$((skipped + skips + notrun))
}
# Two lanes on the machine's cores, about equally long. Beside the others: the browser suite (which spends much of
# its time waiting on Chromium and the host), the command-line suite (which waits on the processes it starts and
# kills) and the core suite's exploitation tests; their output is shown when they end. The core suite's other tests
# and every other suite run in this shell.
exploitation='Safeguarding.Core.Tests.Exploitation*'
beside() {
  run_suite Safeguarding.EndToEnd.Tests tests/Safeguarding.EndToEnd.Tests
  run_suite Safeguarding.Cli.Tests tests/Safeguarding.Cli.Tests
  run_suite Safeguarding.Core.Tests.Exploitation tests/Safeguarding.Core.Tests -namespace "$exploitation"
}
beside_parts=(Safeguarding.EndToEnd.Tests Safeguarding.Cli.Tests Safeguarding.Core.Tests.Exploitation)
started=$(date +%s)
beside >.test-output/beside-summary.txt &
beside_pid=$!
for project in tests/*.Tests; do
  name=$(basename "$project")
  case $name in
    Safeguarding.EndToEnd.Tests | Safeguarding.Cli.Tests) continue ;;
    Safeguarding.Core.Tests) filters=(-namespace- "$exploitation") ;;
    *) filters=() ;;
  esac
  say "$name"
  run_suite "$name" "$project" "${filters[@]}"
  add_up "$name"
done
wait "$beside_pid"
say "${beside_parts[*]} (ran beside the others)"
cat .test-output/beside-summary.txt
for name in "${beside_parts[@]}"; do add_up "$name"; done
echo "Tests took $(( $(date +%s) - started )) s"

echo
if ((skipped > 0)); then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
((failed == 0 && passed > 0))
