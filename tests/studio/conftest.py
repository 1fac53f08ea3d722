"""Fixtures for the studio's tests: a real studio server on a free port, and a page that records
every console error and every request that would leave this machine."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

pytest.importorskip("starlette", reason="the studio's server needs the studio extra (pip install -e '.[studio]')")
pytest.importorskip("uvicorn", reason="the studio's server needs the studio extra (pip install -e '.[studio]')")

from argmap.model import ArgumentMap  # noqa: E402
from argmap.studio import open_session  # noqa: E402
from argmap.studio.launch import Studio, start  # noqa: E402

HERE = Path(__file__).resolve().parent
#: A short article of our own (the op-ed itself lives outside the project: see the oped_text fixture).
ARTICLE = HERE / "school-phones.txt"
ROOT = HERE.parents[1]


@dataclass
class Running:
    """A studio serving a file: its URL, the file, and the session behind it."""

    studio: Studio
    path: Path | None

    @property
    def url(self) -> str:
        return self.studio.url

    @property
    def session(self) -> Any:
        return self.studio.session


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[..., Running]]:
    """Start a studio: ``serve(map or example path or None, name="map.json", text=None)``, where
    ``text`` is the article's text (a ``str``) or a file (a ``Path``); stopped after the test."""
    started: list[Studio] = []

    def make(source: ArgumentMap | str | Path | None = None, *, name: str = "map.json",
             text: str | Path | None = None) -> Running:
        path = tmp_path / name
        if isinstance(source, ArgumentMap):
            import argmap

            argmap.dump(source, path)
        elif source is not None:
            shutil.copy(ROOT / source, path)
        if isinstance(text, str):  # the article's text itself (a Path is a file to read)
            article = tmp_path / "article.txt"
            article.write_text(text, encoding="utf-8")
            text = article
        session = open_session(path, text=text)
        studio = start(session, port=0, open_browser=False)
        started.append(studio)
        return Running(studio, path)

    yield make
    for studio in started:
        studio.stop()


@dataclass
class Page:
    """A browser page that notes console errors, page errors and requests to other machines."""

    page: Any
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def open(self, url: str) -> Any:
        self.page.goto(url)
        self.page.wait_for_selector("#st-app[data-ready=ready]", timeout=20_000)
        return self.page

    def assert_clean(self, *, expected: str | None = None) -> None:
        """No console error, page error or request to another machine; ``expected``: the one
        message a test provokes on purpose (Chromium logs every 4xx answer as an error)."""
        errors = [e for e in self.errors if expected is None or expected not in e]
        assert errors == [], errors
        assert self.outside == [], self.outside


def _local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("blob", "data", "about") or parts.hostname in ("localhost", "127.0.0.1", "::1")


@pytest.fixture
def studio_page(browser: Any) -> Iterator[Callable[..., Page]]:
    """New pages (1280x860) in their own contexts; each records what it must not do."""
    contexts: list[Any] = []

    def make(width: int = 1280, height: int = 860, *, bypass_csp: bool = False) -> Page:
        context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True,
                                      bypass_csp=bypass_csp)
        contexts.append(context)
        page = context.new_page()
        watched = Page(page)
        page.on("console", lambda m: watched.errors.append(f"console {m.type}: {m.text}")
                if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: watched.errors.append(f"page error: {e}"))

        def route(r: Any) -> None:
            if _local(r.request.url):
                r.continue_()
            else:
                watched.outside.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        return watched

    yield make
    for context in contexts:
        context.close()
