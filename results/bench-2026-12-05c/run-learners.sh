#!/bin/bash
OUT=/work/scratch/quiet3
cd /work/wt-bench
{ date -u +"%FT%TZ before learners"; cat /proc/loadavg; } >> $OUT/timeline.txt
./oris bench learners --method sac,cql,iql,td3bc,h2o --json $OUT/l.json > $OUT/learners.txt 2>&1
echo "rc=$?" >> $OUT/learners.txt
{ date -u +"%FT%TZ after learners"; cat /proc/loadavg; } >> $OUT/timeline.txt
