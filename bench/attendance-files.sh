#!/usr/bin/env bash
# Issue 19, part 1: the whole `safeguard attendance measures` command on a city-year of files, beside DuckDB over the
# same files, each in its own process, runs interleaved; medians, ratio, peak resident set, figures checked identical.
# Usage: bench/attendance-files.sh [pupils=137000] [runs=3] [folder=/tmp/attendance-files-<pupils>]
set -euo pipefail
cd "$(dirname "$0")/.."
pupils="${1:-137000}"
runs="${2:-3}"
folder="${3:-/tmp/attendance-files-$pupils}"
# GNU time measures each process (wall, user, system, peak resident set).
if [ ! -x /usr/bin/time ]; then
  apt-get update -qq && apt-get install -y -qq time
fi
dotnet build src/Safeguarding.Cli -c Release -nologo -v quiet
dotnet build bench/Safeguarding.Benchmarks -c Release -nologo -v quiet
dotnet bench/Safeguarding.Benchmarks/bin/Release/net10.0/Safeguarding.Benchmarks.dll attendance-files "$pupils" "$runs" "$folder"
