#!/usr/bin/env bash
# oris bench launch [JOB] [--keep] [--json FILE] [--profile]: the wall time and CPU time of the same sweep run three ways.
#   run     ./oris run JOB                        (the launcher: embedded Spark local mode, its BLAS exports)
#   jar     java -jar pipeline/target/oris-all.jar run JOB, started from an empty environment (env -i), so without
#           the launcher's OMP_NUM_THREADS / OPENBLAS_CORETYPE: the program's own native thread policy
#   submit  ./oris submit JOB --master spark://127.0.0.1:PORT --jar pipeline/target/oris-cluster.jar, to a Spark
#           standalone Master and Worker this script starts on 127.0.0.1 (free ports, the machine's core count) and
#           stops at the end. The cluster jar is the one a Spark cluster gets (Spark, Scala and Hadoop come from the
#           cluster); --submit-jar all submits the fat oris-all.jar instead.
# Every mode gets the same core count (nproc: local[N] for the embedded modes, a Worker of N cores and one executor
# of N cores for submit) and a fresh data root under a temporary folder (removed at the end unless --keep).
# Goal (issue 11): each mode within 1.1x the fastest. Figures only mean something on a quiet machine.
# --profile also writes each mode's Spark event log and prints where its wall time went (io.oris.pipeline.bench.LaunchProfile:
# start-up before the SparkContext, the wait for an executor, the Spark jobs, the driver between them, the tail).
#
# Started by the launcher: bench-launch.sh LAUNCHER [JOB] [--keep] [--json FILE] [--submit-jar cluster|all|PATH] [--profile]
set -euo pipefail

LAUNCHER="$1"
shift
ROOT="$(cd "$(dirname "$LAUNCHER")" && pwd)"
LAUNCHER="$ROOT/$(basename "$LAUNCHER")"
DEFAULT_JOB="$ROOT/jobs/examples/launch-bench.yaml"
APP_JAR="$ROOT/pipeline/target/oris-all.jar"
CLUSTER_JAR="$ROOT/pipeline/target/oris-cluster.jar"
CLASSPATH_FILE="$ROOT/pipeline/target/classpath.txt"
GOAL=1.1
export LC_NUMERIC=C   # decimal points in bash's time output and printf

say() { printf 'bench launch: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

usage() {
  cat <<EOF
Usage: oris bench launch [JOB] [--keep] [--json FILE] [--submit-jar cluster|all|PATH] [--profile]
Times the same sweep (default: jobs/examples/launch-bench.yaml) three ways and prints wall seconds, user+sys CPU
seconds and each mode's ratio to the fastest:
  run     ./oris run JOB (embedded Spark, local[nproc])
  jar     java -jar pipeline/target/oris-all.jar run JOB from an empty environment (env -i; local[nproc])
  submit  ./oris submit JOB to a Spark standalone Master + Worker (nproc cores) started on 127.0.0.1, with the
          cluster jar (pipeline/target/oris-cluster.jar: Spark, Scala and Hadoop come from the cluster)
Each mode gets a fresh data root in a temporary folder. Goal (issue 11): each mode <= ${GOAL}x the fastest.
  --keep       keep the temporary folder (data roots, logs, the cluster's folders) and print its path
  --json FILE  also write the figures as JSON
  --submit-jar cluster|all|PATH   the application jar of the submit mode (default cluster: oris-cluster.jar;
               all: oris-all.jar, everything inside)
  --profile    also write each mode's Spark event log (uncompressed, in the temporary folder) and print a table of
               where each mode's wall time went: before the SparkContext (JVM, CLI, job), waiting for an executor,
               inside Spark jobs, the driver between jobs, after the last job (report, shutdown), and the tasks'
               deserialisation (class loading in a fresh executor), run and GC time
Figures are only meaningful on a quiet machine (nothing else running).
EOF
}

JOB="" KEEP=0 JSON="" SUBMIT_JAR_ARG="cluster" PROFILE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) KEEP=1 ;;
    --profile) PROFILE=1 ;;
    --json) [ $# -ge 2 ] || { usage >&2; exit 2; }; JSON="$2"; shift ;;
    --json=*) JSON="${1#--json=}" ;;
    --submit-jar) [ $# -ge 2 ] || { usage >&2; exit 2; }; SUBMIT_JAR_ARG="$2"; shift ;;
    --submit-jar=*) SUBMIT_JAR_ARG="${1#--submit-jar=}" ;;
    -h|--help) usage; exit 0 ;;
    -*) say "unknown option $1"; usage >&2; exit 2 ;;
    *) [ -z "$JOB" ] || { say "more than one JOB: $JOB $1"; exit 2; }; JOB="$1" ;;
  esac
  shift
