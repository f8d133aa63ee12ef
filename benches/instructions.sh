#!/bin/sh
# Instructions, not seconds (callgrind counts the same on a busy machine):
# start-up, and instructions per byte of news with start-up cancelled.
#   sh benches/instructions.sh [news.txt]
# Needs valgrind and a release build (cargo build --release).
set -eu
bin=${BIN:-target/release/figures}
news=${1:-../shared/bench/news.txt}
[ -f "$news" ] || { echo "no $news: give a text file of news" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ir() { valgrind --tool=callgrind --callgrind-out-file="$tmp/out" "$@" 2>&1 >/dev/null \
    | sed -n 's/.*Collected : //p'; }
printf '€5 million ($6 million)\n' > "$tmp/one.txt"
cat "$news" "$news" > "$tmp/twice.txt"
start=$(ir "$bin" extract --date 2025-04-11 "$tmp/one.txt")
once=$(ir "$bin" extract "$news")
twice=$(ir "$bin" extract "$tmp/twice.txt")
bytes=$(wc -c < "$news")
echo "start-up (one stated conversion): $start instructions"
echo "$news once: $once, twice: $twice"
awk -v a="$once" -v b="$twice" -v n="$bytes" 'BEGIN { printf "per byte, start-up cancelled ((twice - once) / bytes): %.1f\n", (b - a) / n }'
