#!/usr/bin/env python3
"""Measures peer extractors on deboil's benchmark sets with the AEB metric.

Optional tooling, not part of CI or the test suite. See README.md next to this file.

Every extractor runs in its own child process pinned to ONE core, one after the other.
The child loads and gunzips all pages into memory first, then times only the extraction
loop (wall time, median of --runs loops) and writes the last loop's predictions as JSONL
(`{"id", "text"}`) to --out. The parent scores them with aeb_metric.py (a port of
xtask/src/aeb.rs) and prints one table.
"""

from __future__ import annotations

import argparse
import gzip
import html as htmllib
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import aeb_metric  # noqa: E402

DEFAULT_DATA = HERE.parents[2] / "shared" / "bench"  # /work/main/xtask/peers -> /work/shared/bench
PAGE_TYPES = ["article", "forum", "product", "listing", "documentation", "service", "collection"]

# (set name, input folder, input kind, ground truth)
SETS = {
    "aeb": ("aeb/html", "html", "aeb/ground-truth.json"),
    "wcxb-dev": ("wcxb-dev/html", "html", "wcxb-dev/ground-truth.json"),
    "aeb-text": ("aeb-text", "text", "aeb/ground-truth.json"),
}

# (extractor, sets it runs on), in the order they are run and printed.
JOBS = [
    ("trafilatura", ["aeb", "wcxb-dev"]),
    ("trafilatura-precision", ["aeb", "wcxb-dev"]),
    ("resiliparse", ["aeb", "wcxb-dev"]),
    ("readability-lxml", ["aeb", "wcxb-dev"]),
    ("justext", ["aeb", "wcxb-dev", "aeb-text"]),
    ("justext-en", ["aeb", "wcxb-dev", "aeb-text"]),
    ("whole-text", ["aeb-text"]),
]

# `<html lang>` codes -> jusText stoplist names; anything else (or no lang) -> English.
JUSTEXT_LANGS = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "pl": "Polish",
    "cs": "Czech", "sv": "Swedish", "da": "Danish", "fi": "Finnish", "no": "Norwegian_Bokmal",
    "nb": "Norwegian_Bokmal", "tr": "Turkish", "id": "Indonesian", "ko": "Korean",
    "el": "Greek", "hu": "Hungarian", "ro": "Romanian", "vi": "Vietnamese", "ar": "Arabic",
    "he": "Hebrew", "hi": "Hindi", "fa": "Persian",
}
LANG_ATTR = re.compile(r"<html\b[^>]*?\slang\s*=\s*[\"']?([A-Za-z]{2,3})", re.I)


def page_lang(html: str) -> str:
    m = LANG_ATTR.search(html[:20000])
    return JUSTEXT_LANGS.get(m.group(1).lower(), "English") if m else "English"


def load_pages(data: Path, set_name: str) -> list[tuple[str, str]]:
    """(id, text) of every page of the set, gunzipped and decoded, sorted by id."""
    folder, kind, _ = SETS[set_name]
    pages = []
    for path in sorted((data / folder).iterdir()):
        name = path.name
        if name.startswith("."):
            continue
        if name.endswith(".html.gz"):
            pid, raw = name[: -len(".html.gz")], gzip.decompress(path.read_bytes())
        elif name.endswith(".txt"):
            pid, raw = name[: -len(".txt")], path.read_bytes()
        else:
            continue
        pages.append((pid, raw.decode("utf-8", errors="replace")))
    return pages


def make_extractor(name: str, set_name: str, data: Path):
    """A function (id, page) -> text. Imports happen here, outside the timed loop."""
    if name in ("trafilatura", "trafilatura-precision"):
        import trafilatura

        precision = name == "trafilatura-precision"

        def run(_pid, html):
            return trafilatura.extract(html, favor_precision=precision) or ""

        return run
    if name == "resiliparse":
        from resiliparse.extract.html2text import extract_plain_text

        return lambda _pid, html: extract_plain_text(html, main_content=True) or ""
    if name == "readability-lxml":
        import lxml.html
        from readability import Document

        def run(_pid, html):
            summary = Document(html).summary()
            return lxml.html.fromstring(summary).text_content() if summary.strip() else ""

        return run
    if name in ("justext", "justext-en"):
        import justext

        # justext: the stoplist of the page's `<html lang>`; justext-en: English everywhere.
        lang_of = (lambda _html: "English") if name == "justext-en" else page_lang

        stoplists: dict[str, frozenset] = {}

        def stoplist(lang):
            if lang not in stoplists:
                stoplists[lang] = justext.get_stoplist(lang)
            return stoplists[lang]

        if SETS[set_name][1] == "text":
            # Plain text: each line becomes a <p>; the language comes from the same page's
            # HTML in aeb/ (looked up here, outside the timed loop).
            langs = {pid: lang_of(html) for pid, html in load_pages(data, "aeb")}
            for lang in set(langs.values()):
                stoplist(lang)

            def run(pid, text):
                body = "".join(f"<p>{htmllib.escape(line)}</p>" for line in text.splitlines() if line.strip())
                html = f"<html><body>{body}</body></html>"
                paras = justext.justext(html, stoplist(langs.get(pid, "English")))
                return "\n".join(p.text for p in paras if not p.is_boilerplate)

            return run

        def run(_pid, html):
            paras = justext.justext(html, stoplist(lang_of(html)))
            return "\n".join(p.text for p in paras if not p.is_boilerplate)

        return run
    if name == "whole-text":
        return lambda _pid, text: text
    raise SystemExit(f"unknown extractor {name}")


