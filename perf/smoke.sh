#!/usr/bin/env bash
# The short smoke run (under 2 minutes once built and seeded): 20-member storm, 10 circuits training,
# trainer log, baselines, wrk. Loopback only; the suite stops by itself (bounded to 4 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f perf/.out/app/BackOnTrack.Web.dll ] || perf/build.sh
dotnet perf/BackOnTrack.Perf/bin/Release/net10.0/BackOnTrack.Perf.dll smoke --data perf/.out/data --members 200 "$@"
