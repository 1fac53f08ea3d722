"""Benchmark the text formats on big and deep maps: linear time and bounded memory, or a clear refusal.

Two maps of ``--claims`` claims (100,000 by default): the synthetic debate of ``html_bench.py``
(reasons, objections, undercuts, linked premises, sources, labels, tags) and a chain in which
each claim supports the one before (as deep as the map is big). For each text format argmap
writes, each case runs in a fresh process: dump, then load of what was dumped, CPU seconds and
the process's peak memory. Formats that refuse (Kialo past its depth limit) say so.

Targets (issue 14): every dump and load linear; the chain in bounded memory; Argdown, Kialo,
Markdown and YAML fast. Run: ``python bench/formats_bench.py [--claims N] [--formats a,b]``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

CASE = r"""
import json, resource, sys, time
sys.path.insert(0, {here!r})
import argmap
shape, claims, fmt = {shape!r}, {claims}, {fmt!r}
if shape == "debate":
    from html_bench import big_map
    m = big_map(claims, 1)
else:
    m = argmap.ArgumentMap(title="Chain")
    node = m.claim("Claim 0", id="c0")
    for i in range(1, claims):
        node = m.support(node, m.claim(f"Claim {{i}}", id=f"c{{i}}"), id=f"s{{i}}").premise
out = {{"nodes": len(m)}}
t = time.process_time()
try:
    text = argmap.dumps(m, fmt)
except argmap.ArgmapError as exc:
    out["refused"] = str(exc)[:100]
else:
    out["dump"] = time.process_time() - t
    out["mb"] = len(text.encode("utf-8")) / 1e6
    if argmap.formats.registry.get(fmt).can_read:
        t = time.process_time()
        argmap.loads(text, fmt)
        out["load"] = time.process_time() - t
out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def run(shape: str, claims: int, fmt: str) -> dict[str, float | str]:
    done = subprocess.run([sys.executable, "-c", CASE.format(here=str(HERE), shape=shape, claims=claims, fmt=fmt)],
                          capture_output=True, text=True, timeout=3600, check=False)
    if done.returncode != 0:
        return {"refused": "crashed: " + (done.stderr.strip().splitlines() or ["?"])[-1][:100]}
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--formats", default="argdown,kialo,md,yaml,json,aif,sadface,graphml")
    args = parser.parse_args(argv)
    print(f"{args.claims:,} claims; CPU seconds, output size, peak memory of a fresh process")
    print(f"{'map':8} {'format':8} {'dump s':>8} {'load s':>8} {'MB':>7} {'peak MB':>8}")
    for shape in ("debate", "chain"):
        for fmt in args.formats.split(","):
            r = run(shape, args.claims, fmt)
            if "refused" in r:
                print(f"{shape:8} {fmt:8} refused: {r['refused']}")
                continue
            load = f"{r['load']:8.2f}" if "load" in r else f"{'-':>8}"
            print(f"{shape:8} {fmt:8} {r['dump']:8.2f} {load} {r['mb']:7.1f} {r['peak_mb']:8.0f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