done
JOB="${JOB:-$DEFAULT_JOB}"
case "$SUBMIT_JAR_ARG" in
  cluster) SUBMIT_JAR="$CLUSTER_JAR" ;;
  all) SUBMIT_JAR="$APP_JAR" ;;
  *) [ -f "$SUBMIT_JAR_ARG" ] || { say "--submit-jar: $SUBMIT_JAR_ARG is neither cluster, all nor a jar file"; exit 2; }
     SUBMIT_JAR="$(cd "$(dirname "$SUBMIT_JAR_ARG")" && pwd)/$(basename "$SUBMIT_JAR_ARG")" ;;
esac
[ -f "$JOB" ] || { say "job file $JOB does not exist"; exit 3; }
JOB="$(cd "$(dirname "$JOB")" && pwd)/$(basename "$JOB")"
if [ -n "$JSON" ]; then
  mkdir -p "$(dirname "$JSON")"
  JSON="$(cd "$(dirname "$JSON")" && pwd)/$(basename "$JSON")"
fi

CORES=$(nproc)
CPU_MODEL=$(grep -m1 '^model name' /proc/cpuinfo 2>/dev/null | sed 's/^[^:]*: *//' || true)
CPU_MODEL="${CPU_MODEL:-unknown}"
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ "$COMMIT" != unknown ] && [ -n "$(git -C "$ROOT" status --porcelain 2>/dev/null)" ]; then
  COMMIT="$COMMIT+dirty"
fi
TICKS=$(getconf CLK_TCK)

# --- the temporary folder and the cluster's clean-up --------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/oris-bench-launch.XXXXXX")
MASTER_PID="" WORKER_PID=""

