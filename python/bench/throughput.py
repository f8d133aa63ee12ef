"""Throughput per core: figures.extract_arrow over made-up articles against
`figures extract --input jsonl -j 1` on the same articles, in CPU seconds.

    python python/bench/throughput.py [N] [path/to/figures]

N defaults to 100000; the binary to target/release/figures.
"""

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa

import figures

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from articles import corpus  # noqa: E402


def child_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    binary = sys.argv[2] if len(sys.argv) > 2 else "target/release/figures"
    records = corpus(n)
    size = sum(len(r["text"].encode()) for r in records)
    table = pa.Table.from_pylist(records)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for r in records:
            f.write(json.dumps({k: v for k, v in r.items() if v is not None}) + "\n")
    try:
        before = child_cpu()
        with open(os.devnull, "wb") as sink:
            subprocess.run(
                [binary, "extract", "--input", "jsonl", "-j", "1", f.name], stdout=sink, check=True
            )
        cli = child_cpu() - before
    finally:
        os.unlink(f.name)
    start = time.process_time()
    rows = figures.extract_arrow(table).num_rows
    python = time.process_time() - start
    mib = size / 2**20
    print(f"{n} articles, {mib:.1f} MiB of text, {rows} findings")
    print(f"CLI -j 1:       {cli:.2f} s CPU, {n / cli:,.0f} articles/s, {mib / cli:.2f} MiB/s")
    print(f"extract_arrow:  {python:.2f} s CPU, {n / python:,.0f} articles/s, {mib / python:.2f} MiB/s")
    print(f"ratio (Python / CLI throughput): {cli / python:.2f}")


if __name__ == "__main__":
    main()
