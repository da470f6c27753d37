"""A datatrove step: ``DeboilExtractor`` stands where ``Trafilatura()`` stands in a pipeline.

Same input and output shape as datatrove's extractors: each ``Document.text`` (HTML, as
``WarcReader`` gives it) is replaced by the article text; deboil's metadata (title, language,
words, …) is added to ``Document.metadata`` under the keys of its JSONL record, with
``language_score`` beside deboil's ``language_confidence`` as datatrove names it. Documents with
no article text, or that cannot be read, are dropped and counted, as the other extractors do.
Documents are cleaned in batches on ``jobs`` threads without the GIL: no sandbox process is
needed, as deboil stops a document at ``time_budget`` itself and never crashes the worker.
"""

from __future__ import annotations

import itertools
from typing import Optional

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.extractors.base import BaseExtractor
from datatrove.utils.typeshelper import StatHints

import deboil

#: Metadata the reader gave that deboil's must not replace (datatrove's own provenance).
_KEEP_FROM_READER = ("url", "date")


class DeboilExtractor(BaseExtractor):
    """Replaces ``Document.text`` (HTML or plain text) with the article text deboil finds."""

    name = "🪓 deboil"
    _requires_dependencies = []

    def __init__(
        self,
        jobs: int = 1,
        time_budget: float = deboil.DEFAULT_TIME_BUDGET,
        batch_size: int = 64,
        content_type: Optional[str] = None,
    ):
        """
        Args:
            jobs: threads cleaning at once in this task (datatrove runs one task per core:
                keep 1 there).
            time_budget: seconds a document may take before it is dropped (as ``timeout``).
            batch_size: documents handed to the threads at a time.
            content_type: ``"html"`` or ``"text"`` for every document; sniffed when None.
        """
        super().__init__(timeout=time_budget)
        self.jobs = jobs
        self.batch_size = batch_size
        self.content_type = content_type

    def extract(self, text: str) -> str:
        """The article text of one page ("" when it holds none): for callers of the base API."""
        result = deboil.clean(text, content_type=self.content_type, time_budget=self.timeout)
        return "" if result is None else result["text"]

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        data = iter(data)
        while True:
            batch = list(itertools.islice(data, self.batch_size * self.jobs))
            if not batch:
                return
            pages = [
                {
                    "html": doc.text,
                    "id": doc.id,
                    "url": doc.metadata.get("url"),
                    "content_type": self.content_type,
                }
                for doc in batch
            ]
            with self.track_time(unit="batch"):
                results = list(
                    deboil.clean_many(
                        pages, jobs=self.jobs, errors="return", time_budget=self.timeout
                    )
                )
            for doc, result in zip(batch, results):
                self.stat_update(StatHints.total)
                if isinstance(result, deboil.DeboilError):
                    self.stat_update("clean_error")
                    continue
                if result is None or not result["text"]:
                    self.stat_update(StatHints.dropped)
                    continue
                self.stat_update("extracted")
                doc.text = result["text"]
                metadata = dict(result["metadata"])
                for key in _KEEP_FROM_READER:
                    metadata.pop(key, None)
                if "language_confidence" in metadata:
                    metadata.setdefault("language_score", metadata["language_confidence"])
                doc.metadata.update(metadata)
                self.stat_update(StatHints.forwarded)
                self.update_doc_stats(doc)
                yield doc
