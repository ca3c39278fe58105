#!/usr/bin/env bash
# The training benchmarks of docs/TRAINING.md, Myelin beside PyTorch (Debian's python3-torch) in the same run.
#
# usage: myelin-bench/scripts/train-bench.sh [--repeat R] [--threads "1 2"] [--no-randman] [--randman-seeds "1 2 3"] [--no-cues]
#        [--out FILE]
#
#  speed    a recurrent LIF network 100 -> 200 -> 10, 100 steps, batch 256, fast-sigmoid surrogate, Adam: median
#           time per training step (forward, backward, optimiser) and peak RSS; per repetition and thread count
#           Myelin and PyTorch run back to back (interleaved), each in its own process
#  randman  Randman (10 classes, 20 inputs, 100 steps, 1 spike per input, dimension 1), 100 recurrent LIF, 50 epochs:
#           test accuracy for each seed (data, initial weights and batch order); PyTorch trains on the data,
#           initial weights and batch order Myelin wrote, so the pair differs only in arithmetic
#  cues     e-prop cue accumulation, 50 LIF + 50 ALIF, 500 iterations of 64 fresh trials: validation error (Myelin)
# Prints a Markdown table of medians with the commit; raw lines go to --out (default
# myelin-bench/target/train-bench-<time>.txt). Without PyTorch its columns say n/a.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/bin/java-env"
myelin_need_maven
REPEAT=3
THREADS="1 2"
RANDMAN=1
RANDMAN_SEEDS="1 2 3"
CUES=1
OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --repeat) REPEAT=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --no-randman) RANDMAN=0; shift ;;
    --randman-seeds) RANDMAN_SEEDS=$2; shift 2 ;;
    --no-cues) CUES=0; shift ;;
    --out) OUT=$2; shift 2 ;;
    -h|--help) awk 'NR >= 2 && /^#/ { sub(/^# ?/, ""); print; next } NR >= 2 { exit }' "$0" >&2; exit 1 ;;
    *) echo "train-bench: unknown option '$1'" >&2; exit 1 ;;
  esac
done
mkdir -p "$root/myelin-bench/target"
OUT=${OUT:-"$root/myelin-bench/target/train-bench-$(date +%Y%m%d-%H%M%S).txt"}
jar="$root/myelin-bench/target/myelin-benchmarks.jar"
echo "train-bench: building the benchmark jar..." >&2
(cd "$root" && mvn -q -B -ntp -Dmaven.test.skip=true package -pl myelin-bench -am >/dev/null)
commit=$(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
TORCH=1
/usr/bin/python3 -c "import torch" 2>/dev/null || { TORCH=0; echo "train-bench: no PyTorch (apt-get install -y python3-torch); Myelin only" >&2; }
torch_py="$root/myelin-bench/scripts/train_torch.py"
java_run() { java --add-modules jdk.incubator.vector -Xmx4g ${MYELIN_JAVA_OPTS:-} -cp "$jar" org.myelin.bench.TrainingBenchmark "$@" 2>/dev/null; }
: >"$OUT"
echo "commit=$commit cpu=\"$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)\" cores=$(nproc)" >>"$OUT"
for rep in $(seq "$REPEAT"); do
  for t in $THREADS; do
    echo "train-bench: speed, repetition $rep, $t thread(s)" >&2
    java_run speed --threads "$t" --steps 10 --warmup 3 | tail -1 >>"$OUT"
    [ "$TORCH" = 1 ] && /usr/bin/python3 "$torch_py" speed --threads "$t" --steps 5 --warmup 1 | tail -1 >>"$OUT"
  done
done
if [ "$RANDMAN" = 1 ]; then
  for seed in $RANDMAN_SEEDS; do
    data=$(mktemp -d)
    echo "train-bench: randman seed $seed, Myelin (50 epochs)" >&2
    java_run randman "$data" --threads 2 --epochs 50 --seed "$seed" | tee -a "$OUT.log" | tail -1 >>"$OUT"
    if [ "$TORCH" = 1 ]; then
      echo "train-bench: randman seed $seed, PyTorch (50 epochs)" >&2
      # the first-batch gradient check (against Myelin's, float32 and float64) and the result line
      /usr/bin/python3 "$torch_py" randman "$data" --threads 2 --epochs 50 | tee -a "$OUT.log" \
        | grep -E 'first_batch|task=randman' >>"$OUT"
    fi
    rm -rf "$data"
  done
fi
if [ "$CUES" = 1 ]; then
  echo "train-bench: cue accumulation, Myelin (500 iterations)" >&2
  java_run cues --threads 2 --iterations 500 | tee -a "$OUT.log" | tail -1 >>"$OUT"
fi
awk -v commit="$commit" '
function kv(line, key,   m) { if (match(line, " " key "=[^ ]*")) return substr(line, RSTART + length(key) + 2, RLENGTH - length(key) - 2); return "" }
function median(list,   a, n, i, j, t) {
  n = split(list, a, " "); if (n == 0) return "";
  for (i = 2; i <= n; i++) { t = a[i] + 0; for (j = i - 1; j >= 1 && a[j] + 0 > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
  return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
/task=speed/ { who = $1; t = kv($0, "threads"); step[who, t] = step[who, t] " " kv($0, "step_s"); rss[who, t] = rss[who, t] " " kv($0, "peak_rss_mb"); threads[t] = 1
  if (who == "myelin") traj[t] = kv($0, "trajectory_mb") }
/task=randman/ { acc[$1] = acc[$1] " " kv($0, "test_accuracy"); batch[$1] = batch[$1] " " kv($0, "batch_s")
  pair[kv($0, "seed"), $1] = kv($0, "test_accuracy"); seeds[kv($0, "seed")] = 1 }
/task=cues/ { cue_err = kv($0, "validation_error"); cue_first = kv($0, "first_below_7pct") }
END {
  printf "Training benchmarks at %s (medians)\n\n", commit
  print "| speed, threads | Myelin s/step | PyTorch s/step | Myelin/PyTorch best | Myelin peak RSS MB | trajectory MB | PyTorch peak RSS MB |"
  print "|---|---|---|---|---|---|---|"
  best = ""; for (t in threads) { p = median(step["torch", t]); if (p != "" && (best == "" || p + 0 < best + 0)) best = p }
  for (t in threads) { m = median(step["myelin", t]); p = median(step["torch", t])
    printf "| %s | %s | %s | %s | %s | %s | %s |\n", t, m, (p == "" ? "n/a" : p), (best == "" ? "n/a" : sprintf("%.2f", m / best)),
      median(rss["myelin", t]), traj[t], (p == "" ? "n/a" : median(rss["torch", t])) }
  if ("myelin" in acc) {
    printf "\nRandman test accuracy after 50 epochs (same data, initial weights and batch order per seed)\n\n"
    print "| seed | Myelin | PyTorch |"; print "|---|---|---|"
    for (sd in seeds) printf "| %s | %s | %s |\n", sd, pair[sd, "myelin"], ((sd, "torch") in pair ? pair[sd, "torch"] : "n/a")
    printf "| median | %s (batch %s s) | %s (batch %s s) |\n", median(acc["myelin"]), median(batch["myelin"]),
      ("torch" in acc ? median(acc["torch"]) : "n/a"), ("torch" in batch ? median(batch["torch"]) : "n/a") }
  if (cue_err != "") printf "\nCue accumulation: validation error %s after 500 iterations, first below 7%% at iteration %s\n", cue_err, cue_first
}' "$OUT"
echo "train-bench: raw results in $OUT" >&2
