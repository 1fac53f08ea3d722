"""The studio's web app: a Starlette application over one :class:`~argmap.studio.session.Session`.

Routes (every ``/api/`` route needs the page's token, see :mod:`argmap.studio.guard`):

- ``GET /``: the page; ``GET /assets/NAME``: its scripts and stylesheet (a fixed list, read from
  the package; no path from a request reaches the file system);
- ``GET /api/state``: the map, its picture, outline, passages and history, at the current version;
- ``POST /api/edit``, ``/api/undo``, ``/api/redo``, ``/api/import``, ``/api/adopt``: a change,
  given the version the page last saw; the answer is the new state, or 409 when the page is
  behind (another tab changed the map) or the file changed on disk;
- ``GET /api/feedback``, ``/api/evaluate``, ``/api/explain``: findings and critical questions, an
  evaluation, why a claim has its status;
- ``GET /api/export?format=F``: the map in any format argmap writes (a download).

The drawing and the checks run in a worker thread, so the server keeps answering meanwhile.
The checks and the semantics (:mod:`argmap.studio.feedback`, which brings NumPy) load on first
use, after the first picture: the studio shows the map sooner.
"""

from __future__ import annotations

import html
import json
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import PurePath
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

import argmap
from argmap.errors import ArgmapError
from argmap.formats import registry
from argmap.model import ArgumentMap
from argmap.studio.edits import EditError
from argmap.studio.guard import Guard, host_checker
from argmap.studio.session import Change, Session, Stale
from argmap.studio.storage import FileChanged
from argmap.studio.view import nodes, outline_items, picture

__all__ = ["create_app", "StudioApp", "ASSETS", "MAX_EDIT", "MAX_IMPORT"]

#: The most an edit request may carry (bytes), and an import (a whole map file).
MAX_EDIT = 1_000_000
MAX_IMPORT = 10_000_000

#: The page's files: name -> content type. Nothing else under /assets/ is served.
ASSETS: dict[str, str] = {
    "studio.css": "text/css; charset=utf-8",
    "icon.svg": "image/svg+xml",
    **{name: "text/javascript; charset=utf-8" for name in (
        "app.js", "api.js", "picture.js", "outline.js", "editor.js", "feedback.js", "article.js",
        "keys.js", "dom.js")},
}


class TooLarge(ArgmapError):
    """A request body over the route's limit."""


def _asset(name: str) -> bytes:
    return resources.files("argmap.studio").joinpath("assets", name).read_bytes()


