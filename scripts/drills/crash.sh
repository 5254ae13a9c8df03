#!/usr/bin/env bash
# Crash drill: SIGKILL at random points in the Encompass batch intake, the attendance import and the outbox
# dispatcher, then a restart; counts what was lost or duplicated and whether the audit chain verifies, on SQLite
# and PostgreSQL. Usage: scripts/drills/crash.sh [TRIALS] [SEED]   (default 200 trials per target and database;
# the seed is printed and replays the same kill points). Needs SAFEGUARDING_TEST_POSTGRES for PostgreSQL, as the
# tests do, and starts the tests' SMTP stand-in itself.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
trials=${1:-200}
seed=${2:-$RANDOM$RANDOM}
report=$(mktemp /tmp/safeguard-crash-report.XXXXXX)
echo "Crash drill: $trials trials per target and database, seed $seed (replay: $0 $trials $seed)"
cd "$root"
dotnet build tests/Safeguarding.Cli.Tests -c Release -nologo -v quiet >/dev/null
start=$(date +%s)
status=0
SAFEGUARDING_CRASH_TRIALS=$trials SAFEGUARDING_CRASH_SEED=$seed SAFEGUARDING_CRASH_REPORT=$report \
  dotnet run --project tests/Safeguarding.Cli.Tests -c Release --no-build -- -noColor -noLogo \
  -class Safeguarding.Cli.Tests.CrashDrillTests -showLiveOutput || status=$?
echo
echo "Results ($(( $(date +%s) - start )) s in all):"
cat "$report"
rm -f "$report"
exit $status
