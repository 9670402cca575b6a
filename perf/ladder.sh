#!/usr/bin/env bash
# The full ladder: 50-member storm, then 100 / 500 / 1,000 / 2,000 circuits training for 60 s each with
# 10 s think time, the trainer log, and the same ladder on the empty template. Bounded to 40 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f perf/.out/app/BackOnTrack.Web.dll ] || perf/build.sh
dotnet perf/BackOnTrack.Perf/bin/Release/net10.0/BackOnTrack.Perf.dll ladder --data perf/.out/data-ladder --members 2000 "$@"
