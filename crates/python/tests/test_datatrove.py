"""DeboilExtractor in a datatrove pipeline: WarcReader → DeboilExtractor → JsonlWriter."""

import gzip
import io
import json

import pytest

pytest.importorskip("datatrove")
warcio = pytest.importorskip("warcio")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import WarcReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

import deboil  # noqa: E402
from conftest import EMPTY_PAGE, article_page  # noqa: E402
from deboil.datatrove import DeboilExtractor  # noqa: E402


def write_warc(path, pages):
    """A gzipped WARC of HTTP responses, one per (url, html)."""
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, html in pages:
            payload = html.encode("utf-8")
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), http_headers=headers
            )
            writer.write_record(record)


def test_pipeline_replaces_text_and_adds_metadata(tmp_path):
    pages = [(f"https://news.example/flood/{n}", article_page(n)) for n in range(6)]
    pages.append(("https://news.example/menu", EMPTY_PAGE))
    (tmp_path / "warcs").mkdir()
    write_warc(tmp_path / "warcs" / "crawl.warc.gz", pages)

    LocalPipelineExecutor(
        pipeline=[
            WarcReader(str(tmp_path / "warcs")),
            DeboilExtractor(jobs=2),
            JsonlWriter(str(tmp_path / "out")),
        ],
        tasks=1,
        workers=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()

    docs = []
    for part in sorted((tmp_path / "out").glob("*.jsonl.gz")):
        docs += [json.loads(line) for line in gzip.open(part, "rt", encoding="utf-8")]
    by_url = {doc["metadata"]["url"]: doc for doc in docs}
    # The menu page holds no article: dropped, as datatrove's extractors drop empty text.
    assert sorted(by_url) == sorted(url for url, _ in pages[:-1])
    for url, html in pages[:-1]:
        doc = by_url[url]
        assert doc["text"] == deboil.clean(html, url=url)["text"]
        metadata = doc["metadata"]
        assert metadata["title"].startswith("Flood report")
        assert metadata["language"] == "eng"
        assert metadata["language_score"] == metadata["language_confidence"]
        assert "date" in metadata  # the reader's own metadata stays
    assert len({doc["id"] for doc in docs}) == len(docs)
