#!/usr/bin/env bash
# Restore drill for PostgreSQL (point in time) and SQLite (online backup). Throwaway clusters only; nothing shared
# is touched. Usage: scripts/drills/restore.sh [postgres|sqlite|all]   (default all)
# Settings: DRILL_DIR (work folder, default a new one under /tmp), DRILL_PORT (default 55490; the restored cluster
# uses the next port), ARCHIVE_TIMEOUT (seconds, default 60: the most writes a lost server can take with it).
# Needs a Release build of the CLI (dotnet build src/Safeguarding.Cli -c Release) and PostgreSQL 15 binaries.
set -euo pipefail
what=${1:-all}
root=$(cd "$(dirname "$0")/../.." && pwd)
dll=$root/src/Safeguarding.Cli/bin/Release/net10.0/safeguard.dll
[[ -f $dll ]] || { echo "Build the CLI first: dotnet build src/Safeguarding.Cli -c Release" >&2; exit 1; }
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
work=${DRILL_DIR:-$(mktemp -d /tmp/safeguard-restore.XXXXXX)}
port=${DRILL_PORT:-55490}
port2=$((port + 1))
archive_timeout=${ARCHIVE_TIMEOUT:-60}
mkdir -p "$work"
chmod 755 "$work"
as_postgres() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
log() { echo "[$(date -u +%H:%M:%S)] $*"; }

# A police force's batch of incidents, one child each, references unique to the batch.
incidents() { # file batch count
  {
    echo "police_reference,occurred_at,reported_at,postcode,address,category,summary,victim_given_name,victim_family_name,victim_date_of_birth,harm_given_name,harm_family_name,harm_date_of_birth,child_id,child_given_name,child_family_name,child_date_of_birth,child_sex,child_address,child_postcode,child_relationship,child_present,child_saw_or_heard,child_resident,child_spoken_to,child_what_they_said,child_school_named"
    for i in $(seq 1 "$3"); do
      echo "DR-$2-$i,2026-03-27T20:00:00+00:00,2026-03-27T20:30:00+00:00,AV1 1AA,1 Example Street,Physical,Shouting heard,Alex,Example,1990-02-03,,,,,Robin,Example$i,2016-05-06,Female,,AV1 1AA,child of victim,yes,yes,yes,no,,"
    done
  } >"$1"
}

postgres_drill() {
  local primary=$work/pg-primary restored=$work/pg-restored archive=$work/wal-archive base=$work/base-backup
  mkdir -p "$archive" && chown -R postgres:postgres "$work" 2>/dev/null || true
  trap 'as_postgres "$bin/pg_ctl" -D "$primary" -m immediate stop >/dev/null 2>&1 || true; as_postgres "$bin/pg_ctl" -D "$restored" -m immediate stop >/dev/null 2>&1 || true' EXIT
  log "PostgreSQL: a primary on port $port archiving WAL to $archive (archive_timeout ${archive_timeout}s)"
  as_postgres "$bin/initdb" -D "$primary" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log"
  cat >>"$primary/postgresql.auto.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$work'
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $archive/%f && cp %p $archive/%f'
archive_timeout = $archive_timeout
CONF
  as_postgres "$bin/pg_ctl" -D "$primary" -l "$work/primary.log" -w start >/dev/null
  local cs="Host=127.0.0.1;Port=$port;Username=postgres;Database=safeguarding"
  safeguard() { (cd "$work" && Database__Provider=Postgres ConnectionStrings__Safeguarding="$cs" dotnet exec "$dll" "$@"); }
  psqlp() { as_postgres "$bin/psql" -h 127.0.0.1 -p "$1" -U postgres -d safeguarding -Atq -v ON_ERROR_STOP=1 "${@:2}"; }

  safeguard db migrate >/dev/null
  safeguard demo seed --scale small >/dev/null
  log "Seeded the demo partnership; taking the base backup"
  as_postgres "$bin/pg_basebackup" -h 127.0.0.1 -p "$port" -U postgres -D "$base" -X stream -c fast
  incidents "$work/batch-1.csv" 1 50
  safeguard encompass import --file "$work/batch-1.csv" >/dev/null
  log "Wrote batch 1 (50 incidents) after the base backup"

  # The state to come back to: every table's row count and checksum (md5 of its rows in order), then the time.
  checksums() { psqlp "$1" -c "SELECT string_agg(format('SELECT %L, count(*), md5(coalesce(string_agg(t::text, ''|'' ORDER BY t::text), '''')) FROM %I t', tablename, tablename), ' UNION ALL ') FROM pg_tables WHERE schemaname = 'public'" \
    | psqlp "$1" -F ' ' | sort; }
  checksums "$port" >"$work/at-target.txt"
  sleep 1
  local target; target=$(psqlp "$port" -c "SELECT now()")
  sleep 1
  incidents "$work/batch-2.csv" 2 50
  safeguard encompass import --file "$work/batch-2.csv" >/dev/null
  log "Target time $target; wrote batch 2 (50 incidents) after it, which the restore must not have"

  # The primary is lost. What the archive holds by then decides the RPO: writes since the last archived segment.
  psqlp "$port" -c "SELECT pg_switch_wal()" >/dev/null  # closes the segment holding the target, as archive_timeout would
  sleep 2
  local unarchived; unarchived=$(psqlp "$port" -c "SELECT coalesce(extract(epoch FROM now() - last_archived_time)::numeric(10,1), -1) FROM pg_stat_archiver")
  as_postgres "$bin/pg_ctl" -D "$primary" -m immediate stop >/dev/null
  log "Primary stopped (immediate); the newest archived segment was ${unarchived}s old"

  local t0; t0=$(now)
  cp -a "$base" "$restored"
  touch "$restored/recovery.signal"
  cat >>"$restored/postgresql.auto.conf" <<CONF
port = $port2
restore_command = 'cp $archive/%f %p'
recovery_target_time = '$target'
recovery_target_action = 'promote'
archive_mode = off
CONF
  chown -R postgres:postgres "$restored"
  as_postgres "$bin/pg_ctl" -D "$restored" -l "$work/restored.log" -w -t 300 start >/dev/null
  until [[ $(psqlp "$port2" -c "SELECT pg_is_in_recovery()") == f ]]; do sleep 0.2; done
  checksums "$port2" >"$work/restored.txt"
  local cs2="Host=127.0.0.1;Port=$port2;Username=postgres;Database=safeguarding"
  local verify; verify=$(cd "$work" && Database__Provider=Postgres ConnectionStrings__Safeguarding="$cs2" dotnet exec "$dll" audit verify 2>&1 | tail -n 1)
  local t1; t1=$(now)
  local tables; tables=$(wc -l <"$work/at-target.txt")
  local rows; rows=$(awk '{ s += $2 } END { print s }' "$work/at-target.txt")
  local after; after=$(psqlp "$port2" -c "SELECT count(*) FROM encompass_incidents WHERE \"PoliceReference\" LIKE 'DR-2-%'")
  if diff -u "$work/at-target.txt" "$work/restored.txt" >"$work/checksums.diff" && [[ $after == 0 ]] && [[ $verify == *"is intact"* ]]; then
    log "PostgreSQL restore VERIFIED: $tables tables, $rows rows, every checksum equal to the target time's; batch 2 absent; audit verify: $verify"
    log "PostgreSQL RTO $(secs "$t0" "$t1")s (copy base backup, replay WAL to the target, promote, checksum, audit verify); RPO: ${unarchived}s at the loss, at most archive_timeout = ${archive_timeout}s by design"
  else
    log "PostgreSQL restore FAILED: see $work/checksums.diff; batch 2 rows: $after; audit verify: $verify"; return 1
  fi
  as_postgres "$bin/pg_ctl" -D "$restored" -m fast stop >/dev/null
  trap - EXIT
}

