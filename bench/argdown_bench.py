"""Benchmark argmap's Argdown reader against Argdown 2.0's own command-line tool.

Generates a debate of 10,000 statements (relation trees, reconstructed arguments, tags, data,
sections), then reports:

1. in-process reading speed: statements per second for ``argmap.loads(text, "argdown")``
   (parse and build the map), best of several runs; target at least 50,000 a second;
2. whole-process conversion to JSON, same file, same run: ``argmap convert big.argdown big.json``
   (or, where that command is not there yet, ``python -c`` loading and dumping through
   ``argmap.load``/``argmap.dump``) against ``argdown json big.argdown``; target argmap at least
   3 times faster.

Argdown's CLI is installed on first use into ``bench/.argdown`` (git-ignored) with npm; without
node/npm the comparison is skipped and said so. Run: ``python bench/argdown_bench.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import argmap
from argmap.formats.argdown import parse, statistics

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import argdown_debate  # noqa: E402

HERE = Path(__file__).resolve().parent
CLI_DIR = HERE / ".argdown"
CLI = CLI_DIR / "node_modules" / ".bin" / "argdown"
PACKAGE_JSON = {
    "name": "argmap-bench-argdown", "private": True,
    # Argdown 2.0.0's CLI pulls a markdown-it plugin release it cannot load; pin the one it can.
    "overrides": {"@argdown/markdown-it-plugin": "1.7.7"},
}
TARGET_RATE = 50_000
TARGET_SPEEDUP = 3.0


def generate(statements: int = 10_000, seed: int = 7) -> str:
    """An Argdown debate with exactly ``statements`` statement classes (``generate.argdown_debate``)."""
    return argdown_debate(statements, seed)


def in_process(text: str, repeats: int) -> tuple[float, float, int]:
    """Best wall-clock and CPU time of argmap.loads over ``repeats`` runs, and the statements."""
    count = statistics(parse(text))["statements_equivalence_classes"]
    best_wall = best_cpu = float("inf")
    for _ in range(repeats):
        wall0, cpu0 = time.perf_counter(), time.process_time()
        m = argmap.loads(text, "argdown")
        best_wall = min(best_wall, time.perf_counter() - wall0)
        best_cpu = min(best_cpu, time.process_time() - cpu0)
        del m  # freeing the map is not part of reading it
    return best_wall, best_cpu, count


def ensure_cli() -> Path | None:
    """Argdown's CLI, installed into bench/.argdown on first use; None without node and npm."""
    if CLI.exists():
        return CLI
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        return None
    CLI_DIR.mkdir(exist_ok=True)
    (CLI_DIR / "package.json").write_text(json.dumps(PACKAGE_JSON, indent=2) + "\n", encoding="utf-8")
    print("installing @argdown/cli@2.0.0 into bench/.argdown (once) ...", flush=True)
    subprocess.run([npm, "install", "--ignore-scripts", "--no-audit", "--no-fund", "@argdown/cli@2.0.0"],
                   cwd=CLI_DIR, check=True, capture_output=True, timeout=900)
    return CLI if CLI.exists() else None


def argmap_command(src: Path, dst: Path) -> list[str]:
    """``argmap convert`` when this argmap has it, else the same work through the Python API."""
    argmap_exe = shutil.which("argmap", path=str(Path(sys.executable).parent)) or shutil.which("argmap")
    if argmap_exe:
        helped = subprocess.run([argmap_exe, "--help"], capture_output=True, text=True, check=False)
        if " convert" in helped.stdout:
            return [argmap_exe, "convert", str(src), str(dst)]
    code = "import argmap, sys; argmap.dump(argmap.load(sys.argv[1]), sys.argv[2])"
    return [sys.executable, "-c", code, str(src), str(dst)]


def wall(command: list[str], cwd: Path, repeats: int) -> float:
    """Best wall-clock time of a command over ``repeats`` runs (it must succeed)."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(f"{command[0]} failed:\n{done.stderr[-2000:]}")
        best = min(best, elapsed)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--statements", type=int, default=10_000, help="size of the generated debate")
    parser.add_argument("--repeats", type=int, default=5, help="runs per measurement (best is kept)")
    parser.add_argument("--no-cli", action="store_true", help="skip the comparison with Argdown's CLI")
    args = parser.parse_args(argv)

    text = generate(args.statements)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {os.cpu_count()} CPUs, load average {load:.1f} (other work slows wall-clock times)")
    seconds, cpu, count = in_process(text, args.repeats)
    rate = count / seconds
    ok = rate >= TARGET_RATE
    print(f"in-process: {count} statements in {seconds * 1000:.0f} ms wall ({cpu * 1000:.0f} ms CPU) = "
          f"{rate:,.0f} statements/s wall, {count / cpu:,.0f}/s CPU "
          f"(target >= {TARGET_RATE:,}/s: {'ok' if ok else 'MISSED'})")
    if args.no_cli:
        return 0 if ok else 1
    cli = ensure_cli()
    if cli is None:
        print("whole-process: skipped (node/npm not found; Argdown's CLI cannot run here)")
        return 0 if ok else 1
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        src = work / "big.argdown"
        src.write_text(text, encoding="utf-8")
        ours = argmap_command(src, work / "big.json")
        env_note = "argmap convert" if "convert" in ours else "python -c argmap.load/argmap.dump"
        mine = wall(ours, work, args.repeats)
        theirs = wall([str(cli), "json", str(src), str(work / "argdown-out")], work, max(1, args.repeats // 2))
        produced = json.loads((work / "argdown-out" / "big.json").read_text(encoding="utf-8"))
        assert len(produced["statements"]) == count, "Argdown read a different number of statements"
        speedup = theirs / mine
        fast = speedup >= TARGET_SPEEDUP
        print(f"whole-process: {env_note} {mine:.2f} s, argdown json {theirs:.2f} s: "
              f"{speedup:.1f}x faster (target >= {TARGET_SPEEDUP:g}x: {'ok' if fast else 'MISSED'})")
        ok = ok and fast
    return 0 if ok else 1


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    raise SystemExit(main())
