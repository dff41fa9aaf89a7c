#!/usr/bin/env bash
# `npm test`: every test file, in TEST_SHARDS (3) jest processes one after another, each running
# its share of the files in band. One process for the whole suite grew past its heap as files
# were added (each file's modules stay loaded until the process ends: 5.8 GB and minutes of
# garbage collection by the 92nd of 111 files, then out of memory); a share of them stays well
# inside it. Every shard runs even when one fails, so one run reports every failure.
# With arguments (`npm test -- src/x.test.ts`), one jest process runs what they name.
set -uo pipefail
export NODE_OPTIONS='--experimental-vm-modules --max-old-space-size=12288'
# The browser tests' screenshots, for people to look at: one folder per run, named here and
# printed, so that every shard of a run writes into the same one.
export SCREENSHOTS_DIR="${SCREENSHOTS_DIR:-$PWD/screenshots/run-$(date -u +%Y%m%dT%H%M%SZ)}"
echo "jest: screenshots of the browser tests go to $SCREENSHOTS_DIR" >&2
if [ $# -gt 0 ]; then exec jest --runInBand "$@"; fi
shards=${TEST_SHARDS:-3}
failed=0
for i in $(seq 1 "$shards"); do
  echo "jest: shard $i of $shards" >&2
  jest --runInBand --shard="$i/$shards" || failed=1
done
exit "$failed"
