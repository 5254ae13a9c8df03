#!/usr/bin/env bash
# After merging branches that each added a migration, the model snapshots conflict. Resolve them to either
# side, then run this: it rewrites each provider's snapshot to the current model by adding a throwaway
# migration and deleting its files. The merged migrations themselves must cover the model: the tests, which
# migrate every database from empty, show it.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  project="src/Safeguarding.Migrations.$provider"
  dotnet build "$project" -v q -nologo >/dev/null
  dotnet ef migrations add SnapshotOnly --project "$project" --startup-project "$project" --output-dir Migrations >/dev/null
  rm "$project"/Migrations/*_SnapshotOnly.cs "$project"/Migrations/*_SnapshotOnly.Designer.cs
  echo "$provider: snapshot rewritten"
done
