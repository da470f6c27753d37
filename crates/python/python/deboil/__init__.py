"""deboil: clean article text with provenance from scraped web pages.

``clean`` cleans one page; ``clean_many`` cleans many on several threads without the GIL,
results in input order. A result is the dict of the CLI's ``--format jsonl`` line for the same
record (``id``, ``text``, ``metadata``), or ``None`` when the page holds no article text.
``clean_warc`` and ``clean_records`` read whole containers (WARC, WET, JSONL) in Rust, as the
CLI reads them: no Python per record on the way in, the fastest paths.
"""

from __future__ import annotations

import collections
import itertools
import json
import os
from typing import Any, Iterable, Iterator, Mapping, Optional, Union

from deboil._deboil import (
    DEFAULT_MAX_SIZE,
    DEFAULT_TIME_BUDGET,
    DeboilError,
    RecordStream,
    __version__,
    clean_one,
    submit_batch,
)

__all__ = [
    "DEFAULT_MAX_SIZE",
    "DEFAULT_TIME_BUDGET",
    "DeboilError",
    "Result",
    "__version__",
    "clean",
    "clean_jsonl",
    "clean_many",
    "clean_records",
    "clean_warc",
]

Page = Union[str, bytes, bytearray, memoryview, Mapping[str, Any]]
Container = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview]

#: Documents handed to the threads at a time, per thread (bounds memory on long iterables).
BATCH_PER_JOB = 64
#: Lines handed to the Rust reader at a time by ``clean_records`` (few: cleaning starts as soon
#: as a handful of records is in, even in a short Spark partition).
LINES_PER_FEED = 16


class Result(dict):
    """A cleaned document: the CLI's JSONL record as a dict (``id``, ``text``, ``metadata``)."""


def _item(page: Page, url, id, content_type, charset):
    """The tuple the Rust half takes: (body, url, id, content type, charset)."""
    if isinstance(page, Mapping):
        body = page.get("html")
        if body is not None and content_type is None and page.get("content_type") is None:
            # As the CLI reads a JSONL record's `html` field.
            content_type = "html"
        if body is None:
            body = page.get("text")
            if body is not None and content_type is None and page.get("content_type") is None:
                content_type = "text"
        if body is None:
            body = page.get("content")
        if body is None:
            raise DeboilError("the record has none of the fields html, text or content")
        url = page.get("url", url)
        id = page.get("id", id)
        content_type = page.get("content_type") or content_type
        charset = page.get("charset") or charset
        page = body
    if isinstance(page, str):
        # Python text is Unicode already: its UTF-8 bytes, declared so (as JSONL is).
        return (page.encode("utf-8", "surrogatepass"), url, _text_id(id), content_type, "utf-8")
    if isinstance(page, (bytes, bytearray, memoryview)):
        return (bytes(page), url, _text_id(id), content_type, charset)
    raise TypeError(f"a page is str, bytes or a dict with html/text, not {type(page).__name__}")


def _text_id(id):
    return None if id is None else str(id)


def _result(status: str, payload: str, errors: str):
    if status == "ok":
        return Result(json.loads(payload))
    if status == "error":
        if errors == "raise":
            raise DeboilError(payload)
        return DeboilError(payload)
    return None


def clean_jsonl(
    page: Page,
    url: Optional[str] = None,
    content_type: Optional[str] = None,
    *,
    id: Optional[str] = None,
    charset: Optional[str] = None,
    source: str = "python",
    max_size: int = DEFAULT_MAX_SIZE,
    time_budget: float = DEFAULT_TIME_BUDGET,
) -> Optional[str]:
    """The CLI's JSONL line (with its newline) for ``page``, ``None`` when empty or skipped."""
    status, payload = clean_one(
        *_item(page, url, id, content_type, charset), source, max_size, time_budget
    )
    if status == "error":
        raise DeboilError(payload)
    return payload if status == "ok" else None


def clean(
    page: Page,
    url: Optional[str] = None,
    content_type: Optional[str] = None,
    *,
    id: Optional[str] = None,
    charset: Optional[str] = None,
    source: str = "python",
    max_size: int = DEFAULT_MAX_SIZE,
    time_budget: float = DEFAULT_TIME_BUDGET,
) -> Optional[Result]:
    """Cleans one page (HTML or plain text; ``str``, ``bytes`` or a dict with ``html``/``text``).

    ``content_type`` is ``"html"`` or ``"text"`` (sniffed when ``None``); ``charset`` is the
    transport's for ``bytes``. The id is ``id``, else ``url``, else the lower-case hex SHA-256 of
    the bytes; ``source`` names the container as the CLI's ``source_file``. Raises
    ``DeboilError`` with the reason when the page cannot be read; returns ``None`` when it
    holds no article text.
    """
    line = clean_jsonl(
        page,
        url,
        content_type,
        id=id,
        charset=charset,
        source=source,
        max_size=max_size,
        time_budget=time_budget,
    )
    return None if line is None else Result(json.loads(line))


