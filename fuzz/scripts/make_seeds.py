#!/usr/bin/env python3
"""Fills fuzz/seeds/<target>/ from the test cases: each sentence of
tests/cases/*.csv (without its span marks) and the shipped example for the
text targets, a few rates files for `rates`, and the CLI cases' arguments for
`args`. The campaign starts from these; libFuzzer's own corpus goes to
fuzz/corpus/ (not kept).

Run from the repository root: python3 fuzz/scripts/make_seeds.py
"""
import csv
import shlex
import tomllib
from pathlib import Path

root = Path(__file__).resolve().parents[2]
seeds = root / "fuzz/seeds"


def put(target, name, data):
    d = seeds / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


texts = []
for table in sorted((root / "tests/cases").glob("*.csv")):
    with open(table, newline="", encoding="utf-8") as f:
        texts += [row["text"].replace("|", "") for row in csv.DictReader(f)]
for i, text in enumerate(texts):
    for target in ("report_bytes", "extract_str"):
        put(target, f"case-{i:04}", text)
    put("amount", f"case-{i:04}", text)
example = (root / "data/examples/pledges.txt").read_bytes()
put("report_bytes", "pledges", example)
put("report_bytes", "pledges-long", example.replace(b"\n", b" ") * 8)

rates = (root / "data/eurofxref-hist.csv").read_bytes().splitlines(keepends=True)
put("rates", "head", b"".join(rates[:40]))
put("rates", "crlf", b"".join(rates[:10]).replace(b"\n", b"\r\n"))
put("rates", "cr", b"".join(rates[:10]).replace(b"\n", b"\r"))
for extra in (root / "tests/cmd").glob("*rates*.csv"):
    put("rates", extra.name, extra.read_bytes())

for case in sorted((root / "tests/cmd").glob("*.toml")):
    spec = tomllib.loads(case.read_text(encoding="utf-8"))
    args = spec.get("args", [])
    args = shlex.split(args) if isinstance(args, str) else args
    put("args", case.stem, "\0".join(args))
print(f"{len(texts)} sentences; seeds in {seeds.relative_to(root)}")
