"""clean_records and clean_warc read containers in Rust: the CLI's lines, byte for byte."""

import gzip
import json
import subprocess

import pytest

import deboil
from conftest import EMPTY_PAGE, TEXT_PAGE, article_page, crawl_records


def record_mode(deboil_bin, data: bytes, *flags) -> str:
    """What `deboil clean - --format jsonl` writes on stdout for `data` on stdin."""
    done = subprocess.run(
        [deboil_bin, "clean", "-", "--format", "jsonl", *flags], input=data, capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")


def outdir_lines(deboil_bin, tmp_path, path) -> list:
    """The lines `deboil clean PATH -o OUTDIR --format jsonl` writes into its parts."""
    subprocess.run(
        [deboil_bin, "clean", path, "-o", "out", "--format", "jsonl"], cwd=tmp_path, capture_output=True, check=False
    )
    lines = []
    for part in sorted((tmp_path / "out").glob("part-*.jsonl.gz")):
        lines += gzip.open(part, "rt", encoding="utf-8").read().splitlines(keepends=True)
    return lines


def jsonl_lines() -> list:
    """JSONL records as a partition holds them: with and without ids, text, empty, bad lines."""
    lines = []
    for n in range(40):
        record = {"url": f"https://blog.example/{n}", "html": article_page(n)}
        if n % 3 == 0:
            record["id"] = f"post-{n}"
        if n % 7 == 0:
            del record["url"]  # no id, no url: the id is the hash of the bytes
            record.pop("id", None)
        lines.append(json.dumps(record))
    lines.insert(5, json.dumps({"id": "menu", "html": EMPTY_PAGE}))
    lines.insert(9, '{"id": "cut", "html": "<p>unfinished')
    lines.insert(12, json.dumps({"id": "notes", "text": TEXT_PAGE, "lang": "en"}))
    lines.insert(15, json.dumps({"id": "nothing"}))
    lines.insert(20, "")
    lines.insert(21, json.dumps({"id": "non-ascii", "html": article_page(3).replace("river", "rivière")}, ensure_ascii=False))
    return lines


@pytest.mark.parametrize("emit_status", [False, True])
def test_lines_are_record_mode_lines(deboil_bin, emit_status):
    lines = jsonl_lines()
    flags = ["--emit-status"] if emit_status else []
    expected = record_mode(deboil_bin, "".join(line + "\n" for line in lines).encode("utf-8"), *flags)
    assert '"status":"error"' in expected and '"id":"post-3"' in expected
    assert ('"status":"empty"' in expected) == emit_status
    got = "".join(deboil.clean_records(iter(lines), jobs=2, emit_status=emit_status))
    assert got == expected
    # The same lines as bytes, with their newlines, or as one block of bytes.
    as_bytes = [(line + "\n").encode("utf-8") for line in lines]
    assert "".join(deboil.clean_records(as_bytes, jobs=2, emit_status=emit_status)) == expected
    assert "".join(deboil.clean_records(b"".join(as_bytes), jobs=2, emit_status=emit_status)) == expected


def test_lines_come_out_the_same_for_any_jobs_and_feed_size(monkeypatch):
    lines = jsonl_lines() * 8  # more than one batch of the reader
    expected = list(deboil.clean_records(lines, jobs=1))
    assert len(expected) == 8 * 44  # less the blank line and the empty page
    for jobs, feed in [(1, 1), (2, 7), (3, 256), (4, 1000)]:
        monkeypatch.setattr(deboil, "LINES_PER_FEED", feed)
        assert list(deboil.clean_records(lines, jobs=jobs)) == expected, (jobs, feed)


def test_errors_are_lines_and_the_stream_goes_on(deboil_bin):
    lines = [json.dumps({"id": "a", "html": article_page(1)}), "not json", json.dumps({"id": "b", "html": article_page(2)})]
    out = [json.loads(line) for line in deboil.clean_records(lines, jobs=2)]
    assert [o["id"] for o in out] == ["a", None, "b"]
    assert out[1]["status"] == "error" and out[1]["record"] == "line 2" and out[1]["reason"]


def test_empty_input_is_empty_output():
    assert list(deboil.clean_records([], jobs=2)) == []
    assert list(deboil.clean_records(b"", jobs=2)) == []
    assert list(deboil.clean_records(["", "  "], jobs=2)) == []


def test_bad_lines_raise_type_error():
    with pytest.raises(TypeError, match="str or bytes"):
        list(deboil.clean_records([{"html": "<p>x</p>"}], jobs=1))


@pytest.mark.parametrize("compress", [False, True])
def test_warc_lines_are_the_cli_lines(deboil_bin, tmp_path, compress):
    records = crawl_records(30)
    data = b"".join(gzip.compress(r) for r in records) if compress else b"".join(records)
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    path.write_bytes(data)
    # A path: the lines of `deboil clean PATH -o OUTDIR` (ids are the records' UUIDs).
    expected = outdir_lines(deboil_bin, tmp_path, path.name)
    assert len(expected) == 30  # 31 pages, one of them without Content-Length
    got = list(deboil.clean_records(str(path), jobs=2, source=path.name))
    # OUTDIR's parts hold the records; the error line goes to its manifest instead.
    assert [line for line in got if '"status":"error"' not in line] == expected
    assert json.loads(got[0])["metadata"]["source_file"] == path.name
    # Bytes: the lines of record mode on the same bytes, status lines included.
    expected = record_mode(deboil_bin, data, "--emit-status")
    statuses = [json.loads(line).get("status") for line in expected.splitlines()]
    assert statuses.count("skipped") == 32 and statuses.count("error") == 1 and statuses.count("empty") == 1
    assert "".join(deboil.clean_records(data, jobs=3, emit_status=True)) == expected


def test_clean_warc_gives_clean_many_results(deboil_bin, tmp_path):
    records = crawl_records(12)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"".join(gzip.compress(r) for r in records))
    expected = [json.loads(line) for line in outdir_lines(deboil_bin, tmp_path, str(path))]
    results = list(deboil.clean_warc(path, jobs=2, errors="return"))
    # One result per page in file order: no request, 404 or image; None for the empty page.
    assert len(results) == 12 + 1 + 1
    errors = [r for r in results if isinstance(r, deboil.DeboilError)]
    assert len(errors) == 1 and "crawl.warc.gz: record " in str(errors[0]) and "Content-Length" in str(errors[0])
    assert results.count(None) == 1
    assert [r for r in results if isinstance(r, dict)] == expected
    with pytest.raises(deboil.DeboilError, match="Content-Length"):
        list(deboil.clean_warc(str(path), jobs=2))
    # Bytes read the same; a missing file is an OSError naming it.
    same = list(deboil.clean_warc(path.read_bytes(), jobs=1, errors="return", source=str(path)))
    assert [r for r in same if isinstance(r, dict)] == expected
    with pytest.raises(OSError, match="missing.warc"):
        deboil.clean_warc(tmp_path / "missing.warc").__next__()
    with pytest.raises(TypeError):
        next(deboil.clean_warc(42))


