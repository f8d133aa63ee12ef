"""Shared fixtures: the command line to compare against, and the rows of
both sides in one shape."""

from __future__ import annotations

import datetime
import decimal
import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Under .ci/run a missing tool fails the run instead of skipping its tests.
STRICT = os.environ.get("FIGURES_CI") == "1"


def missing(why: str):
    """Skip the test, or fail it under FIGURES_CI=1."""
    if STRICT:
        pytest.fail(f"{why} (FIGURES_CI=1: nothing may be skipped)")
    pytest.skip(why)


def need(module: str):
    """The module, or a skip (a failure under FIGURES_CI=1) without it."""
    try:
        return __import__(module)
    except ImportError:
        missing(f"{module} is not installed")


def _binary() -> Path | None:
    if os.environ.get("FIGURES_BIN"):
        path = Path(os.environ["FIGURES_BIN"])
        return path if path.is_file() else None
    targets = [os.environ.get("CARGO_TARGET_DIR"), ROOT / "target"]
    for target in filter(None, targets):
        path = Path(target) / "release" / "figures"
        if path.is_file():
            return path
    return None


@pytest.fixture(scope="session")
def cli():
    """Runs `figures ARGS` on stdin; returns its JSON-lines rows."""
    path = _binary()
    if path is None:
        missing("no figures binary: set FIGURES_BIN or run `cargo build --release`")

    def run(args: list[str], stdin: str) -> list[dict]:
        done = subprocess.run(
            [str(path), *args, "--format", "jsonl"],
            input=stdin.encode(),
            capture_output=True,
            check=False,
        )
        # 1: an input problem was reported (and the rows still written);
        # 3: audit found an inconsistent conversion.
        assert done.returncode in (0, 1, 3), done.stderr.decode()
        return [json.loads(line) for line in done.stdout.decode().splitlines()]

    return run


def jsonl(records: list[dict]) -> str:
    """Records as `--input jsonl` reads them, without the null keys."""
    return "".join(
        json.dumps({k: v for k, v in r.items() if v is not None}) + "\n" for r in records
    )


def cell(value):
    """A Python value as the command line's JSON writes it."""
    if isinstance(value, decimal.Decimal):
        # decimal128(38, 10) pads with zeros; the CLI writes none.
        return format(value.normalize(), "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def as_cli(row: dict) -> dict:
    """A row of figures.COLUMNS in the CLI's shape: byte offsets as start
    and end, and no source."""
    out = {k: cell(v) for k, v in row.items() if k not in ("start", "end")}
    out["start"] = out.pop("byte_start")
    out["end"] = out.pop("byte_end")
    return out


def cli_shape(row: dict) -> dict:
    """A CLI row without `source`, which Python's rows have no use for."""
    return {k: v for k, v in row.items() if k != "source"}