def worker(args) -> None:
    """Child process: extract one set with one extractor, time it, write JSONL + timing."""
    pages = load_pages(args.data, args.set)
    extract = make_extractor(args.worker, args.set, args.data)
    seconds, failures = [], 0
    for _ in range(args.runs):
        outputs, failures = [], 0
        start = time.perf_counter()
        for pid, page in pages:
            try:
                text = extract(pid, page)
            except Exception:  # a failed page scores as an empty prediction
                text, failures = "", failures + 1
            outputs.append((pid, text))
        seconds.append(time.perf_counter() - start)
    stem = args.out / f"{args.worker}.{args.set}"
    with open(f"{stem}.jsonl", "w", encoding="utf-8") as f:
        for pid, text in outputs:
            f.write(json.dumps({"id": pid, "text": text}, ensure_ascii=False) + "\n")
    with open(f"{stem}.timing.json", "w") as f:
        json.dump({"pages": len(pages), "seconds": seconds, "failures": failures}, f)


def score(data: Path, out: Path, extractor: str, set_name: str):
    truth = json.loads((data / SETS[set_name][2]).read_text(encoding="utf-8"))
    predictions = {}
    with open(out / f"{extractor}.{set_name}.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            predictions[row["id"]] = row["text"]
    scores = [
        (entry.get("page_type"), aeb_metric.score_page(entry["articleBody"], predictions.get(pid, "")))
        for pid, entry in sorted(truth.items())
    ]
    totals = aeb_metric.totals(s for _, s in scores)
    by_type = {
        t: aeb_metric.totals(s for pt, s in scores if pt == t)
        for t in PAGE_TYPES
        if any(pt == t for pt, _ in scores)
    }
    return totals, by_type


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="benchmark data (default: %(default)s)")
    ap.add_argument("--out", type=Path, default=Path("/tmp/deboil-peers"), help="predictions (default: %(default)s)")
    ap.add_argument("--runs", type=int, default=3, help="timed loops per extractor and set (median)")
    ap.add_argument("--cpu", type=int, default=None, help="core to pin the children to (default: first allowed)")
    ap.add_argument("--only", nargs="*", default=None, help="extractors to run (default: all)")
    ap.add_argument("--score-only", action="store_true", help="score existing predictions in --out")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--set", help=argparse.SUPPRESS)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.worker:
        return worker(args)

    cpu = args.cpu if args.cpu is not None else min(os.sched_getaffinity(0))
    jobs = [(e, sets) for e, sets in JOBS if args.only is None or e in args.only]
    if not args.score_only:
        for extractor, sets in jobs:
            for set_name in sets:
                print(f"running {extractor} on {set_name} (core {cpu}) ...", file=sys.stderr, flush=True)
                subprocess.run(
                    [sys.executable, __file__, "--worker", extractor, "--set", set_name,
                     "--data", str(args.data), "--out", str(args.out), "--runs", str(args.runs)],
                    check=True,
                    preexec_fn=lambda: os.sched_setaffinity(0, {cpu}),
                )

    rows, type_rows = [], []
    for extractor, sets in jobs:
        for set_name in sets:
            t, by_type = score(args.data, args.out, extractor, set_name)
            timing = json.loads((args.out / f"{extractor}.{set_name}.timing.json").read_text())
            rate = timing["pages"] / statistics.median(timing["seconds"])
            rows.append((extractor, set_name, t, rate, timing["failures"]))
            if by_type:
                type_rows.append((extractor, by_type))

    print("| extractor | set | pages | P | R | F1 | accuracy | pages/s (1 core) |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for extractor, set_name, t, rate, failures in rows:
        note = f" ({failures} failed)" if failures else ""
        speed = "—" if extractor == "whole-text" else f"{rate:.0f}"
        print(f"| {extractor} | {set_name} | {t.pages}{note} | {t.precision:.3f} | {t.recall:.3f} | "
              f"{t.f1:.3f} | {t.accuracy:.3f} | {speed} |")
    if type_rows:
        print()
        print("wcxb-dev F1 by page type:")
        types = [t for t in PAGE_TYPES if t in type_rows[0][1]]
        print("| extractor | " + " | ".join(f"{t} ({type_rows[0][1][t].pages})" for t in types) + " |")
        print("|---|" + "---:|" * len(types))
        for extractor, by_type in type_rows:
            print(f"| {extractor} | " + " | ".join(f"{by_type[t].f1:.3f}" for t in types) + " |")


if __name__ == "__main__":
    main()
