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
