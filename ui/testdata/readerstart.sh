#!/usr/bin/env bash
# readerstart.sh: time a start of the real reader on a large corpus, as a
# person sees it, inside tmux (see BENCHMARKS.md, "The reader at 100,000
# articles").
#
#   ui/testdata/readerstart.sh BINARY DIR N [group]
#
# prints the wall-clock seconds, the process's CPU seconds, its peak RSS
# (VmHWM, mapped file pages included) and its anonymous resident memory
# then (RssAnon: the heap; mapped store pages not counted) when the list
# holds all N articles, when the search index is complete (the search bar,
# opened once the load has ended, offers all N articles), when no "texts
# N%" note is in the status line (readers up to round 23 loaded every text
# in the background; since, none does) and, with
# "group", when the stories are there (z, pressed once the list is
# complete, says "grouped by story"); with SETTLE=S in the environment,
# again S seconds after the last; POLL=S reads the screen every S seconds
# (0.02 by default: a coarser poll rounds every figure up to its step,
# 0.1 s made the list's time look bimodal). Needs tmux only: it runs the
# reader in a detached 160x45 session on a private tmux socket and reads
# the screen.
set -euo pipefail
bin=$1 dir=$2 n=$3 group=${4:-} poll=${POLL:-0.02}
command -v tmux >/dev/null || { echo "readerstart.sh: needs tmux" >&2; exit 2; }
sock=readerstart-$$
tm() { tmux -L "$sock" "$@"; }
screen() { tm capture-pane -t rs -p; }
# wait_for REGEX SECONDS: until the screen matches, or fail showing it.
wait_for() {
  local end=$((SECONDS + $2))
  while ((SECONDS <= end)); do
    screen | grep -Eq -- "$1" && return 0
    sleep "$poll"
  done
  echo "readerstart.sh: the screen never showed /$1/ within $2 s:" >&2
  screen >&2
  return 1
}
trap 'tm kill-server 2>/dev/null || true' EXIT INT TERM

total=$(echo "$n" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')
tm new-session -d -s rs -x 160 -y 45 -e TERM=xterm-256color "$bin" "$dir"
t0=$(date +%s.%N)
pid=$(tm list-panes -t rs -F '#{pane_pid}')
report() {
  local t; t=$(date +%s.%N)
  printf '%-9s %6.2f s  %6.2f cpu-s  %s\n' "$1" "$(echo "$t - $t0" | bc)" \
    "$(awk '{print ($14+$15)/100}' "/proc/$pid/stat")" "$(grep -E 'VmHWM|RssAnon' "/proc/$pid/status" | tr -s ' \t\n' ' ')"
}
# wait_gone REGEX SECONDS: until the screen no longer matches.
wait_gone() {
  local end=$((SECONDS + $2))
  while ((SECONDS <= end)); do
    screen | grep -Eq -- "$1" || return 0
    sleep "$poll"
  done
  echo "readerstart.sh: the screen still showed /$1/ after $2 s:" >&2
  screen >&2
  return 1
}
wait_for " 1/$total · " 120; report loaded
if [[ -n $group ]]; then
  # z asks for the list grouped by story: the status line says "grouped by
  # story" once the stories are there (read back from the store when
  # nothing changed, else grouped once the texts are in).
  tm send-keys -t rs z
  wait_for 'grouped by story' 600; report stories
  tm send-keys -t rs z # the search below is of the plain list
fi
# The search opened before the load ends would index what has loaded
# rather than wait for the snapshot: wait for the progress bar to go.
wait_gone 'loading(…)? [0-9]' 120
tm send-keys -t rs /
wait_for "type to search $total articles" 120; report indexed
wait_gone 'texts [0-9]+%' 120; report texts
# SETTLE=S: S seconds later, once more (the reader gives its start's
# garbage back once the start's work has ended: ui/settle.go).
if [[ -n ${SETTLE:-} ]]; then sleep "$SETTLE"; report settled; fi
tm send-keys -t rs Escape
sleep 0.3 # else Escape and q arrive together, as alt+q
tm send-keys -t rs q
# Until the reader has exited (it writes PARALLAX_CPUPROFILE as it quits).
for _ in $(seq 100); do tm has-session -t rs 2>/dev/null || break; sleep 0.1; done