async def read_json(request: Request, limit: int) -> dict[str, Any]:
    """The request's JSON object, counted as it arrives: :class:`TooLarge` past ``limit`` bytes."""
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:
            raise TooLarge(f"the request is larger than the studio accepts ({limit:,} bytes)")
    try:
        data = json.loads(bytes(body).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise EditError("the request is not JSON") from None
    if not isinstance(data, dict):
        raise EditError("the request is not a JSON object")
    return data


def _error(status: int, kind: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": kind, "message": message, **extra}, status_code=status)


@dataclass
class StudioApp:
    """The session and what the app remembers between requests (pictures by version)."""

    session: Session
    token: str
    pictures: OrderedDict[tuple[int, str], dict[str, Any]] = field(default_factory=OrderedDict)

    # -- what the page is sent ----------------------------------------------------------------
    def _evaluation(self, m: ArgumentMap, mode: str) -> Mapping[str, object] | None:
        if not mode:
            return None
        from argmap.studio import feedback

        result = feedback.evaluation(m, mode)["nodes"]
        return {node: (v["status"] if "status" in v else v["strength"]) for node, v in result.items()}

    def picture(self, mode: str, meanwhile: Callable[[], object] | None = None) -> dict[str, Any]:
        """The picture of the current version (drawn once per version and evaluation)."""
        s = self.session
        key = (s.version, mode)
        found = self.pictures.get(key)
        if found is None:
            found = picture(s.map, self._evaluation(s.map, mode), meanwhile=meanwhile)
            self.pictures[key] = found
            while len(self.pictures) > 4:
                self.pictures.popitem(last=False)
        elif meanwhile is not None:
            meanwhile()
        return found

    def state(self, mode: str = "", change: Change | None = None) -> dict[str, Any]:
        """Everything the page shows of the current version."""
        s = self.session
        with s.lock:
            m = s.map
            data: dict[str, Any] = {
                "version": s.version,
                "title": m.title or "",
                "evaluation": mode,
                "history": {"undo": s.undo_label, "redo": s.redo_label},
                "file": None if s.file is None else {
                    "name": s.file.path.name, "format": s.file.format, "rewritten": s.file.rewritten},
            }

            def text_parts() -> None:  # done while the layout engine works
                data["nodes"] = nodes(m)
                data["outline"] = outline_items(m)
                if s.article is not None:
                    data["article"] = {"name": s.article.name, "segments": s.article.segments(m)}

            data["picture"] = self.picture(mode, text_parts)
        if change is not None:
            data["change"] = {"label": change.label, "select": change.select}
        return data

    # -- routes ---------------------------------------------------------------------------------
    async def index(self, request: Request) -> Response:
        page = _asset("studio.html").decode("utf-8").replace("{{token}}", html.escape(self.token))
        return Response(page, media_type="text/html; charset=utf-8")

    async def asset(self, request: Request) -> Response:
        name = request.path_params["name"]
        kind = ASSETS.get(name)
        if kind is None:
            return _error(404, "not-found", "no such file")
        return Response(_asset(name), media_type=kind)

    async def get_state(self, request: Request) -> Response:
        mode = request.query_params.get("evaluation", "")
        return await self._run(lambda: self.state(mode))

    async def _run(self, work: Callable[[], dict[str, Any]]) -> Response:
        """Run ``work`` in a worker thread and answer with its JSON, or with the error in words."""
        try:
            return JSONResponse(await run_in_threadpool(work))
        except Stale as exc:
            return _error(409, "stale", "This map was changed in another tab or window since this page "
                          "loaded it, so your last change was not made. Reload to see the map as it is now.",
                          version=exc.current)
        except FileChanged as exc:
            return _error(409, "file-changed", f"{exc}. Your last change was not saved. Load the file as it "
                          "is now (your earlier changes stay in Undo), or export your map first.")
        except TooLarge as exc:
            return _error(413, "too-large", str(exc))
        except ArgmapError as exc:
            return _error(400, "edit", str(exc))
        except OSError as exc:
            return _error(507, "save-failed", f"Could not save the file: {exc.strerror or exc}. "
                          "Your last change was not made.")

    async def _change(self, request: Request, make: Callable[[Session, int, dict[str, Any]], Change],
                      limit: int = MAX_EDIT) -> Response:
        try:
            body = await read_json(request, limit)
        except TooLarge as exc:
            return _error(413, "too-large", str(exc))
        except ArgmapError as exc:
            return _error(400, "edit", str(exc))
        wanted = body.get("evaluation")
        mode = wanted if isinstance(wanted, str) else ""

        def work() -> dict[str, Any]:
            change = make(self.session, body.get("version", -1), body)
            return self.state(mode, change)

        return await self._run(work)

    async def edit(self, request: Request) -> Response:
        def make(s: Session, seen: int, body: dict[str, Any]) -> Change:
            args = body.get("args")
            if not isinstance(args, dict):
                raise EditError("an edit's arguments are a JSON object")
            passage = args.pop("passage", None)
            if passage is not None:  # a claim made from the article: the quote is the passage, verbatim
                if s.article is None or not isinstance(passage, list) or len(passage) != 2:
                    raise EditError("there is no text to take a passage from")
                args["quote"] = s.article.passage(passage[0], passage[1])
                if not str(args.get("text", "")).strip():
                    args["text"] = args["quote"]
            return s.edit(seen, str(body.get("op")), args)
        return await self._change(request, make)

    async def undo(self, request: Request) -> Response:
        return await self._change(request, lambda s, seen, _body: s.undo(seen))

    async def redo(self, request: Request) -> Response:
        return await self._change(request, lambda s, seen, _body: s.redo(seen))

    async def adopt(self, request: Request) -> Response:
        return await self._change(request, lambda s, seen, _body: s.adopt(seen))

    async def import_map(self, request: Request) -> Response:
        def make(s: Session, seen: int, body: dict[str, Any]) -> Change:
            text, name = body.get("text"), body.get("name")
            if not isinstance(text, str) or not isinstance(name, str):
                raise EditError("an import needs the file's name and text")
            name = PurePath(name).name or "import"
            fmt = registry.for_path(name, reading=True, text=text)
            m = argmap.loads(text, fmt.name, path=name)
            if not isinstance(m, ArgumentMap):
                raise EditError(f"{name} holds an abstract framework, not an argument map")
            return s.replace(seen, m, f"import {name}")
        return await self._change(request, make, MAX_IMPORT)

    async def export(self, request: Request) -> Response:
        name = request.query_params.get("format", "")
        try:
            fmt = registry.get(name)
        except ArgmapError as exc:
            return _error(400, "edit", str(exc))
        if not fmt.can_write and fmt.draw is None:
            return _error(400, "edit", f"argmap cannot write {fmt.name}")

        def work() -> bytes:
            with self.session.lock:
                m = self.session.map.copy()
            if fmt.draw is not None:
                return argmap.render_bytes(m, fmt.name)
            return argmap.dumps(m, fmt.name).encode("utf-8")

        try:
            data = await run_in_threadpool(work)
        except ArgmapError as exc:
            return _error(400, "edit", str(exc))
        title = self.session.map.title or "argument-map"
        stem = "".join(ch for ch in title if ch.isascii() and (ch.isalnum() or ch in " -_"))
        filename = (stem.strip().replace(" ", "-") or "argument-map")[:60] + fmt.suffixes[0]
        return Response(data, media_type="application/octet-stream",
                        headers={"content-disposition": f'attachment; filename="{filename}"'})

    async def formats(self, request: Request) -> Response:
        from argmap.analysis.schemes import catalogue

        every = registry.all_formats()
        return JSONResponse({
            "export": [{"name": f.name, "suffix": f.suffixes[0], "description": f.description}
                       for f in every if f.can_write or f.draw is not None],
            "import": [{"name": f.name, "suffixes": list(f.suffixes), "description": f.description}
                       for f in every if f.can_read and f.name not in ("apx", "tgf", "iccma23")],
            "schemes": [scheme.name for scheme in catalogue().schemes],
            "kinds": [kind.name for kind in catalogue().source_kinds],
        })

    async def get_feedback(self, request: Request) -> Response:
        from argmap.studio import feedback

        def work() -> dict[str, Any]:
            with self.session.lock:
                m = self.session.map.copy()
                version = self.session.version
            return {"version": version, "findings": feedback.findings(m), "questions": feedback.questions(m)}
        return await self._run(work)

    async def get_evaluation(self, request: Request) -> Response:
        from argmap.studio import feedback

        mode = request.query_params.get("semantics", "grounded")

        def work() -> dict[str, Any]:
            with self.session.lock:
                m = self.session.map.copy()
            return feedback.evaluation(m, mode)
        return await self._run(work)

    async def explain(self, request: Request) -> Response:
        from argmap.studio import feedback

        node = request.query_params.get("node", "")

        def work() -> dict[str, Any]:
            with self.session.lock:
                m = self.session.map.copy()
            return {"node": node, "paragraph": feedback.explanation(m, node)}
        return await self._run(work)


def create_app(session: Session, *, token: str, host: str, port: int) -> Guard:
    """The studio's ASGI application for ``session``, served on ``host``:``port``."""
    studio = StudioApp(session, token)
    routes = [
        Route("/", studio.index),
        Route("/assets/{name}", studio.asset),
        Route("/api/state", studio.get_state),
        Route("/api/edit", studio.edit, methods=["POST"]),
        Route("/api/undo", studio.undo, methods=["POST"]),
        Route("/api/redo", studio.redo, methods=["POST"]),
        Route("/api/adopt", studio.adopt, methods=["POST"]),
        Route("/api/import", studio.import_map, methods=["POST"]),
        Route("/api/export", studio.export),
        Route("/api/formats", studio.formats),
        Route("/api/feedback", studio.get_feedback),
        Route("/api/evaluate", studio.get_evaluation),
        Route("/api/explain", studio.explain),
    ]
    app = Starlette(routes=routes)
    app.state.studio = studio
    return Guard(app, token=token, allowed_host=host_checker(host, port), max_body=MAX_IMPORT)
