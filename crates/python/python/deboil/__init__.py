"""deboil: clean article text with provenance from scraped web pages.

``clean`` cleans one page; ``clean_many`` cleans many on several threads without the GIL,
results in input order. A result is the dict of the CLI's ``--format jsonl`` line for the same
record (``id``, ``text``, ``metadata``), or ``None`` when the page holds no article text.
"""

from __future__ import annotations

import itertools
import json
import os
from typing import Any, Iterable, Iterator, Mapping, Optional, Union

from deboil._deboil import (
    DEFAULT_MAX_SIZE,
    DEFAULT_TIME_BUDGET,
    DeboilError,
    __version__,
    clean_batch,
    clean_one,
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
]

Page = Union[str, bytes, bytearray, memoryview, Mapping[str, Any]]

#: Documents handed to the threads at a time, per thread (bounds memory on long iterables).
BATCH_PER_JOB = 64


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
) -> Iterator[Union[Result, None, DeboilError]]:
    """Cleans ``pages`` on ``jobs`` threads (default: the CPUs) without the GIL.

    Yields one result per page in input order, as ``clean`` returns it; reads the iterable in
    batches, so it may be long. With ``errors="return"`` a page that cannot be read yields its
    ``DeboilError`` instead of raising it, and the run goes on.
    """
    if errors not in ("raise", "return"):
        raise ValueError(f'errors is "raise" or "return", not {errors!r}')
    if jobs is None:
        jobs = os.cpu_count() or 1
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    iterator = iter(pages)
    while True:
        batch = [_item(page, None, None, None, None) for page in itertools.islice(iterator, jobs * BATCH_PER_JOB)]
        if not batch:
            return
        for status, payload in clean_batch(batch, source, jobs, max_size, time_budget):
            yield _result(status, payload, errors)
