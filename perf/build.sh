#!/usr/bin/env bash
# Builds what the perf suite runs, into perf/.out (git-ignored): the app (Release, published), the
# empty-template baseline, and the load client. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet publish src/BackOnTrack.Web -c Release -o perf/.out/app --nologo -v q
dotnet publish perf/baseline/EmptyBlazor -c Release -o perf/.out/baseline --nologo -v q
dotnet build perf/BackOnTrack.Perf -c Release --nologo -v q
