#!/usr/bin/env bash
# Builds what the perf suite runs, into perf/.out (git-ignored): the app with its Production publish profile
# (Release, ReadyToRun), the empty-template baseline built the same way, and the load client. Run from the
# repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet publish src/BackOnTrack.Web -c Release -p:PublishProfile=Production -o perf/.out/app --nologo -v q
dotnet publish perf/baseline/EmptyBlazor -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o perf/.out/baseline --nologo -v q
dotnet build perf/BackOnTrack.Perf -c Release --nologo -v q