sqlite_drill() {
  local dir=$work/sqlite
  mkdir -p "$dir"
  safeguard() { (cd "$dir" && Database__Provider=Sqlite Safeguarding__DataDirectory="$dir" dotnet exec "$dll" "$@"); }
  log "SQLite: seeding, then backing up while an import writes"
  safeguard db migrate >/dev/null
  safeguard demo seed --scale small >/dev/null
  incidents "$dir/batch-1.csv" 1 200
  safeguard encompass import --file "$dir/batch-1.csv" >/dev/null &
  local writer=$!
  # Back up once the import has begun to write, so the copy is taken in the middle of it.
  until python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1], timeout=30); sys.exit(0 if c.execute(\"select count(*) from encompass_incidents where PoliceReference like 'DR-1-%'\").fetchone()[0] > 0 else 1)" "$dir/safeguarding.db" 2>/dev/null; do
    kill -0 "$writer" 2>/dev/null || break
    sleep 0.2
  done
  local t0; t0=$(now)
  safeguard db backup --to "$dir/backup.db"
  local t1; t1=$(now)
  wait "$writer"
  # Restore: the host stopped, the copy put in place of the database file, then checked.
  mkdir -p "$dir/restored"
  cp "$dir/backup.db" "$dir/restored/safeguarding.db"
  local verify; verify=$( (cd "$dir/restored" && Database__Provider=Sqlite Safeguarding__DataDirectory="$dir/restored" dotnet exec "$dll" audit verify 2>&1) | tail -n 1)
  local t2; t2=$(now)
  local copied; copied=$(python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute(\"select count(*) from encompass_incidents where PoliceReference like 'DR-1-%'\").fetchone()[0])" "$dir/restored/safeguarding.db")
  log "SQLite backup took $(secs "$t0" "$t1")s while the import ran; the copy holds $copied of 200 incidents of the batch in flight (a consistent moment); audit verify on the restored copy: $verify"
  log "SQLite RTO $(secs "$t0" "$t2")s (backup, put in place, audit verify); RPO: writes after the last backup (as often as it is scheduled)"
}

case $what in
  postgres) postgres_drill ;;
  sqlite) sqlite_drill ;;
  all) postgres_drill; sqlite_drill ;;
  *) echo "usage: $0 [postgres|sqlite|all]" >&2; exit 2 ;;
esac
