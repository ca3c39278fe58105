#!/usr/bin/env bash
# scale.sh - the scale benchmark (not a test): COBA N=100000 for 1 s bio with 1 and 2
# threads beside Brian2 cpp_standalone in the same run, and the Potjans-Diesmann-sized network
# (77 169 neurons, ~3e8 synapses) with just-in-time connectivity, 100 ms bio within -Xmx2g.
#
# usage: scale.sh [N] [T_S] [PD_T_MS]     defaults: 100000 1 100
# env:   SKIP_BRIAN2=1 to skip Brian2; SKIP_PD=1 to skip the microcircuit;
#        SKIP_SCALING=1 to skip the warm 1-vs-2-thread comparison beside a control loop (ScalingBenchmark); JAVA_OPTS extra JVM options
# output: one line per run (myelin ... / brian2 ...) with build_s, run_s, bytes per synapse and peak
#         memory, for myelin also cpu_s (user + system CPU of the whole JVM, build and run; on a loaded
#         machine it is steadier than wall time) (peak_rss_mb from /usr/bin/time: the JVM process; for Brian2 the python process or any
#         child it waited for, i.e. the compiler or the standalone binary), then a summary.
set -euo pipefail
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
N=${1:-100000} T=${2:-1} PD_T=${3:-100}
T_MS=$(awk -v t="$T" 'BEGIN{print t*1000}')

cd "$ROOT"
source bin/java-env
myelin_need_maven
[ -x /usr/bin/time ] || { echo "scale.sh: /usr/bin/time is needed (apt-get install time)" >&2; exit 3; }
echo "# scale.sh $(date -u +%Y-%m-%dT%H:%MZ) commit=$(git rev-parse --short HEAD 2>/dev/null) cpu=\"$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)\" cores=$(nproc) java=$(java -version 2>&1 | head -1 | tr -d '"')"
mvn -q -o -pl myelin-bench -am package -DskipTests || mvn -q -pl myelin-bench -am package -DskipTests
JAR=$ROOT/myelin-bench/target/myelin-benchmarks.jar
TIME=/usr/bin/time

myelin() {  # myelin XMX ARGS... : one line with peak_rss_mb appended
  local xmx=$1; shift
  local tf; tf=$(mktemp)
  local line
  line=$("$TIME" -f '%M %U %S' -o "$tf" java --add-modules jdk.incubator.vector -XX:+UseSerialGC -Xms64m "-Xmx$xmx" \
    ${JAVA_OPTS:-} -cp "$JAR" org.myelin.bench.ScaleBenchmark "$@" 2>/dev/null | grep '^myelin ')
  local kb cpu
  kb=$(grep -E '^[0-9]+ ' "$tf" | tail -n 1 | cut -d' ' -f1)
  cpu=$(grep -E '^[0-9]+ ' "$tf" | tail -n 1 | awk '{printf "%.2f", $2 + $3}'); rm -f "$tf"
  echo "$line peak_rss_mb=$(awk -v k="${kb:-0}" 'BEGIN{printf "%.1f", k/1024}') cpu_s=${cpu:-NA}"
}

field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }
ratio() { awk -v a="$(field "$1" "$3")" -v b="$(field "$2" "$3")" 'BEGIN{printf "%.2f", a/b}'; }  # LINE_A LINE_B FIELD

BRIAN=
if [ -z "${SKIP_BRIAN2:-}" ]; then
  # exit 2: Brian2 is not installed and cannot be; the Myelin runs go on without it
  BRIAN=$("$SCRIPT_DIR/brian2-run.sh" coba cpp "$T" "$N") || { rc=$?; [ $rc -eq 2 ] || exit $rc; echo "$BRIAN"; BRIAN=; }
  [ -z "$BRIAN" ] || echo "$BRIAN"
fi
M1=$(myelin 1g coba "$N" "$T_MS" 1); echo "$M1"
M2=$(myelin 1g coba "$N" "$T_MS" 2); echo "$M2"
J1=$(myelin 1g coba "$N" "$T_MS" 1 jit); echo "$J1"
J2=$(myelin 1g coba "$N" "$T_MS" 2 jit); echo "$J2"
if [ -z "${SKIP_PD:-}" ]; then
  P1=$(myelin 2g pd "$PD_T" 1); echo "$P1"
  P2=$(myelin 2g pd "$PD_T" 2); echo "$P2"
fi
echo "# speed-up 2 threads vs 1: $(ratio "$M1" "$M2" run_s) (just-in-time: $(ratio "$J1" "$J2" run_s)${P1:+; microcircuit: $(ratio "$P1" "$P2" run_s)})"
if [ -z "${SKIP_SCALING:-}" ]; then
  # after warm-up, interleaved with a loop that needs no memory and no synchronisation: what this
  # machine's second core gives at the moment (on a shared VM often much less than a whole core)
  java --add-modules jdk.incubator.vector -XX:+UseSerialGC -Xmx2g ${JAVA_OPTS:-} -cp "$JAR" \
    org.myelin.bench.ScalingBenchmark "$N" 20 1000 2>/dev/null | grep '^scaling '
fi
if [ -n "$BRIAN" ]; then
  echo "# memory myelin(1 thread)/brian2: $(ratio "$M1" "$BRIAN" peak_rss_mb)"
  echo "# run time myelin(1 thread)/brian2: $(ratio "$M1" "$BRIAN" run_s)"
fi
