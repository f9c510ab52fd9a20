#!/bin/bash
# Quiet-window launch profile (issue 11): nothing else may run.
OUT=/work/scratch/quiet3
cd /work/wt-bench
{ date -u +"%FT%TZ before"; cat /proc/loadavg; } >> $OUT/timeline.txt
./oris bench launch --profile --keep --json $OUT/launch-2.json > $OUT/launch-2.txt 2>&1
echo "rc=$?" >> $OUT/launch-2.txt
{ date -u +"%FT%TZ after launch 2"; cat /proc/loadavg; } >> $OUT/timeline.txt
