#!/usr/bin/env bash
# One campaign: runs a built target on one core for 10 million executions or
# 45 minutes, whichever comes first, from the seeds and the dictionary, and
# keeps libFuzzer's log in fuzz/logs/. Usage (from fuzz/):
#   RUSTC_BOOTSTRAP=1 cargo fuzz build -O && scripts/campaign.sh TARGET [BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
target=$1
bin=${2:-target/x86_64-unknown-linux-gnu/release/$target}
mkdir -p "corpus/$target" "artifacts/$target" logs
[ -d "seeds/$target" ] || python3 scripts/make_seeds.py
"$bin" "corpus/$target" "seeds/$target" \
    -dict=figures.dict -max_len=65536 -timeout=10 \
    -runs=10000000 -max_total_time=2700 -print_final_stats=1 \
    -artifact_prefix="artifacts/$target/" 2> "logs/$target.log" || true
grep -E "^(stat::|SUMMARY|==.*ERROR)|Done [0-9]+ runs" "logs/$target.log" || true
