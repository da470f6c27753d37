"""The AEB metric (see shared/bench/README.md), ported to Python to score peer extractors
the same way `cargo xtask bench` scores deboil (xtask/src/aeb.rs).

- tokens: maximal runs of Unicode word characters (`\\w+`), case kept. "Word character" is
  the Rust `regex` crate's Unicode `\\w` (UTS #18): Alphabetic, marks (M), decimal digits
  (Nd), connector punctuation (Pc) and Join_Control. Python's own `\\w` differs on a few
  characters (it takes No such as "½" and "²", and leaves out combining marks, U+FE0F, ZWJ,
  "ⓒ"), which moves P/R in the 4th decimal on these sets, so the class is spelled out below
  (still a Python `re` pattern) from `unicodedata`;
- shingles: every run of 4 consecutive tokens; 1-3 tokens make one shingle of all of
  them; no tokens, no shingles;
- per page, as multisets: tp = sum of min(count in truth, count in prediction),
  fp = excess in the prediction, fn = excess in the truth, all divided by tp + fp + fn;
- precision = mean of tp/(tp+fp) over pages whose prediction has shingles, recall = mean
  of tp/(tp+fn) over pages whose truth has shingles, F1 = 2PR/(P+R) of the two means;
- accuracy = share of pages whose token sequences are identical.

A page whose prediction and truth are both empty is in neither mean and is accurate.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Optional

SHINGLE = 4

# Alphabetic = L* + Nl + Other_Alphabetic; Other_Alphabetic is marks (in M anyway) and
# these symbols (circled / squared Latin letters), the only So characters in it.
_WORD_CATEGORIES = {"Lu", "Ll", "Lt", "Lm", "Lo", "Nl", "Mn", "Mc", "Me", "Nd", "Pc"}
_EXTRA = [(0x200C, 0x200D), (0x24B6, 0x24E9), (0x1F130, 0x1F149), (0x1F150, 0x1F169), (0x1F170, 0x1F189)]


def _word_class() -> str:
    """A `re` character class of Rust's Unicode `\\w` (as far as `unicodedata` knows)."""
    ranges, start = [], None
    for cp in range(sys.maxunicode + 2):
        inside = cp <= sys.maxunicode and unicodedata.category(chr(cp)) in _WORD_CATEGORIES
        if inside and start is None:
            start = cp
        elif not inside and start is not None:
            ranges.append((start, cp - 1))
            start = None
    ranges += _EXTRA
    return "[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges) + "]"


WORD = re.compile(_word_class() + "+")


def tokens(text: str) -> list[str]:
    """Maximal runs of Unicode word characters, case kept."""
    return WORD.findall(text or "")


def shingles(toks: list[str]) -> Counter:
    """The multiset of shingles of a token sequence."""
    if not toks:
        return Counter()
    if len(toks) < SHINGLE:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1))


@dataclass
class PageScore:
    tp: float
    fp: float
    fn: float
    precision: Optional[float]  # None: empty prediction (not in the precision mean)
    recall: Optional[float]  # None: empty truth (not in the recall mean)
    accurate: bool


def score_page(truth: str, prediction: str) -> PageScore:
    truth_tokens = tokens(truth)
    prediction_tokens = tokens(prediction)
    expected = shingles(truth_tokens)
    predicted = shingles(prediction_tokens)
    tp = fp = 0
    for shingle, count in predicted.items():
        in_truth = expected.get(shingle, 0)
        tp += min(count, in_truth)
        fp += max(count - in_truth, 0)
    fn = sum(max(count - predicted.get(shingle, 0), 0) for shingle, count in expected.items())
    total = tp + fp + fn
    if total > 0:
        tp, fp, fn = tp / total, fp / total, fn / total
    else:
        tp, fp, fn = 0.0, 0.0, 0.0
    return PageScore(
        tp=tp,
        fp=fp,
        fn=fn,
        precision=tp / (tp + fp) if predicted else None,
        recall=tp / (tp + fn) if expected else None,
        accurate=truth_tokens == prediction_tokens,
    )


@dataclass
class Totals:
    pages: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    accuracy: float = 0.0
    precision_pages: int = 0
    recall_pages: int = 0


def totals(scores: Iterable[PageScore]) -> Totals:
    t = Totals()
    p_sum = r_sum = 0.0
    accurate = 0
    for s in scores:
        t.pages += 1
        if s.precision is not None:
            p_sum += s.precision
            t.precision_pages += 1
        if s.recall is not None:
            r_sum += s.recall
            t.recall_pages += 1
        accurate += int(s.accurate)
    t.precision = p_sum / t.precision_pages if t.precision_pages else 0.0
    t.recall = r_sum / t.recall_pages if t.recall_pages else 0.0
    t.f1 = 2 * t.precision * t.recall / (t.precision + t.recall) if t.precision + t.recall > 0 else 0.0
    t.accuracy = accurate / t.pages if t.pages else 0.0
    return t


def _selftest() -> None:
    close = lambda a, b: abs(a - b) < 1e-12  # noqa: E731
    s = score_page("alpha beta gamma delta epsilon", "alpha beta gamma delta epsilon")
    assert s.precision == 1.0 and s.recall == 1.0 and s.accurate
    # truth 6 tokens (3 shingles), prediction shifted by one: 2 shared, 1 extra, 1 missing.
    s = score_page("u v w x y z", "v w x y z q")
    assert close(s.tp, 0.5) and close(s.fp, 0.25) and close(s.fn, 0.25)
    assert close(s.precision, 2 / 3) and close(s.recall, 2 / 3) and not s.accurate
    # Empty prediction: out of the precision mean, recall 0.
    e = score_page("one two three four five", "— … !")
    assert e.precision is None and e.recall == 0.0
    t = totals([score_page("p q r s t", "p q r s t"), e])
    assert close(t.precision, 1.0) and close(t.recall, 0.5) and close(t.f1, 2 / 3)
    # Both empty: in neither mean, accurate.
    b = score_page("", " ")
    assert b.precision is None and b.recall is None and b.accurate
    # Short texts are one shingle; punctuation does not matter, case does.
    assert score_page("Hi there", "Hi, there!").precision == 1.0
    assert score_page("one two three four", "one two three").precision == 0.0
    assert not score_page("Hi there", "hi there").accurate
    # Multisets: a repeated paragraph pays for its extra copy.
    s = score_page("k l m n", "k l m n k l m n")
    assert close(s.precision, 0.2) and s.recall == 1.0
    assert tokens("Привет, мир! naïve Straße_2") == ["Привет", "мир", "naïve", "Straße_2"]
    # Rust's \\w, not Python's: combining marks, ZWJ and circled letters are in; ½ and ² are out.
    assert tokens("cafe\u0301 1½ x² a\u200db ⓒ") == ["cafe\u0301", "1", "x", "a\u200db", "ⓒ"]
    assert tokens("हिन्दी") == ["हिन्दी"]
    print("aeb_metric self-test: ok")


if __name__ == "__main__":
    _selftest()
