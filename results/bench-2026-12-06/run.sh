#!/bin/bash
# issue 11: every bench on one quiet machine, one after the other. NEW is a build of this folder's commit, OLD of
# its parent's code before the VectorEnv change (for the env-stepping A/B only); OUT collects the outputs.
NEW=${NEW:-/work/wt-bench}
OLD=${OLD:-/work/main}
OUT=${OUT:-/work/scratch/quiet6}
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$OUT"
mark() { echo "=== $(date -u +%FT%TZ) $1 | load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/timeline.txt"; }
mark start
for round in 1 2; do
  (cd "$OLD" && ./oris bench sim --json "$OUT/s-old-$round.json" > "$OUT/sim-old-$round.txt" 2>&1); mark "sim old $round rc=$?"
  (cd "$NEW" && ./oris bench sim --json "$OUT/s-$round.json" > "$OUT/sim-$round.txt" 2>&1); mark "sim new $round rc=$?"
done
(cd "$NEW" && ./oris bench ingest --json "$OUT/i.json" > "$OUT/ingest.txt" 2>&1); mark "ingest rc=$?"
(cd "$NEW" && ./oris bench learners --json "$OUT/l.json" > "$OUT/learners.txt" 2>&1); mark "learners rc=$?"
D=$(mktemp -d /tmp/oris-whole.XXXX)
(cd "$NEW" && /usr/bin/time -v ./oris run "$HERE/../bench-2026-12-05/oris-whole.yaml" --data-root "$D" > "$OUT/oris-whole.txt" 2>&1
 java -cp "pipeline/target/oris-pipeline-0.1.0-SNAPSHOT.jar:$(cat pipeline/target/classpath.txt)" \
   "$HERE/../bench-2026-12-05/RunSeconds.java" "$D" >> "$OUT/oris-whole.txt" 2>&1); mark "oris-whole rc=$?"
(cd "$NEW" && ./oris bench launch --profile --json "$OUT/launch.json" > "$OUT/launch.txt" 2>&1); mark "launch rc=$?"
mark done
