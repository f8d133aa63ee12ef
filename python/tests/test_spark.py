"""figures.spark on PySpark in local mode: the rows of mapInArrow are the
command line's on the same articles."""

import datetime
import os
import shutil
import subprocess
import sys

import pytest

import figures.spark
from articles import corpus
from conftest import as_cli, cli_shape, jsonl, missing


@pytest.fixture(scope="module")
def spark():
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        missing("pyspark is not installed")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        missing("no Java for Spark (install openjdk-17-jre-headless)")
    # The workers must import the figures installed here.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("figures-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_schema_is_the_columns():
    names = [part.split("`")[1] for part in figures.spark.SCHEMA.split(", ")]
    assert names == figures.COLUMNS
    assert "`amount` DECIMAL(38,10)" in figures.spark.SCHEMA
    assert "`rate_date` DATE" in figures.spark.SCHEMA


def test_neither_pyspark_nor_pyarrow_is_imported_until_used():
    code = (
        "import sys, figures, figures.spark; "
        "assert not {'pyspark', 'pyarrow'} & set(sys.modules), sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_bad_options_fail_on_the_driver():
    with pytest.raises(figures.Error):
        figures.spark.extract_batches(to="XYZ")


def test_map_in_arrow_rows_are_the_clis(spark, cli):
    records = corpus(300, seed=4)
    rows = [
        (
            r["id"],
            r["text"],
            datetime.date.fromisoformat(r["date"]) if r["date"] else None,
        )
        for r in records
    ]
    # Several partitions, each read by its own Python worker.
    articles = spark.createDataFrame(rows, "id STRING, text STRING, date DATE").repartition(6)
    found = articles.mapInArrow(
        figures.spark.extract_batches(text="text", id="id", date="date"),
        figures.spark.SCHEMA,
    )
    got = [as_cli(r.asDict()) for r in found.collect()]
    expected = [cli_shape(r) for r in cli(["extract", "--input", "jsonl"], jsonl(records))]
    assert len(expected) > 600

    def key(r):
        return (r["article"], r["start"])

    assert sorted(got, key=key) == sorted(expected, key=key)
    assert {"consistent", "inconsistent"} <= {r["verdict"] for r in got}
