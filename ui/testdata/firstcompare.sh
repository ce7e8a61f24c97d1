#!/usr/bin/env bash
# firstcompare.sh: time the first comparison after a warm start of the real
# reader, as a person sees it, inside tmux (see BENCHMARKS.md, "Round 25:
# fingerprints").
#
#   ui/testdata/firstcompare.sh BINARY DIR N
#
# starts the reader on DIR (N articles) in a detached 160x45 session on a
# private tmux socket, waits for the list, presses z and waits for
# "grouped by story", rests REST seconds (default 15: the start's
# background work ends), presses c and waits until "comparing…" goes.
# Prints memory (VmHWM, RssAnon, RssFile) before c, then the wall and CPU
# seconds of the comparison and memory after it.
set -euo pipefail
bin=$1 dir=$2 n=$3
command -v tmux >/dev/null || { echo "firstcompare.sh: needs tmux" >&2; exit 2; }
sock=firstcompare-$$
tm() { tmux -L "$sock" "$@"; }
screen() { tm capture-pane -t fc -p; }
trap 'tm kill-server 2>/dev/null || true' EXIT INT TERM
total=$(echo "$n" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')
tm new-session -d -s fc -x 160 -y 45 -e TERM=xterm-256color "$bin" "$dir"
pid=$(tm list-panes -t fc -F '#{pane_pid}')
mem() { grep -E 'VmHWM|RssAnon|RssFile' "/proc/$pid/status" | tr -s ' \t\n' ' '; }
cpu() { awk '{print ($14+$15)/100}' "/proc/$pid/stat"; }
until screen | grep -q " 1/$total · "; do sleep 0.1; done
tm send-keys -t fc z
until screen | grep -q 'grouped by story'; do sleep 0.1; done
sleep "${REST:-15}"
echo "before c: $(mem)"
c0=$(cpu) t0=$(date +%s.%N)
tm send-keys -t fc c
sleep 0.2
while screen | grep -q 'comparing…\|finding the stories'; do sleep 0.05; done
t1=$(date +%s.%N) c1=$(cpu)
echo "first comparison: $(echo "$t1 - $t0" | bc) s, $(echo "$c1 - $c0" | bc) cpu-s, $(mem)"
screen | sed -n 2p
tm send-keys -t fc q
sleep 1
