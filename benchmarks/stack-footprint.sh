#!/usr/bin/env bash
# Issue 16 item 7: what the local stack costs on this machine. Runs `./yingzao down; ./yingzao up` twice:
#   cold: after removing the stack's state dir .yingzao/ (PostgreSQL data, Kafka log, the unpacked Keycloak and its
#         H2 realm, PIDs, logs, secrets, demo markers): initdb, Kafka format, Keycloak's first build + realm import,
#         Flyway on empty databases, the demo data loaded;
#   warm: a second down + up with that state kept.
# After each up it prints the wall time of `up`, then the memory of every process of the stack, read from /proc: RSS
# (VmRSS) and PSS (smaps_rollup: shared pages such as PostgreSQL's shared buffers counted once across its backends),
# and their sums, beside the machine's MemTotal and nproc. Only the stack's own processes are read (the PID files
# of ./yingzao and the children of PostgreSQL's postmaster and of Keycloak's kc.sh).
#
#   benchmarks/stack-footprint.sh [--skip-cold] [--keep-running]
#
# It deletes .yingzao/ (the cold run) and therefore whatever data the dev stack held. The jars must be built
# (./mvnw -B -ntp -q package -DskipTests); YINGZAO_SKIP_BUILD=1 is set so `up` never builds.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
Y="$ROOT/.yingzao"
cold=1
keep=0
for a in "$@"; do
  case $a in
    --skip-cold) cold=0 ;;
    --keep-running) keep=1 ;;
    *) echo "unknown option $a" >&2; exit 2 ;;
  esac
done
export YINGZAO_SKIP_BUILD=1

kib() { awk -v k="$1" 'BEGIN { printf "%8.1f MiB", k / 1024 }'; }
field() { awk -v f="$2:" '$1 == f { print $2; exit }' "$1" 2>/dev/null || true; }

# every PID of the stack: the PID files, PostgreSQL's postmaster and its children, kc.sh's children
stack_pids() {
  local f pid
  for f in "$Y"/run/*.pid; do
    [[ -f $f ]] || continue
    pid=$(<"$f"); [[ $pid =~ ^[0-9]+$ ]] && [[ -d /proc/$pid ]] && echo "$pid"
  done
  if [[ -f $Y/pg/data/postmaster.pid ]]; then
    pid=$(head -n 1 "$Y/pg/data/postmaster.pid")
    if [[ -d /proc/$pid ]]; then echo "$pid"; ps -o pid= --ppid "$pid" | tr -d ' '; fi
  fi
  if [[ -f $Y/run/keycloak.pid ]]; then ps -o pid= --ppid "$(<"$Y/run/keycloak.pid")" 2>/dev/null | tr -d ' ' || true; fi
}

name_of() {
  local pid=$1 cmd
  cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)
  case $cmd in
    *services/*/target/quarkus-app/quarkus-run.jar*) sed -E 's#.*services/([a-z-]+)/target.*#\1#' <<<"$cmd" ;;
    *kafka.Kafka*) echo kafka ;;
    *QuarkusEntryPoint*|*keycloak*java*) echo keycloak-jvm ;;
    *kc.sh*) echo keycloak-kc.sh ;;
    *postgres*-D*) echo postgres-postmaster ;;
    postgres:*) echo "postgres ($(awk '{print $2, $3}' <<<"$cmd" | cut -c1-28))" ;;
    *) echo "$(cut -c1-40 <<<"$cmd")" ;;
  esac
}

footprint() {
  local label=$1 rss_sum=0 pss_sum=0 n=0 pid rss pss
  echo
  echo "== memory after the $label up: every process of the stack (/proc) =="
  printf '  %-8s %-40s %14s %14s\n' PID PROCESS RSS PSS
  for pid in $(stack_pids | sort -n | uniq); do
    rss=$(field "/proc/$pid/status" VmRSS); pss=$(field "/proc/$pid/smaps_rollup" Pss)
    [[ -n $rss ]] || continue
    pss=${pss:-0}
    printf '  %-8s %-40s %14s %14s\n' "$pid" "$(name_of "$pid")" "$(kib "$rss")" "$(kib "$pss")"
    rss_sum=$((rss_sum + rss)); pss_sum=$((pss_sum + pss)); n=$((n + 1))
  done
  printf '  %-49s %14s %14s\n' "sum of $n processes" "$(kib $rss_sum)" "$(kib $pss_sum)"
  local total; total=$(field /proc/meminfo MemTotal)
  printf '  machine: MemTotal %s, nproc %s; the stack holds %.1f%% of MemTotal (PSS)\n' "$(kib "$total")" "$(nproc)" \
    "$(awk -v p=$pss_sum -v t="$total" 'BEGIN { print 100 * p / t }')"
  echo "  load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}

up_timed() {
  local label=$1 start end
  start=$(date +%s.%N)
  (cd "$ROOT" && ./yingzao up) >"/tmp/stack-footprint-$label.log" 2>&1 || { tail -n 40 "/tmp/stack-footprint-$label.log"; exit 1; }
  end=$(date +%s.%N)
  printf '%s up: %.1f s (log /tmp/stack-footprint-%s.log)\n' "$label" "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" "$label"
  grep -E 'ready \([0-9]+s\)' "/tmp/stack-footprint-$label.log" | sed 's/\x1b\[[0-9;]*m//g; s/^/    /' || true
}

echo "stack footprint, $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
(cd "$ROOT" && ./yingzao down) >/dev/null 2>&1 || true
if (( cold )); then
  echo "cold: removing $Y"
  rm -rf "$Y"
  up_timed cold
  footprint cold
  (cd "$ROOT" && ./yingzao down) >/dev/null 2>&1
fi
up_timed warm
footprint warm
if (( ! keep )); then (cd "$ROOT" && ./yingzao down) >/dev/null 2>&1; echo; echo "stack stopped (./yingzao down)"; fi
