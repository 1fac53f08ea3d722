"""The fuzzing harness: what every reader must survive, and what must hold after it reads.

A format joins by being in the registry: :func:`readers` lists every format that can read,
:func:`seeds` finds its sample files by folder (``tests/formats/fixtures/<format>/``,
``tests/fuzz/seeds/<format>/`` and, when present, the shared corpus, sorted to a format by the
registry's own file-name and content rules), and :func:`survive` is the property:

- reading gives a map or framework, or an :class:`~argmap.ArgmapError`; nothing else;
- a map read is valid (``validate()`` passes);
- then every writer (DOT included; the engine's pictures on a sample), ``check``, ``evaluate``
  (grounded, and a SAT semantics under a short time limit) run, raising nothing but
  ``ArgmapError``; text they write is UTF-8; XML they write is well-formed; and what a format
  writes, its own reader reads back.

Each input runs in this process under a time bound (an alarm) and a memory bound (the address
space limit), so a hang or a runaway allocation is a failure with its input, not a stuck CI job.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import resource
import signal
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import argmap
from argmap.errors import ArgmapError
from argmap.formats import registry
from argmap.limits import Limits

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FIXTURES = ROOT / "tests" / "formats" / "fixtures"
SEEDS = HERE / "seeds"
REGRESSIONS = HERE / "regressions"

#: Formats whose writer runs the layout engine (a process per call): drawn on a sample only. Any
#: other writer, a new one included, runs on every input a reader accepts.
ENGINE_FORMATS = frozenset({"svg", "png", "pdf", "html"})
#: Per input: seconds before the alarm, and memory the process may grow by.
TIME_BOUND = float(os.environ.get("ARGMAP_FUZZ_SECONDS", "20"))
MEMORY_BOUND = int(os.environ.get("ARGMAP_FUZZ_MEMORY", str(1536 * 1024 * 1024)))
#: Limits while fuzzing: the defaults, with a short solver time (a search may give up; fine).
FUZZ_LIMITS = Limits(solver_seconds=2.0)
#: Seeds bigger than this are mutated only in the long campaign.
SMALL_SEED = 24_000


def readers() -> list[str]:
    """Every registered format that can read."""
    return [f.name for f in registry.all_formats() if f.can_read]


def writers() -> list[registry.Format]:
    """Every registered format that can write."""
    return [f for f in registry.all_formats() if f.can_write]


def corpus_dir() -> Path:
    env = os.environ.get("ARGMAP_CORPUS")
    return Path(env) if env else ROOT.parent / "shared" / "corpus"


def _format_of(path: Path) -> str | None:
    """The format the registry reads a file as (by its name, and content where names are shared)."""
    try:
        text = path.read_bytes()[:20000].decode("utf-8", "replace")
        return registry.for_path(path, reading=True, text=text).name
    except ArgmapError:
        return None


@dataclass(frozen=True)
class Seed:
    """A sample input for a format: where it came from, and its bytes."""

    origin: str
    data: bytes


def seeds(fmt: str, *, corpus: bool = True, small_only: bool = False) -> list[Seed]:
    """Sample inputs of a format: fixtures and our seeds by folder name, corpus files by the
    registry's rules for telling formats apart."""
    found: list[Seed] = []
    for folder in (FIXTURES / fmt, SEEDS / fmt):
        if folder.is_dir():
            for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix not in (".tsv", ".md")):
                found.append(Seed(str(path.relative_to(ROOT)), path.read_bytes()))
    where = corpus_dir()
    if corpus and where.is_dir():
        for path in sorted(p for p in where.rglob("*") if p.is_file()):
            if _format_of(path) == fmt:
                found.append(Seed(f"corpus/{path.relative_to(where)}", path.read_bytes()))
    if small_only:
        found = [s for s in found if len(s.data) <= SMALL_SEED]
    return found


# -- bounds ---------------------------------------------------------------------------------------
class OutOfTime(Exception):
    """An input took longer than the time bound (raised by the alarm, so it names where)."""


def _alarm(signum: int, frame: Any) -> None:
    raise OutOfTime(f"took longer than {TIME_BOUND:g} s")


def _address_space() -> int:
    with contextlib.suppress(OSError, ValueError, IndexError):
        pages = int(Path("/proc/self/statm").read_text().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    return 0


@contextlib.contextmanager
def bounded() -> Iterator[None]:
    """Time and memory bounds for the block (where the system has them: POSIX alarms, RLIMIT_AS)."""
    timed = hasattr(signal, "SIGALRM") and hasattr(signal, "setitimer")
    old_handler = signal.signal(signal.SIGALRM, _alarm) if timed else None
    if timed:
        signal.setitimer(signal.ITIMER_REAL, TIME_BOUND)
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    used = _address_space()
    capped = False
    if used and sys.platform.startswith("linux"):
        cap = used + MEMORY_BOUND
        if hard == resource.RLIM_INFINITY or cap < hard:
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
            capped = True
    try:
        yield
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old_handler)
        if capped:
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