def clean_many(
    pages: Iterable[Page],
    jobs: Optional[int] = None,
    *,
    errors: str = "raise",
    source: str = "python",
    max_size: int = DEFAULT_MAX_SIZE,
    time_budget: float = DEFAULT_TIME_BUDGET,
    batch_size: Optional[int] = None,
) -> Iterator[Union[Result, None, DeboilError]]:
    """Cleans ``pages`` on ``jobs`` threads (default: the CPUs) without the GIL.

    Yields one result per page in input order, as ``clean`` returns it; reads the iterable in
    batches of ``batch_size`` pages (default ``64 * jobs``), so it may be long. While one batch
    is cleaned the next is read from ``pages`` and the one before is yielded: reading,
    cleaning and the caller's work overlap. The results do not depend on ``jobs`` or
    ``batch_size``. With ``errors="return"`` a page that cannot be read yields its
    ``DeboilError`` instead of raising it, and the run goes on.
    """
    errors, jobs = _check(errors, jobs)
    if batch_size is None:
        batch_size = jobs * BATCH_PER_JOB
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    iterator = iter(pages)
    # Two batches on the threads at a time: the workers never wait for Python between them.
    in_flight: collections.deque = collections.deque()
    while True:
        batch = [_item(page, None, None, None, None) for page in itertools.islice(iterator, batch_size)]
        if batch:
            in_flight.append(submit_batch(batch, source, jobs, max_size, time_budget))
            if len(in_flight) < 2:
                continue
        if not in_flight:
            return
        for status, payload in in_flight.popleft().wait():
            yield _result(status, payload, errors)


def _check(errors: str, jobs: Optional[int]):
    if errors not in ("raise", "return"):
        raise ValueError(f'errors is "raise" or "return", not {errors!r}')
    if jobs is None:
        jobs = os.cpu_count() or 1
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    return errors, jobs


def _stream(data, jobs, source, max_size, time_budget, lines, emit_status):
    """A RecordStream over a path, bytes, or (with ``None``) lines fed later."""
    if isinstance(data, (str, os.PathLike)):
        path = os.fspath(data)
        return RecordStream.open(
            path, path if source is None else source, jobs, max_size, time_budget, lines, emit_status
        )
    if isinstance(data, (bytes, bytearray, memoryview)):
        return RecordStream.from_bytes(
            bytes(data), "-" if source is None else source, jobs, max_size, time_budget, lines, emit_status
        )
    return None


def _batches(stream) -> Iterator[list]:
    while True:
        batch = stream.next_batch()
        if batch is None:
            return
        yield batch


def clean_warc(
    data: Container,
    jobs: Optional[int] = None,
    *,
    errors: str = "raise",
    source: Optional[str] = None,
    max_size: int = DEFAULT_MAX_SIZE,
    time_budget: float = DEFAULT_TIME_BUDGET,
) -> Iterator[Union[Result, None, DeboilError]]:
    """Cleans every page of a container on ``jobs`` threads: yields what ``clean_many`` yields.

    ``data`` is a path (``str`` or ``os.PathLike``) or the container's bytes: WARC, WET or
    JSONL, plain, gzip or zstd, read and cleaned in Rust exactly as
    ``deboil clean PATH -o OUTDIR --format jsonl`` does (a result is the dict of its line).
    One result per page in file order: a dict, ``None`` for a page without article text, or
    the ``DeboilError`` of a bad record (raised unless ``errors="return"``, naming the record);
    records that hold no page (WARC requests, non-HTML responses) are left out. ``source``
    names the container (default: the path as given, ``-`` for bytes).
    """
    errors, jobs = _check(errors, jobs)
    stream = _stream(data, jobs, source, max_size, time_budget, False, False)
    if stream is None:
        raise TypeError(f"data is a path or bytes, not {type(data).__name__}")
    for batch in _batches(stream):
        for status, payload in batch:
            yield _result(status, payload, errors)


def clean_records(
    data: Union[Container, Iterable[Union[str, bytes]]],
    jobs: Optional[int] = None,
    *,
    emit_status: bool = False,
    source: Optional[str] = None,
    max_size: int = DEFAULT_MAX_SIZE,
    time_budget: float = DEFAULT_TIME_BUDGET,
) -> Iterator[str]:
    """Record mode in-process: yields the lines ``deboil clean - --format jsonl`` writes.

    ``data`` is an iterable of raw lines (``str`` or ``bytes``, with or without newline: JSONL
    records, or the lines of a WARC), a path, or a container's bytes; nothing is parsed in
    Python. Each yielded line is the CLI's, newline included: a JSONL record, or a status line
    (``{"id":…,"status":"error","reason":…}``) for a bad record, and with ``emit_status`` for
    empty and skipped ones too. Lines come out in input order; the next lines are pulled from
    ``data`` while earlier ones are cleaned. ``source`` defaults to ``-`` (a record without an
    id gets its URL, else its hash, as in record mode), or the path as given.
    """
    _, jobs = _check("raise", jobs)
    stream = _stream(data, jobs, source, max_size, time_budget, True, emit_status)
    if stream is not None:
        for batch in _batches(stream):
            yield from batch
        return
    stream = RecordStream.fed("-" if source is None else source, jobs, max_size, time_budget, True, emit_status)
    try:
        iterator = iter(data)
        while True:
            chunk = list(itertools.islice(iterator, LINES_PER_FEED))
            if not chunk:
                break
            stream.feed(chunk)
            for batch in stream.ready():
                yield from batch
    finally:
        stream.close()
    for batch in _batches(stream):
        yield from batch
