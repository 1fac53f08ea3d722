"""``argmap studio [FILE] [--text ARTICLE.txt]``: build a map in the browser, saved as you go."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import Any

from argmap.cli.files import framework_refused
from argmap.cli.options import command
from argmap.errors import ArgmapError
from argmap.studio import open_session
from argmap.studio.launch import MissingServer, PortBusy, server_modules, start

__all__ = ["add_parser"]


def add_parser(sub: Any) -> None:
    p = command(
        sub, "studio", run, help="build a map in the browser, with the picture and feedback as you go",
        description="Open argmap studio: a local web app to build a map by clicking and typing, with the "
        "picture redrawn and the checks' feedback after each change, and an article beside the map. "
        "Every change is saved to FILE (argmap JSON, YAML or Argdown, by its suffix; a new FILE is "
        "created at the first change).",
        epilog="Example: argmap studio examples/conscription.json --text oped.txt. "
        "Exit status: 0 stopped, 1 a bad FILE or text, 2 bad usage, 3 the port is busy or the server "
        "is not installed (pip install 'argmap[studio]').",
    )
    p.add_argument("input", metavar="FILE", nargs="?",
                   help="the map to open and save to (.json, .yaml, .argdown); left out, the map lives in memory")
    p.add_argument("--text", metavar="ARTICLE",
                   help="a text file to show beside the map (select passages to make claims)")
    p.add_argument("--title", help="the title of a new map (default: from FILE's name)")
    p.add_argument("--host", default="127.0.0.1",
                   help="the address to serve on (default: %(default)s, this machine only)")
    p.add_argument("--port", type=int, default=8765, help="the port (default: %(default)s; 0 for any free port)")
    p.add_argument("--no-browser", dest="browser", action="store_false", help="do not open a web browser")
    p.add_argument("--stop-after", type=float, metavar="SECONDS",
                   help="stop by itself after this many seconds (for scripts and tests)")


def run(args: argparse.Namespace) -> int:
    if not 0 <= args.port <= 65535:
        print(f"argmap studio: error: --port {args.port} is not a port number (0 to 65535)", file=sys.stderr)
        return 2
    if args.stop_after is not None and args.stop_after <= 0:
        print("argmap studio: error: --stop-after needs a number of seconds above 0", file=sys.stderr)
        return 2
    try:
        server_modules()
    except MissingServer as exc:
        print(f"argmap studio: error: {exc}", file=sys.stderr)
        return 3
    _refuse_framework(args.input)
    session = open_session(args.input, text=args.text, title=args.title)  # a bad file: exit 1 (cli.main)
    try:
        running = start(session, host=args.host, port=args.port, open_browser=args.browser)
    except PortBusy as exc:
        print(f"argmap studio: error: {exc}", file=sys.stderr)
        return 3
    where = f"saving to {args.input}" if args.input else "not saving to a file (use Download)"
    print(f"argmap studio at {running.url} ({where}); Ctrl+C stops it", flush=True)
    running.wait(args.stop_after)
    return 0


def _refuse_framework(path: str | None) -> None:
    """A framework file (``.apx``, ``.tgf``, ``.i23``) is refused as every map command refuses one."""
    if not path or not Path(path).is_file():
        return
    from typing import get_args

    from argmap.formats import registry
    from argmap.formats.api import FrameworkFormat

    with contextlib.suppress(ArgmapError):
        if registry.for_path(path, reading=True).name in get_args(FrameworkFormat):
            raise framework_refused(path, "studio")
