#!/usr/bin/env bash
# readerstart.sh: time a start of the real reader on a large corpus, as a
# person sees it, inside tmux (see BENCHMARKS.md, "The reader at 100,000
# articles").
#
#   ui/testdata/readerstart.sh BINARY DIR N [group]
#
# prints the wall-clock seconds, the process's CPU seconds and its peak RSS
# (VmHWM) when the list holds all N articles, when the search index is
# complete (story grouping starts, which waits for it) and, with "group",
# when the stories are grouped. Needs tmux and ../shared/tui.sh (or TUI=).
set -euo pipefail
bin=$1 dir=$2 n=$3 group=${4:-}
tui=${TUI:-$(dirname "$0")/../../../shared/tui.sh}
total=$(echo "$n" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')
"$tui" start rs 160 45 "$bin" "$dir"
t0=$(date +%s.%N)
sleep 0.2
pid=$(pgrep -nf "^$bin $dir")
report() {
  local t; t=$(date +%s.%N)
  printf '%-9s %6.2f s  %6.2f cpu-s  %s\n' "$1" "$(echo "$t - $t0" | bc)" \
    "$(awk '{print ($14+$15)/100}' "/proc/$pid/stat")" "$(grep VmHWM "/proc/$pid/status" | tr -s ' \t' ' ')"
}
"$tui" wait rs " 1/$total · " 120 >/dev/null; report loaded
"$tui" wait rs 'grouping stories' 120 >/dev/null; report indexed
if [[ -n $group ]]; then
  while "$tui" shot rs | grep -q 'grouping stories'; do sleep 0.3; done
  report grouped
fi
"$tui" keys rs q
sleep 1
"$tui" stop rs
