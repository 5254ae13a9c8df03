#!/usr/bin/env bash
# Writes Safeguarding.slnx from the projects on disk, so that branches adding projects never conflict in it.
set -euo pipefail
cd "$(dirname "$0")/.."
{
  echo '<Solution>'
  for folder in src tests bench; do
    echo "  <Folder Name=\"/$folder/\">"
    find "$folder" -name '*.csproj' -not -path '*/bin/*' -not -path '*/obj/*' | sort | while read -r p; do
      echo "    <Project Path=\"$p\" />"
    done
    echo '  </Folder>'
  done
  echo '</Solution>'
} > Safeguarding.slnx
