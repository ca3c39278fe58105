#!/usr/bin/env bash
# brian2-run.sh - run a Brian2 reference benchmark and print one machine-readable line.
#
# usage: brian2-run.sh MODEL TARGET T_SECONDS N [OUTDIR] [SEED]
#   MODEL   coba | cuba  (-> {coba,cuba}_brian2.py beside this script), or a path to a .py script
#   TARGET  cpp | cython | numpy
#   OUTDIR  scratch directory for generated code (default: a temp dir, removed afterwards)
#   SEED    RNG seed (default 42)
# output (stdout), one line:
#   brian2 model=coba target=cpp N=4000 T=10 build_s=... run_s=... rate_hz=... n_syn=... peak_rss_mb=... script_s=...
# run_s is the run loop alone (device._last_run_time), build_s code generation and compilation, script_s
# the whole python process; peak_rss_mb is the max RSS of the python process or any child it waited for
# (compiler, standalone binary); both NA if /usr/bin/time is unavailable.
# exit: 0 ok, 1 usage/run error, 2 Brian2 not available (skipped).
set -u

usage() { sed -n '4,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 1; }
[ $# -ge 4 ] || usage

MODEL=$1 TARGET=$2 T=$3 N=$4
SEED=${6:-42}

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

case "$MODEL" in
  coba|cuba) REF="$SCRIPT_DIR/${MODEL}_brian2.py" ;;
  *) REF="$MODEL"; MODEL=$(basename "$MODEL" .py); MODEL=${MODEL%_brian2} ;;
esac
[ -f "$REF" ] || { echo "brian2-run: reference script not found: $REF" >&2; exit 1; }
case "$TARGET" in cpp|cython|numpy) ;; *) echo "brian2-run: bad TARGET '$TARGET' (cpp|cython|numpy)" >&2; exit 1 ;; esac

# Debian's python3 (python3-brian is a Debian package), not whatever python3 is first on PATH.
PY=/usr/bin/python3

is_root() { [ "$(id -u)" = 0 ]; }
apt_install() {  # quiet apt-get install, log to a temp file; returns apt's status
  local log; log=$(mktemp /tmp/brian2-run-apt.XXXXXX.log)
  { apt-get -o DPkg::Lock::Timeout=600 update && \
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y "$@"; } >"$log" 2>&1
  local rc=$?
  [ $rc -eq 0 ] || echo "brian2-run: apt-get install $* failed (log: $log)" >&2
  return $rc
}
brian_ok() {
  [ -x "$PY" ] && "$PY" -c 'import brian2' >/dev/null 2>&1 || return 1
  case "$TARGET" in cpp|cython) command -v g++ >/dev/null 2>&1 || return 1 ;; esac
  return 0
}

if ! brian_ok; then
  if is_root && command -v apt-get >/dev/null 2>&1; then
    apt_install python3-brian g++
  fi
  if ! brian_ok; then
    echo "brian2-run: Brian2 not available (install: apt-get install -y python3-brian g++); skipping"
    exit 2
  fi
fi

TIME=/usr/bin/time
if [ ! -x "$TIME" ] && is_root && command -v apt-get >/dev/null 2>&1; then
  apt_install time
fi

TMPOUT=
if [ -n "${5:-}" ]; then OUTDIR=$5; mkdir -p "$OUTDIR" || exit 1; else OUTDIR=$(mktemp -d /tmp/brian2-run.XXXXXX); TMPOUT=$OUTDIR; fi

OUT=$(mktemp) ERR=$(mktemp) TF=$(mktemp)
trap 'rm -f "$OUT" "$ERR" "$TF"; [ -n "$TMPOUT" ] && rm -rf "$TMPOUT"' EXIT

if [ -x "$TIME" ]; then
  "$TIME" -f '%M %e' -o "$TF" "$PY" "$REF" "$TARGET" "$T" "$N" "$OUTDIR" "$SEED" >"$OUT" 2>"$ERR"
else
  "$PY" "$REF" "$TARGET" "$T" "$N" "$OUTDIR" "$SEED" >"$OUT" 2>"$ERR"
fi
rc=$?
RES=$(grep -E '^build_s=' "$OUT" | tail -n 1)
if [ $rc -ne 0 ] || [ -z "$RES" ]; then
  echo "brian2-run: $REF failed (rc=$rc); output:" >&2
  cat "$OUT" >&2; grep -v -e FutureWarning -e 'if not hasattr' -e 'obj = getattr' "$ERR" | tail -n 30 >&2
  exit 1
fi

RSS=NA SCRIPT=NA
if [ -s "$TF" ]; then
  LINE=$(grep -E '^[0-9]+ [0-9.]+$' "$TF" | tail -n 1)
  if [ -n "$LINE" ]; then
    RSS=$(echo "$LINE" | awk '{printf "%.1f", $1/1024}')
    SCRIPT=$(echo "$LINE" | awk '{print $2}')
  fi
fi

echo "brian2 model=$MODEL target=$TARGET N=$N T=$T $RES peak_rss_mb=$RSS script_s=$SCRIPT"
