"""The README's benchmark figures are bench/RESULTS.md's, as the last `make bench` wrote them."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START, END = "<!-- bench-headline -->", "<!-- /bench-headline -->"


def headline(results: str) -> list[str]:
    """The bullet lines of RESULTS.md's "Headline" section."""
    section = results.split("## Headline", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("- ")]


def test_the_readme_quotes_the_headline_of_the_last_bench_run() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    results = (ROOT / "bench" / "RESULTS.md").read_text(encoding="utf-8")
    quoted = readme.split(START, 1)[1].split(END, 1)[0]
    lines = [line for line in quoted.splitlines() if line.startswith("- ")]
    assert lines, "README.md quotes no benchmark figures between the bench-headline markers"
    assert lines == headline(results), "copy the Headline of bench/RESULTS.md into README.md"
    date = re.search(r"^- date: (\S+)", results, flags=re.M)
    assert date is not None and date.group(1) in quoted, "say in README.md which run the figures are from"


def test_the_results_say_when_where_and_whether_each_target_was_met() -> None:
    results = (ROOT / "bench" / "RESULTS.md").read_text(encoding="utf-8")
    for field in ("- date:", "- machine:", "- peers:"):
        assert field in results
    assert re.search(r"\*\*(met|missed)\*\*", results)
