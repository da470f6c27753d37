"""examples/spark on local[2]: every record comes back exactly once, as a direct CLI run has it."""

import gzip
import json
import os
import subprocess
import sys

import pytest

pytest.importorskip("pyspark")

from conftest import EMPTY_PAGE, REPO, TEXT_PAGE, article_page  # noqa: E402
from test_datatrove import write_warc  # noqa: E402

sys.path.insert(0, str(REPO / "examples" / "spark"))
import deboil_spark  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # The workers run this interpreter, where deboil is installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("deboil-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    # The workers import the example's functions by module name.
    session.sparkContext.addPyFile(str(REPO / "examples" / "spark" / "deboil_spark.py"))
    yield session
    session.stop()


def read_records(out_dir):
    lines = []
    for part in sorted(out_dir.glob("**/part-*.jsonl.gz")):
        lines += gzip.open(part, "rt", encoding="utf-8").read().splitlines()
    return lines


def direct(deboil_bin, inputs, out_dir):
    subprocess.run(
        [deboil_bin, "clean", *map(str, inputs), "-o", str(out_dir), "--format", "jsonl"],
        check=True,
        capture_output=True,
    )
    return read_records(out_dir)


def test_files_mode_gives_every_record_once(spark, deboil_bin, tmp_path):
    warcs = []
    (tmp_path / "in").mkdir()
    for w in range(5):
        pages = [(f"https://news.example/{w}/{n}", article_page(10 * w + n)) for n in range(8)]
        pages.append((f"https://news.example/{w}/menu", EMPTY_PAGE))
        warcs.append(tmp_path / "in" / f"crawl-{w}.warc.gz")
        write_warc(warcs[-1], pages)
    expected = direct(deboil_bin, warcs, tmp_path / "direct")
    assert len(expected) == 40

    manifest = deboil_spark.files_mode(
        spark.sparkContext, [str(p) for p in warcs], str(tmp_path / "spark"), binary=deboil_bin
    )
    got = read_records(tmp_path / "spark" / "tasks")
    assert sorted(got) == sorted(expected)  # same lines, each once
    direct_manifest = (tmp_path / "direct" / "manifest.jsonl").read_text().splitlines()
    assert sorted(open(manifest).read().splitlines()) == sorted(direct_manifest)


def jsonl_input(tmp_path):
    records = [{"id": f"r{n}", "url": f"https://blog.example/{n}", "html": article_page(n)} for n in range(30)]
    records.append({"id": "menu", "html": EMPTY_PAGE})
    records.append({"id": "notes", "text": TEXT_PAGE})
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.parametrize("mode", ["python", "pipe"])
def test_record_modes_give_every_record_once(spark, deboil_bin, tmp_path, mode):
    path = jsonl_input(tmp_path)
    expected = {}
    for line in direct(deboil_bin, [path], tmp_path / "direct"):
        record = json.loads(line)
        expected[record["id"]] = record["text"]
    assert len(expected) == 31  # the menu page is empty

    lines = spark.sparkContext.textFile(str(path), minPartitions=4)
    if mode == "python":
        cleaned = deboil_spark.python_record_mode(lines)
    else:
        cleaned = deboil_spark.pipe_record_mode(lines, binary=deboil_bin)
    got = [json.loads(line) for line in cleaned.collect()]
    assert sorted(r["id"] for r in got) == sorted(expected)
    for record in got:
        assert record["text"] == expected[record["id"]], record["id"]
