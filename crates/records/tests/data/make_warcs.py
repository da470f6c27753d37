"""Writes the WARC/WET fixtures for deboil-records' tests with warcio, an independent writer.

Run once (python3 -m venv /tmp/warcio-venv && /tmp/warcio-venv/bin/pip install warcio), then
commit the outputs: the Rust tests read them and need no Python.

    /tmp/warcio-venv/bin/python crates/records/tests/data/make_warcs.py [OUTDIR]

Record ids and dates are fixed so that regenerating gives the same files: `.ci/run` writes
them again into a temp dir and checks that they are byte for byte the committed ones.
"""

import gzip
import io
import os

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else HERE

HTML_UTF8 = (
    "<!doctype html><html><head><meta charset=utf-8><title>Café news</title></head>"
    "<body><article><h1>Café news</h1><p>Plain prose about the café, naïve résumé.</p>"
    "</article></body></html>"
).encode("utf-8")

HTML_1251 = (
    "<html><head><title>Новости</title></head><body><p>Привет, мир! Это статья.</p>"
    "</body></html>"
).encode("windows-1251")

XHTML = (
    b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>'
    b"<p>An XHTML page.</p></body></html>"
)

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64))

NOT_FOUND = b"<html><body><h1>404 Not Found</h1></body></html>"

TEXT = b"Just a plain text file.\nSecond line.\n"

GZIPPED_HTML = b"<html><body><p>This body was sent gzip-compressed.</p></body></html>"

CHUNKED_HTML = b"<html><body><p>This body was sent in chunks.</p></body></html>"


def chunked(data, size=20):
    out = b""
    for i in range(0, len(data), size):
        part = data[i : i + size]
        out += b"%x\r\n" % len(part) + part + b"\r\n"
    return out + b"0\r\n\r\n"


def uid(n):
    return "<urn:uuid:00000000-0000-4000-8000-%012d>" % n


def date(n):
    return "2024-03-01T12:00:%02dZ" % n


def response(writer, n, uri, status, headers, body, version):
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    return writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(body),
        http_headers=http,
        warc_headers_dict={"WARC-Record-ID": uid(n), "WARC-Date": date(n)},
    )


def write_warc(path, gz, version):
    with open(path, "wb") as out:
        w = WARCWriter(out, gzip=gz, warc_version=version)
        info = w.create_warcinfo_record(
            os.path.basename(path),
            {"software": "warcio", "format": "WARC File Format " + version[5:]},
        )
        info.rec_headers.replace_header("WARC-Record-ID", uid(1))
        info.rec_headers.replace_header("WARC-Date", date(1))
        w.write_record(info)

        req = w.create_warc_record(
            "https://example.com/cafe",
            "request",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders(
                "GET /cafe HTTP/1.1",
                [("Host", "example.com"), ("User-Agent", "test")],
                is_http_request=True,
            ),
            warc_headers_dict={"WARC-Record-ID": uid(2), "WARC-Date": date(2)},
        )
        w.write_record(req)

        recs = [
            (3, "https://example.com/cafe", "200 OK",
             [("Content-Type", "text/html; charset=UTF-8")], HTML_UTF8),
            (4, "http://news.example.ru/article?id=1", "200 OK",
             [("Content-Type", 'text/html; charset="windows-1251"')], HTML_1251),
            (5, "https://example.com/logo.png", "200 OK",
             [("Content-Type", "image/png")], PNG),
            (6, "https://example.com/missing", "404 Not Found",
             [("Content-Type", "text/html")], NOT_FOUND),
            (7, "https://example.com/readme.txt", "200 OK",
             [("Content-Type", "text/plain; charset=us-ascii")], TEXT),
            (8, "https://example.com/page.xhtml", "200 OK",
             [("Content-Type", "application/xhtml+xml")], XHTML),
            (9, "https://example.com/gz", "200 OK",
             [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
             gzip.compress(GZIPPED_HTML, mtime=0)),
            (10, "https://example.com/chunked", "200 OK",
             [("Content-Type", "text/html; charset=utf-8"),
              ("Transfer-Encoding", "chunked")],
             chunked(CHUNKED_HTML)),
        ]
        for n, uri, status, headers, body in recs:
            w.write_record(response(w, n, uri, status, headers, body, version))

        meta = w.create_warc_record(
            "https://example.com/cafe",
            "metadata",
            payload=io.BytesIO(b"fetchTimeMs: 42\n"),
            warc_content_type="application/warc-fields",
            warc_headers_dict={"WARC-Record-ID": uid(11), "WARC-Date": date(11)},
        )
        w.write_record(meta)

        revisit = w.create_revisit_record(
            "https://example.com/cafe",
            digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            refers_to_uri="https://example.com/cafe",
            refers_to_date=date(3),
            http_headers=StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"
            ),
        )
        revisit.rec_headers.replace_header("WARC-Record-ID", uid(12))
        revisit.rec_headers.replace_header("WARC-Date", date(12))
        w.write_record(revisit)


def write_wet(path, gz):
    with open(path, "wb") as out:
        w = WARCWriter(out, gzip=gz, warc_version="WARC/1.0")
        info = w.create_warcinfo_record(os.path.basename(path), {"software": "warcio"})
        info.rec_headers.replace_header("WARC-Record-ID", uid(20))
        info.rec_headers.replace_header("WARC-Date", date(20))
        w.write_record(info)
        texts = [
            (21, "https://example.com/cafe", "Café news\nPlain prose about the café.\n"),
            (22, "http://news.example.ru/article?id=1", "Новости\nПривет, мир!\n"),
        ]
        for n, uri, text in texts:
            rec = w.create_warc_record(
                uri,
                "conversion",
                payload=io.BytesIO(text.encode("utf-8")),
                warc_content_type="text/plain",
                warc_headers_dict={
                    "WARC-Record-ID": uid(n),
                    "WARC-Date": date(n),
                    "WARC-Refers-To": uid(n - 18),
                },
            )
            w.write_record(rec)


write_warc(os.path.join(OUT, "sample.warc"), False, "WARC/1.0")
write_warc(os.path.join(OUT, "sample.warc.gz"), True, "WARC/1.1")
write_wet(os.path.join(OUT, "sample.wet"), False)
write_wet(os.path.join(OUT, "sample.wet.gz"), True)
