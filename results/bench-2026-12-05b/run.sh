#!/bin/bash
cd /work/wt-s7
Q=/work/scratch/quiet2
t() { echo "=== $(date +%T) $1 | load $(cut -d' ' -f1-3 /proc/loadavg)" >> $Q/timeline.txt; }
t start
sleep 20
./oris bench sim --json $Q/s.json > $Q/sim.txt 2>&1; t "sim rc=$?"
./oris bench learners --method sac,cql,td3bc,h2o --json $Q/l.json > $Q/learners.txt 2>&1; t "learners rc=$?"
./oris bench launch --json $Q/launch.json > $Q/launch.txt 2>&1; t "launch rc=$?"
./oris bench launch --submit-jar all --json $Q/launch-all.json > $Q/launch-all.txt 2>&1; t "launch-all rc=$?"
t done