def test_clean_many_is_the_same_for_any_jobs_and_batch_size():
    pages = [{"id": str(n), "html": article_page(n)} for n in range(150)]
    pages[17] = b""  # an error, returned in its place
    pages[40] = EMPTY_PAGE
    expected = list(deboil.clean_many(pages, jobs=1, batch_size=1000, errors="return"))
    assert expected[40] is None and isinstance(expected[17], deboil.DeboilError)
    expected = [str(r) if isinstance(r, deboil.DeboilError) else r for r in expected]
    for jobs, batch_size in [(1, 1), (2, 3), (2, None), (3, 64), (4, 149)]:
        got = list(deboil.clean_many(iter(pages), jobs=jobs, batch_size=batch_size, errors="return"))
        got = [str(r) if isinstance(r, deboil.DeboilError) else r for r in got]
        assert got == expected, (jobs, batch_size)
    with pytest.raises(ValueError):
        list(deboil.clean_many(pages, jobs=2, batch_size=0))


def test_warc_lines_fed_read_as_on_stdin(deboil_bin, monkeypatch):
    records = crawl_records(20)
    # A Content-Length 5 bytes short: the block is not followed by CRLF CRLF, an error.
    length = int(records[10].split(b"Content-Length: ")[1].split(b"\r\n")[0])
    records[10] = records[10].replace(b"Content-Length: %d" % length, b"Content-Length: %d" % (length - 5))
    data = b"".join(records)
    expected = record_mode(deboil_bin, data)
    assert "CRLF CRLF" in expected and expected.count('"status":"error"') == 2
    monkeypatch.setattr(deboil, "LINES_PER_FEED", 3)
    lines = data.splitlines(keepends=True)
    assert "".join(deboil.clean_records(lines, jobs=2)) == expected


def test_input_past_the_size_limit_ends_the_stream_with_an_error_line(deboil_bin, monkeypatch):
    # Not JSONL nor WARC: one document, too large; the reader stops, the rest is not read.
    lines = ["<html><body>"] + ["<p>" + "word " * 50 + "</p>"] * 200
    data = "".join(line + "\n" for line in lines).encode()
    expected = record_mode(deboil_bin, data, "--max-size", "1000")
    assert expected.count("\n") == 1 and '"status":"error"' in expected
    monkeypatch.setattr(deboil, "LINES_PER_FEED", 3)
    assert "".join(deboil.clean_records(lines, jobs=2, max_size=1000)) == expected
