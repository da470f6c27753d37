"""deboil.clean and clean_many give the CLI's JSONL records, byte for byte."""

import gzip
import json
import subprocess

import pytest

import deboil
from conftest import EMPTY_PAGE, TEXT_PAGE, article_page


def cli_lines(deboil_bin, tmp_path, records):
    """The `--format jsonl` lines the CLI writes for `records` read from `pages.jsonl`."""
    (tmp_path / "pages.jsonl").write_text(
        "".join(json.dumps(record) + "\n" for record in records), encoding="utf-8"
    )
    subprocess.run(
        [deboil_bin, "clean", "pages.jsonl", "-o", "out", "--format", "jsonl", "--jobs", "2"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    lines = []
    for part in sorted((tmp_path / "out").glob("part-*.jsonl.gz")):
        lines += gzip.open(part, "rt", encoding="utf-8").read().splitlines(keepends=True)
    return {json.loads(line)["id"]: line for line in lines}


def test_clean_jsonl_is_the_cli_line(deboil_bin, tmp_path):
    records = [
        {"id": f"page-{n}", "url": f"https://news.example/flood/{n}", "html": article_page(n)}
        for n in range(5)
    ]
    records.append({"id": "notes", "text": TEXT_PAGE})
    records.append({"id": "non-ascii", "html": article_page(7).replace("river", "rivière")})
    expected = cli_lines(deboil_bin, tmp_path, records)
    assert len(expected) == len(records)
    for record in records:
        line = deboil.clean_jsonl(record, source="pages.jsonl")
        assert line == expected[record["id"]], record["id"]


def test_clean_many_matches_clean_in_order(deboil_bin, tmp_path):
    pages = [{"id": str(n), "html": article_page(n)} for n in range(300)]
    one_by_one = [deboil.clean(page) for page in pages]
    for jobs in (1, 2, 3):
        assert list(deboil.clean_many(pages, jobs=jobs)) == one_by_one


def test_clean_returns_text_and_metadata():
    result = deboil.clean(article_page(1), url="https://news.example/flood/1")
    assert result["id"] == "https://news.example/flood/1"
    assert "Report number 1, paragraph 3." in result["text"]
    assert "Accept" not in result["text"] and "Home" not in result["text"]
    metadata = result["metadata"]
    assert metadata["url"] == "https://news.example/flood/1"
    assert metadata["title"] == "Flood report 1"
    assert metadata["language"] == "eng"
    assert metadata["content_type"] == "html"


def test_ids_are_the_id_else_the_url_else_the_bytes_hash():
    page = article_page(2)
    assert deboil.clean(page, id="mine", url="https://x.example/")["id"] == "mine"
    assert deboil.clean(page, url="https://x.example/")["id"] == "https://x.example/"
    by_hash = deboil.clean(page)["id"]
    assert len(by_hash) == 64 and by_hash == deboil.clean(page.encode())["id"]


def test_bytes_str_and_text_inputs():
    assert deboil.clean(article_page(3).encode("utf-8"))["text"] == deboil.clean(article_page(3))["text"]
    latin1 = article_page(3).replace("river", "rivière").replace("charset=utf-8", "charset=iso-8859-1")
    result = deboil.clean(latin1.encode("latin-1"))
    assert "rivière" in result["text"]
    assert deboil.clean(TEXT_PAGE, content_type="text")["metadata"]["content_type"] == "text"


def test_empty_page_is_none():
    assert deboil.clean(EMPTY_PAGE) is None
    assert list(deboil.clean_many([EMPTY_PAGE, article_page(1)], jobs=2))[0] is None


def test_errors_are_deboil_errors_with_the_reason():
    with pytest.raises(deboil.DeboilError, match="empty"):
        deboil.clean(b"")
    with pytest.raises(deboil.DeboilError, match="larger|size|limit"):
        deboil.clean(article_page(1), max_size=100)
    with pytest.raises(deboil.DeboilError, match="content_type"):
        deboil.clean(article_page(1), content_type="image/png")
    results = list(deboil.clean_many([b"", article_page(1)], jobs=2, errors="return"))
    assert isinstance(results[0], deboil.DeboilError) and results[1]["text"]
    with pytest.raises(deboil.DeboilError):
        list(deboil.clean_many([article_page(1), b""], jobs=2))


def test_bad_arguments_raise():
    with pytest.raises(TypeError):
        deboil.clean(42)
    with pytest.raises(ValueError):
        list(deboil.clean_many([article_page(1)], jobs=0))
    with pytest.raises(ValueError):
        deboil.clean(article_page(1), time_budget=0)