# -- the property ---------------------------------------------------------------------------------
class Broken(AssertionError):
    """argmap did something it must never do with this input."""


def _call(what: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Run ``fn``; ``ArgmapError`` comes back as None, anything else is :class:`Broken`."""
    try:
        return fn(*args, **kwargs)
    except ArgmapError:
        return None
    except Exception as exc:  # a traceback, or out of time, memory or stack: all the same defect
        raise Broken(f"{what}: {type(exc).__name__}: {exc}") from exc


#: File suffixes of XML formats: what a format so named writes must be well-formed XML.
XML_SUFFIXES = (".graphml", ".svg", ".xml")


def _xml_checked(fmt: registry.Format, text: str) -> None:
    if any(suffix in XML_SUFFIXES for suffix in fmt.suffixes):
        try:
            ET.fromstring(text.encode("utf-8"))
        except ET.ParseError as exc:
            raise Broken(f"{fmt.name} output is not well-formed XML: {exc}") from exc


def after_load(obj: Any, source: str, *, draw: bool = False) -> None:
    """Everything that must hold once a reader accepted an input."""
    if isinstance(obj, argmap.ArgumentMap):
        try:
            obj.validate()
        except argmap.ValidationError as exc:
            raise Broken(f"{source} returned a map its own validate() refuses: {exc}") from exc
        _call("check", argmap.check, obj)
        _call("evaluate grounded", argmap.evaluate, obj, "grounded")
        _call("evaluate preferred", argmap.evaluate, obj, "preferred", limits=FUZZ_LIMITS)
        _call("to_dot", lambda: obj.to_dot().source)
    elif isinstance(obj, argmap.Framework):
        _call("evaluate grounded", argmap.evaluate, obj, "grounded")
        _call("evaluate stable", argmap.evaluate, obj, "stable", limits=FUZZ_LIMITS)
    else:
        raise Broken(f"{source} returned {type(obj).__name__}, neither a map nor a framework")
    for fmt in writers():
        # Pictures through the engine (a process each) on a sample; raster ones never (they are
        # the SVG, converted by cairosvg).
        if fmt.binary or (fmt.name in ENGINE_FORMATS and not draw):
            continue
        out = _call(f"write {fmt.name}", argmap.dumps, obj, fmt.name)
        if out is None:
            continue
        try:
            out.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise Broken(f"{fmt.name} output cannot be saved as UTF-8: {exc}") from exc
        _xml_checked(fmt, out)
        if fmt.can_read:
            try:
                argmap.loads(out, fmt.name)
            except ArgmapError as exc:
                raise Broken(f"{fmt.name} cannot read back what it wrote: {exc}\n--- written:\n{out[:2000]}") from exc
            except Exception as exc:
                raise Broken(f"reading back {fmt.name}: {type(exc).__name__}: {exc}") from exc


def survive(fmt: str, data: bytes | str, *, draw: bool = False) -> Any:
    """The property for one input: read it as ``fmt`` (bytes through a file, text directly),
    then :func:`after_load`. Returns what was read, or None when it was refused."""
    with bounded():
        if isinstance(data, bytes):
            obj = _call(f"reading {fmt}", _load_bytes, fmt, data)
        else:
            obj = _call(f"reading {fmt}", argmap.loads, data, fmt)
        if obj is None:
            return None
        after_load(obj, f"the {fmt} reader", draw=draw)
        return obj


def _load_bytes(fmt: str, data: bytes) -> Any:
    import tempfile

    suffix = registry.get(fmt).suffixes[0]
    with tempfile.TemporaryDirectory(prefix="argmap-fuzz-") as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        return argmap.load(path, fmt)


# -- failures kept as regression files ------------------------------------------------------------
def regression_path(fmt: str, data: bytes) -> Path:
    """Where a failing input is kept: ``tests/fuzz/regressions/<format>/<hash>``."""
    return REGRESSIONS / fmt / hashlib.sha256(data).hexdigest()[:16]


def save_regression(fmt: str, data: bytes) -> Path:
    path = regression_path(fmt, data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def regressions() -> list[tuple[str, Path]]:
    """Every kept failure, as (format, file)."""
    if not REGRESSIONS.is_dir():
        return []
    return [(p.parent.name, p) for p in sorted(REGRESSIONS.glob("*/*")) if p.is_file()]