# Stops one process by its id: TERM, up to 15 s, then KILL.
stop_pid() {
  local pid="$1" i
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for i in $(seq 1 75); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$WORKER_PID" ]; then
    # the executors the Worker launched (its children), then the Worker, then the Master
    local child
    for child in $(pgrep -P "$WORKER_PID" 2>/dev/null || true); do stop_pid "$child"; done
    stop_pid "$WORKER_PID"
  fi
  stop_pid "$MASTER_PID"
  if [ "$KEEP" = 1 ]; then
    say "kept $WORK (data roots, logs, cluster folders)"
  else
    rm -rf "$WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'say "interrupted"; exit 130' INT
trap 'say "terminated"; exit 143' TERM

# --- builds --------------------------------------------------------------------------------------------------------
# The launcher's build (jars and classpath.txt), so that no mode's timing includes a build.
"$LAUNCHER" --version >/dev/null
# The fat jar: rebuilt when missing or when a source, pom or jvm.options is newer than it.
if [ ! -f "$APP_JAR" ] || [ -n "$(find "$ROOT" -path "$ROOT/oris-data" -prune -o -path "$ROOT/.git" -prune -o \
      \( -path '*/src/*' -o -name pom.xml -o -name jvm.options -o -path "$ROOT/jobs/data/*" \) -newer "$APP_JAR" \
      -print -quit 2>/dev/null)" ]; then
  say "building $APP_JAR (mvn -Pdist package, tests skipped; a few minutes)..."
  mkdir -p "$ROOT/target"
  (cd "$ROOT" && flock "$ROOT/target/.oris-build.lock" mvn -B -q -o -ntp -Dstyle.color=never -Pdist -DskipTests package) \
    || die "building the fat jar failed (mvn -B -o -Pdist -DskipTests package; offline: where the dist profile's plugins are
not in ~/.m2 yet, run it once without -o)"
  [ -f "$APP_JAR" ] || die "the dist build wrote no $APP_JAR"
fi
[ -f "$SUBMIT_JAR" ] || die "no $SUBMIT_JAR (mvn -B -o -Pdist -DskipTests package writes both cluster jars)"

# --- timing helpers ------------------------------------------------------------------------------------------------
# Seconds of CPU (user + system, its reaped children included) of process $1, from /proc/PID/stat.
proc_cpu() {
  local line rest
  read -r line <"/proc/$1/stat" || { echo 0; return; }
  rest="${line##*) }"
  # shellcheck disable=SC2086
  set -- $rest
  # after "pid (comm) ": state is $1, utime $12, stime $13, cutime $14, cstime $15 (clock ticks)
  awk -v t="$TICKS" -v a="${12}" -v b="${13}" -v c="${14}" -v d="${15}" 'BEGIN { printf "%.2f", (a + b + c + d) / t }'
}

# The OPENBLAS_CORETYPE one of a data root's runs recorded (status.json numerics.openblas_coretype).
coretype_of() {
  local f
  for f in "$1"/runs/*/status.json; do
    [ -f "$f" ] || continue
    local value
    value=$(tr -d '\n' <"$f" | grep -o '"openblas_coretype"[[:space:]]*:[[:space:]]*"[^"]*"' | head -n 1 \
              | sed 's/.*"\([^"]*\)"$/\1/' || true)
    echo "${value:-unrecorded}"
    return 0
  done
  echo "no run"
}

# fails MODE LOG RC: says which mode failed, shows the tail of its log, exits non-zero.
fails() {
  say "mode '$1' failed (exit $3); last lines of its log ($2):"
  tail -n 40 "$2" >&2 || true
  [ "$KEEP" = 1 ] || say "(rerun with --keep to keep the logs and data roots)"
  exit 1
}

MODES=() WALL=() CPU=() CORETYPE=() COMMANDS=() SPANS=()
# timed MODE DATA_ROOT COMMAND...: runs the command from the repository root with its output in
# WORK/MODE.log and records wall and user+sys CPU seconds (bash's time: the command and its children).
timed() {
  local mode="$1" root="$2"; shift 2
  local log="$WORK/$mode.log" times rc
  say "mode $mode: $*"
  set +e
  TIMEFORMAT='%R %U %S'
  # time's report only (the command's output goes to its log); in a subshell, so that on Ctrl-C this script's own
  # stderr is back in place when the trap runs
  local start_ms end_ms
  start_ms=$(date +%s%3N)
  times=$( { time { (cd "$ROOT" && "$@") >"$log" 2>&1; }; } 2>&1 )
  rc=$?
  end_ms=$(date +%s%3N)
  set -e
  [ "$rc" -eq 0 ] || fails "$mode" "$log" "$rc"
  local real user sys
  read -r real user sys <<<"$(printf '%s\n' "$times" | tail -n 1)"
  MODES+=("$mode")
  WALL+=("$real")
  CPU+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')")
  CORETYPE+=("$(coretype_of "$root")")
  COMMANDS+=("$*")
  SPANS+=("$mode=$WORK/events-$mode:$start_ms:$end_ms")
  say "mode $mode: ${real} s wall"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
say "job $JOB, $CORES cores, commit $COMMIT, load average $LOAD_BEFORE; work folder $WORK"

# --profile: every mode writes its application's Spark event log to WORK/events-MODE (uncompressed, for LaunchProfile)
EVENTS_RUN=() EVENTS_JAR=() EVENTS_SUBMIT=()
if [ "$PROFILE" = 1 ]; then
  for m in run jar submit; do mkdir -p "$WORK/events-$m"; done
  # (ORIS_JAVA_OPTS is split on spaces by the launcher; the temporary folder's path has none)
  EVENTS_RUN=(env ORIS_JAVA_OPTS="${ORIS_JAVA_OPTS:-} -Dspark.eventLog.enabled=true -Dspark.eventLog.dir=file://$WORK/events-run -Dspark.eventLog.compress=false")
  EVENTS_JAR=(-Dspark.eventLog.enabled=true "-Dspark.eventLog.dir=file://$WORK/events-jar" -Dspark.eventLog.compress=false)
  EVENTS_SUBMIT=(--conf spark.eventLog.enabled=true --conf "spark.eventLog.dir=file://$WORK/events-submit"
                 --conf spark.eventLog.compress=false)
fi

# --- 1. the launcher ------------------------------------------------------------------------------------------------
timed run "$WORK/data-run" "${EVENTS_RUN[@]}" "$LAUNCHER" run "$JOB" --master "local[$CORES]" --data-root "$WORK/data-run"

# --- 2. java -jar from an empty environment -------------------------------------------------------------------------
JAVA_BIN=$(command -v java)
timed jar "$WORK/data-jar" env -i PATH=/usr/bin:/bin HOME="$HOME" "$JAVA_BIN" "${EVENTS_JAR[@]}" -jar "$APP_JAR" \
  run "$JOB" --master "local[$CORES]" --data-root "$WORK/data-jar"

# --- 3. submit to a standalone cluster on 127.0.0.1 -----------------------------------------------------------------
# A free TCP port on 127.0.0.1 (nothing accepts connections on it), not one of the ports already picked.
PICKED=" "
free_port() {
  local p i
  for i in $(seq 1 200); do
    p=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    case "$PICKED" in *" $p "*) continue ;; esac
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      PICKED="$PICKED$p "
      echo "$p"
      return 0
    fi
  done
  die "found no free port on 127.0.0.1"
}

CLUSTER="$WORK/cluster"
SPARK_HOME_DIR="$CLUSTER/spark-home"
mkdir -p "$SPARK_HOME_DIR/jars" "$CLUSTER/worker" "$CLUSTER/local" "$CLUSTER/logs"
# A stand-in Spark distribution: jars/ links the runtime jars of this build's class path (Spark, Scala, Hadoop and the
# rest), as a Spark install's jars/ holds Spark and its runtime; the Worker starts executors from jars/*. oris's own
# module jars are left out: the executors get oris from the application jar, as on a real cluster. (The tests'
# LoopbackSparkCluster links only the Spark jars because its executors also get the test class path.)
[ -f "$CLASSPATH_FILE" ] || die "no $CLASSPATH_FILE (the launcher's build writes it)"
tr ':' '\n' <"$CLASSPATH_FILE" | while IFS= read -r entry; do
  case "$entry" in
    "$ROOT"/*) ;;
    *.jar) [ -f "$entry" ] && ln -sf "$entry" "$SPARK_HOME_DIR/jars/$(basename "$entry")" ;;
  esac
done
ls "$SPARK_HOME_DIR"/jars/spark-core_*.jar >/dev/null 2>&1 || die "no spark-core jar on $CLASSPATH_FILE"
echo "Spark (oris bench launch stand-in distribution)" >"$SPARK_HOME_DIR/RELEASE"

MASTER_PORT=$(free_port)
MASTER_UI=$(free_port)
WORKER_UI=$(free_port)
MASTER_URL="spark://127.0.0.1:$MASTER_PORT"
EXEC_GB=$(( CORES + 1 > 3 ? CORES + 1 : 3 ))
WORKER_GB=$(( EXEC_GB + 1 ))
cluster_env=(env SPARK_HOME="$SPARK_HOME_DIR" SPARK_LOCAL_IP=127.0.0.1 SPARK_SCALA_VERSION=2.13
             SPARK_LOCAL_DIRS="$CLUSTER/local" OMP_NUM_THREADS=1)
say "starting a Spark standalone Master ($MASTER_URL) and a Worker ($CORES cores, ${WORKER_GB}g)"
"${cluster_env[@]}" java "@$ROOT/jvm.options" -Xmx512m -cp "$SPARK_HOME_DIR/jars/*" \
  org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$MASTER_PORT" --webui-port "$MASTER_UI" \
  >"$CLUSTER/logs/master.log" 2>&1 &
MASTER_PID=$!

wait_for() { # wait_for SECONDS COMMAND...: polls COMMAND every 0.2 s until it succeeds; false after SECONDS
  local seconds="$1" i; shift
  for i in $(seq 1 $(( seconds * 5 ))); do
    "$@" && return 0
    sleep 0.2
  done
  return 1
}
master_up() {
  kill -0 "$MASTER_PID" 2>/dev/null || { say "the Master exited"; tail -n 40 "$CLUSTER/logs/master.log" >&2; exit 1; }
  (exec 3<>"/dev/tcp/127.0.0.1/$MASTER_PORT") 2>/dev/null
}
wait_for 90 master_up || { tail -n 40 "$CLUSTER/logs/master.log" >&2; die "the Master did not open port $MASTER_PORT in 90 s"; }

"${cluster_env[@]}" java "@$ROOT/jvm.options" -Xmx512m -cp "$SPARK_HOME_DIR/jars/*" \
  org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores "$CORES" --memory "${WORKER_GB}g" \
  --webui-port "$WORKER_UI" --work-dir "$CLUSTER/worker" "$MASTER_URL" \
  >"$CLUSTER/logs/worker.log" 2>&1 &
WORKER_PID=$!
worker_registered() {
  kill -0 "$WORKER_PID" 2>/dev/null || { say "the Worker exited"; tail -n 40 "$CLUSTER/logs/worker.log" >&2; exit 1; }
  grep -q "Successfully registered with master" "$CLUSTER/logs/worker.log"
}
wait_for 90 worker_registered || { tail -n 40 "$CLUSTER/logs/worker.log" >&2; die "the Worker did not register with $MASTER_URL in 90 s"; }

# the cluster's CPU (Master, Worker and the executors the Worker reaped) counts toward the submit mode
CLUSTER_CPU_BEFORE=$(awk -v a="$(proc_cpu "$MASTER_PID")" -v b="$(proc_cpu "$WORKER_PID")" 'BEGIN { printf "%.2f", a + b }')
timed submit "$WORK/data-submit" env SPARK_HOME="$SPARK_HOME_DIR" SPARK_LOCAL_IP=127.0.0.1 \
  "$LAUNCHER" submit "$JOB" --master "$MASTER_URL" --jar "$SUBMIT_JAR" --data-root "$WORK/data-submit" \
  --executor-memory "${EXEC_GB}g" --conf "spark.executor.cores=$CORES" --conf "spark.cores.max=$CORES" \
  --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 "${EVENTS_SUBMIT[@]}"
# the application is over: wait for the Worker to stop and reap its executors, so that their CPU is counted
no_executors() { [ -z "$(pgrep -P "$WORKER_PID" 2>/dev/null || true)" ]; }
wait_for 60 no_executors || say "the Worker's executors were still running 60 s after submit returned"
CLUSTER_CPU_AFTER=$(awk -v a="$(proc_cpu "$MASTER_PID")" -v b="$(proc_cpu "$WORKER_PID")" 'BEGIN { printf "%.2f", a + b }')
last=$(( ${#CPU[@]} - 1 ))
CPU[$last]=$(awk -v s="${CPU[$last]}" -v a="$CLUSTER_CPU_BEFORE" -v b="$CLUSTER_CPU_AFTER" 'BEGIN { printf "%.2f", s + b - a }')
ls "$CLUSTER/worker" | grep -q '^app-' || say "warning: the Worker ran no application (did submit use the cluster?)"

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the table -----------------------------------------------------------------------------------------------------
FASTEST=$(printf '%s\n' "${WALL[@]}" | sort -g | head -n 1)
RATIO=() MET=1
for i in "${!MODES[@]}"; do
  RATIO+=("$(awk -v w="${WALL[$i]}" -v f="$FASTEST" 'BEGIN { printf "%.2f", (f > 0 ? w / f : 1) }')")
  awk -v r="${RATIO[$i]}" -v g="$GOAL" 'BEGIN { exit !(r <= g) }' || MET=0
done
describe() {
  case "$1" in
    run) echo "./oris run (local[$CORES])" ;;
    jar) echo "java -jar oris-all.jar, env -i (local[$CORES])" ;;
    submit) echo "./oris submit $(basename "$SUBMIT_JAR"), standalone $CORES cores" ;;
  esac
}

echo
echo "oris bench launch: $(basename "$JOB") on $CORES cores, $CPU_MODEL"
echo "commit $COMMIT; load average before $LOAD_BEFORE, after $LOAD_AFTER"
printf '%-8s %-44s %9s %9s %10s  %s\n' mode how "wall s" "cpu s" "x fastest" "OPENBLAS_CORETYPE"
for i in "${!MODES[@]}"; do
  printf '%-8s %-44s %9.1f %9.1f %10.2f  %s\n' "${MODES[$i]}" "$(describe "${MODES[$i]}")" "${WALL[$i]}" "${CPU[$i]}" \
    "${RATIO[$i]}" "${CORETYPE[$i]}"
done
echo "cpu s: user + system of the command and its children; submit adds the Master's, the Worker's and its executors'."
echo "The cluster's start-up is not timed. Goal (issue 11): each mode <= ${GOAL}x the fastest: $([ "$MET" = 1 ] && echo met || echo missed)."
echo "Figures mean something only from a quiet machine (load average near 0 before the run)."

if [ "$PROFILE" = 1 ]; then
  echo
  echo "Where each mode's wall time went (seconds; from its Spark event log and the bench's start and end times):"
  java "@$ROOT/jvm.options" -cp "$APP_JAR" io.oris.pipeline.bench.LaunchProfile "${SPANS[@]}" \
    || say "the profile could not be read (see above)"
  echo "before Spark: process start to SparkContext start; to 1st job: SparkContext start to the first job, of which"
  echo "(executor): the SparkContext start to the first executor's registration (it can end after the first job began);"
  echo "after last job: report, SparkContext stop, JVM exit. task columns: sums over all tasks, which run in parallel."
fi

if [ -n "$JSON" ]; then
  json_str() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }
  {
    printf '{\n  "bench": "launch",\n'
    printf '  "job": %s,\n' "$(json_str "$JOB")"
    printf '  "commit": %s,\n' "$(json_str "$COMMIT")"
    printf '  "machine": {"nproc": %d, "cpu": %s},\n' "$CORES" "$(json_str "$CPU_MODEL")"
    printf '  "load_average_before": %s,\n  "load_average_after": %s,\n' "$(json_str "$LOAD_BEFORE")" "$(json_str "$LOAD_AFTER")"
    printf '  "goal_ratio": %s,\n  "goal_met": %s,\n' "$GOAL" "$([ "$MET" = 1 ] && echo true || echo false)"
    printf '  "modes": [\n'
    for i in "${!MODES[@]}"; do
      printf '    {"mode": %s, "command": %s, "wall_s": %s, "cpu_s": %s, "ratio_to_fastest": %s, "openblas_coretype": %s}%s\n' \
        "$(json_str "${MODES[$i]}")" "$(json_str "${COMMANDS[$i]}")" "${WALL[$i]}" "${CPU[$i]}" "${RATIO[$i]}" \
        "$(json_str "${CORETYPE[$i]}")" "$([ "$i" -lt $(( ${#MODES[@]} - 1 )) ] && echo , || true)"
    done
    printf '  ]\n}\n'
  } >"$JSON"
  echo "wrote $JSON"
fi
