"""The studio's server over real HTTP (uvicorn on a free port): its answers, its policy, and the
gate that keeps other sites, rebound names and oversized requests out."""

from __future__ import annotations

import http.client
import json
from typing import Any
from urllib.parse import urlsplit

import pytest

import argmap
from argmap.studio.server import ASSETS, MAX_IMPORT


class Client:
    """Requests to a running studio, with the headers a browser would send (or would not)."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.port = parts.port or 80
        self.host = f"localhost:{self.port}"
        self.token = ""

    def call(self, method: str, path: str, body: Any = None,
             **headers: str | None) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent: dict[str, str | None] = {"Host": self.host, "X-Argmap-Token": self.token}
        if method == "POST":
            sent["Origin"] = f"http://{self.host}"
            sent["Content-Type"] = "application/json"
        sent.update({k.replace("_", "-"): v for k, v in headers.items()})
        data = body if isinstance(body, bytes) else (json.dumps(body).encode() if body is not None else None)
        conn.request(method, path, body=data, headers={k: v for k, v in sent.items() if v is not None})
        response = conn.getresponse()
        out = (response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
        conn.close()
        return out

    def json(self, method: str, path: str, body: Any = None, **headers: str | None) -> tuple[int, Any]:
        status, _, data = self.call(method, path, body, **headers)
        return status, json.loads(data)


@pytest.fixture
def client(serve: Any) -> tuple[Client, Any]:
    running = serve("examples/conscription.json")
    c = Client(running.url)
    status, _, page = c.call("GET", "/")
    assert status == 200
    c.token = page.decode().split('name="argmap-token" content="', 1)[1].split('"', 1)[0]
    return c, running


def test_the_page_and_its_policy(client: tuple[Client, Any]) -> None:
    c, _ = client
    status, headers, page = c.call("GET", "/")
    policy = headers["content-security-policy"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert headers["x-content-type-options"] == "nosniff" and headers["referrer-policy"] == "no-referrer"
    text = page.decode()
    assert "<script type=\"module\" src=\"/assets/app.js\"></script>" in text
    assert "http://" not in text.replace(f"http://{c.host}", "") and "https://" not in text  # nothing from elsewhere
    for name in ASSETS:
        status, headers, body = c.call("GET", f"/assets/{name}")
        assert status == 200 and body
        code = body.decode().replace("http://www.w3.org/2000/svg", "")  # a name, not an address
        assert "http://" not in code and "https://" not in code and "import(" not in code, name
    for bad in ("../server.py", "..%2Fserver.py", "studio.html", "app.js.map", "%2e%2e/__init__.py"):
        assert c.call("GET", f"/assets/{bad}")[0] == 404


def test_state_edit_and_a_stale_version(client: tuple[Client, Any]) -> None:
    c, running = client
    status, state = c.json("GET", "/api/state")
    assert status == 200 and state["version"] == 0 and state["picture"]["markup"].startswith("<svg")
    assert {n["id"] for n in state["nodes"]} == set(argmap.load(running.path).graph)
    status, state = c.json("POST", "/api/edit", {"version": 0, "op": "reason",
                                                 "args": {"target": "thesis", "text": "A new reason."}})
    assert status == 200 and state["version"] == 1 and state["change"]["label"] == "add a reason"
    assert "A new reason." in {cl.text for cl in argmap.load(running.path).claims}
    status, answer = c.json("POST", "/api/edit", {"version": 0, "op": "reason",
                                                  "args": {"target": "thesis", "text": "From a stale tab."}})
    assert status == 409 and answer["error"] == "stale" and answer["version"] == 1 and "Reload" in answer["message"]
    status, answer = c.json("POST", "/api/edit",
                            {"version": 1, "op": "reason", "args": {"target": "nope", "text": "x"}})
    assert status == 400 and "no claim or step" in answer["message"]
    status, answer = c.json("POST", "/api/undo", {"version": 1})
    assert status == 200 and answer["version"] == 2 and answer["history"]["redo"] == "add a reason"


def test_feedback_evaluation_explanation_export_import(client: tuple[Client, Any]) -> None:
    c, _ = client
    status, fb = c.json("GET", "/api/feedback")
    assert status == 200 and fb["findings"] and all(f["headline"] for f in fb["findings"])
    assert any(qs for qs in fb["questions"].values())
    status, ev = c.json("GET", "/api/evaluate?semantics=grounded")
    assert ev["nodes"]["thesis"]["word"] in ("accepted", "rejected", "undecided")
    status, ev = c.json("GET", "/api/evaluate?semantics=dfquad")
    assert 0 <= ev["nodes"]["thesis"]["strength"] <= 1
    assert c.json("GET", "/api/evaluate?semantics=nonsense")[0] == 400
    status, why = c.json("GET", "/api/explain?node=thesis")
    assert "thesis" in why["paragraph"]
    status, formats = c.json("GET", "/api/formats")
    for fmt in formats["export"]:
        status, headers, body = c.call("GET", f"/api/export?format={fmt['name']}")
        assert status == 200 and body, fmt
        assert headers["content-disposition"].endswith(fmt["suffix"] + '"')
    status, _, body = c.call("GET", "/api/export?format=argdown")
    assert len(argmap.loads(body.decode(), "argdown").claims) == 34
    kialo = "Discussion Title: Tea\n\n1. Tea is good.\n1.1. Pro: Tea is warm.\n1.2. Con: Tea stains.\n"
    status, state = c.json("POST", "/api/import", {"version": 0, "name": "../../tea.kialo.txt", "text": kialo})
    texts = {n["text"] for n in state["nodes"] if n["kind"] == "claim"}
    assert status == 200 and texts >= {"Tea is warm.", "Tea stains."}
    status, answer = c.json("POST", "/api/import", {"version": state["version"], "name": "x.json", "text": "{oops"})
    assert status == 400 and "x.json" in answer["message"]


@pytest.mark.parametrize(("headers", "status"), [
    ({"Host": "evil.example:{port}"}, 421),            # DNS rebinding: a stranger's name for 127.0.0.1
    ({"Host": "localhost:1"}, 421),                    # another port
    ({"X-Argmap-Token": "wrong"}, 403),
    ({"X-Argmap-Token": None}, 403),
    ({"Origin": "http://evil.example"}, 403),          # a cross-site form or fetch
    ({"Origin": None}, 403),
    ({"Sec-Fetch-Site": "cross-site"}, 403),
    ({"Sec-Fetch-Site": "same-site"}, 403),            # another server on localhost
])
def test_the_gate_refuses(client: tuple[Client, Any], headers: dict[str, str | None], status: int) -> None:
    c, running = client
    given = {k.replace("-", "_"): (v.format(port=c.port) if isinstance(v, str) else v) for k, v in headers.items()}
    got, answer = c.json("POST", "/api/edit", {"version": 0, "op": "thesis", "args": {"text": "Injected."}}, **given)
    assert got == status and answer["error"] == "refused"
    assert "Injected." not in {cl.text for cl in argmap.load(running.path).claims}


def test_reading_needs_the_token_and_the_right_host(client: tuple[Client, Any]) -> None:
    c, _ = client
    assert c.call("GET", "/api/state", X_Argmap_Token="")[0] == 403
    assert c.call("GET", "/", Host=f"rebind.example:{c.port}")[0] == 421
    for host in (f"127.0.0.1:{c.port}", f"[::1]:{c.port}", f"localhost:{c.port}"):
        assert c.call("GET", "/api/state", Host=host)[0] == 200


def test_oversized_requests_are_refused(client: tuple[Client, Any]) -> None:
    c, _ = client
    status, answer = c.json("POST", "/api/import", b"x" * (MAX_IMPORT + 1))
    assert status == 413 and answer["error"] == "refused"
    big = {"version": 0, "op": "thesis", "args": {"text": "x" * 1_100_000}}
    status, answer = c.json("POST", "/api/edit", big)
    assert status == 413 and "larger" in answer["message"]
    status, answer = c.json("POST", "/api/edit", b"\xff\xfe not json")
    assert status == 400
