"""Start the studio: bind the port, serve with uvicorn in a thread, open the browser, stop cleanly.

The socket is bound here, before uvicorn starts, so a busy port is a clear :class:`PortBusy` at
once (and port 0 picks a free one whose number we then know). The server runs in a thread;
:meth:`Studio.wait` blocks until Ctrl+C (or ``stop_after`` seconds) and stops it.
"""

from __future__ import annotations

import contextlib
import errno
import secrets
import socket
import threading
import time
import webbrowser
from typing import Any

from argmap.errors import ArgmapError
from argmap.studio.session import Session

__all__ = ["Studio", "start", "PortBusy", "MissingServer", "SERVER_HELP", "server_modules"]

SERVER_HELP = "argmap studio needs its web server: pip install 'argmap[studio]' (Starlette and uvicorn)"


class PortBusy(ArgmapError):
    """The port is taken, or the address cannot be used."""


class MissingServer(ArgmapError):
    """Starlette or uvicorn is not installed."""


def server_modules() -> None:
    """Raise :class:`MissingServer` with the install line when the server's packages are missing."""
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        raise MissingServer(SERVER_HELP) from None


def _bind(host: str, port: int) -> socket.socket:
    name = "127.0.0.1" if host == "localhost" else host.strip("[]")
    family = socket.AF_INET6 if ":" in name else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((name, port))
        sock.listen(64)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise PortBusy(f"port {port} on {host} is already in use: choose another with --port "
                           "(or --port 0 for any free port)") from None
        raise PortBusy(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    return sock


class Studio:
    """A running studio: its address, its session (``studio.map`` is the map as it now is)."""

    def __init__(self, session: Session, server: Any, thread: threading.Thread, url: str) -> None:
        self.session = session
        self.url = url
        self._server = server
        self._thread = thread

    @property
    def map(self) -> Any:
        """The map as the student has left it (a copy: later edits do not change it)."""
        with self.session.lock:
            return self.session.map.copy()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def stop(self) -> None:
        """Stop the server and wait for it to finish."""
        self._server.should_exit = True
        self._thread.join(timeout=10)

    def wait(self, stop_after: float | None = None) -> None:
        """Serve until Ctrl+C, or for ``stop_after`` seconds; then stop."""
        deadline = None if stop_after is None else time.monotonic() + stop_after
        try:
            while self._thread.is_alive():
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    break
                self._thread.join(0.25 if left is None else min(0.25, left))
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()

    def __enter__(self) -> Studio:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _repr_html_(self) -> str:
        import html

        url = html.escape(self.url)
        return (f'<p>argmap studio is running at <a href="{url}" target="_blank" rel="noopener">{url}</a> '
                "(<code>studio.stop()</code> stops it; <code>studio.map</code> is the map as it now is).</p>")

    def __repr__(self) -> str:
        return f"<Studio {self.url} {'running' if self.running else 'stopped'}>"


def start(session: Session, *, host: str = "127.0.0.1", port: int = 0, open_browser: bool = True) -> Studio:
    """Serve ``session`` on ``host``:``port`` (0: any free port) in a thread and return at once."""
    server_modules()
    import uvicorn

    from argmap.studio.server import create_app

    sock = _bind(host, port)
    bound_port = sock.getsockname()[1]
    token = secrets.token_urlsafe(32)
    app = create_app(session, token=token, host=host, port=bound_port)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off", server_header=False,
                            timeout_graceful_shutdown=2)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="argmap-studio", daemon=True)
    studio_app = app.app.state.studio  # type: ignore[attr-defined]

    def warm() -> None:
        """Draw the first picture while the server and the browser start; then load the checks."""
        studio_app.state("")
        import argmap.studio.feedback  # noqa: F401

    warm_thread = threading.Thread(target=warm, daemon=True)
    warm_thread.start()
    thread.start()
    shown = "localhost" if host in ("127.0.0.1", "localhost") else (f"[{host}]" if ":" in host else host)
    url = f"http://{shown}:{bound_port}/"
    for _ in range(400):
        if server.started or not thread.is_alive():
            break
        time.sleep(0.01)
    if not thread.is_alive():
        sock.close()
        raise PortBusy(f"the studio's server stopped at start on {host}:{bound_port}")
    if open_browser:
        with contextlib.suppress(Exception):  # no browser is no error: the URL is printed
            webbrowser.open(url)
    return Studio(session, server, thread, url)
