"""Hand-made pages and the deboil binary, shared by the Python tests."""

import os
import pathlib
import shutil

import pytest

REPO = pathlib.Path(__file__).resolve().parents[3]

PARAGRAPH = (
    "The river rose slowly through the night, and by morning the lower streets of the town "
    "stood under a hand of brown water that smelled of mud and diesel. "
)


def article_page(n: int) -> str:
    """An article page with a menu, a footer and a cookie notice around `n`-numbered text."""
    body = "".join(f"<p>{PARAGRAPH} Report number {n}, paragraph {i}.</p>" for i in range(4))
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        f"<title>Flood report {n} | The Town Paper</title></head><body>"
        "<nav><a href=/>Home</a> <a href=/news>News</a> <a href=/sport>Sport</a></nav>"
        f"<article><h1>Flood report {n}</h1>{body}</article>"
        "<footer>© The Town Paper. All rights reserved. <a href=/privacy>Privacy</a></footer>"
        "<div class=cookie-banner>We use cookies. <button>Accept</button></div>"
        "</body></html>"
    )


# A page of menu links only: no article text.
EMPTY_PAGE = "<html><body><nav><a href=/a>A</a> <a href=/b>B</a></nav></body></html>"

TEXT_PAGE = "Notes\n\n" + PARAGRAPH * 3 + "\n"


@pytest.fixture(scope="session")
def deboil_bin() -> str:
    """The CLI: $DEBOIL_BIN, else the workspace's debug build (made by `cargo test`)."""
    candidates = [os.environ.get("DEBOIL_BIN"), str(REPO / "target/debug/deboil"), shutil.which("deboil")]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    pytest.skip("no deboil binary: set DEBOIL_BIN or run cargo build")


def warc_record(warc_type: str, url: str, block: bytes, n: int, length: bool = True) -> bytes:
    """One WARC record; `length=False` leaves out Content-Length (a bad record)."""
    headers = [
        "WARC/1.0",
        f"WARC-Type: {warc_type}",
        f"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{n:012d}>",
        f"WARC-Target-URI: {url}",
        "WARC-Date: 2024-05-01T10:00:00Z",
        f"Content-Type: application/http; msgtype={warc_type}",
    ]
    if length:
        headers.append(f"Content-Length: {len(block)}")
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def http_response(html: str, status: str = "200 OK", content_type: str = "text/html; charset=utf-8") -> bytes:
    return f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n".encode() + html.encode("utf-8")


def crawl_records(count: int) -> list:
    """A crawl's records: pages, a request, a 404, an image, an empty page and a bad record."""
    records = []
    for n in range(count):
        url = f"https://news.example/flood/{n}"
        records.append(warc_record("request", url, f"GET /flood/{n} HTTP/1.1\r\n\r\n".encode(), 10 * n))
        records.append(warc_record("response", url, http_response(article_page(n)), 10 * n + 1))
    records.insert(3, warc_record("response", "https://news.example/gone", http_response("gone", "404 Not Found"), 7001))
    records.insert(5, warc_record("response", "https://news.example/a.png", http_response("PNG", content_type="image/png"), 7002))
    records.insert(6, warc_record("response", "https://news.example/menu", http_response(EMPTY_PAGE), 7003))
    records.insert(8, warc_record("response", "https://news.example/bad", http_response(article_page(99)), 7004, length=False))
    return records
