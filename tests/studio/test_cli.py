"""``argmap studio`` on the command line: it serves, stops by itself with --stop-after, and fails
cleanly (one line, the right exit status) on a bad file, a missing text, a busy port."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from argmap.cli import main

ROOT = Path(__file__).resolve().parents[2]


def _argmap(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, check=False)


def test_it_serves_the_file_and_stops_by_itself(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_bytes((ROOT / "examples" / "conscription.json").read_bytes())
    proc = subprocess.Popen([sys.executable, "-m", "argmap", "studio", str(path), "--no-browser", "--port", "0",
                             "--stop-after", "20"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("argmap studio at http://localhost:") and "saving to" in line
        url = line.split(" at ", 1)[1].split(" ", 1)[0]
        page = urllib.request.urlopen(url, timeout=10).read().decode()
        assert 'name="argmap-token"' in page
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    started = time.monotonic()
    done = _argmap("studio", str(path), "--no-browser", "--port", "0", "--stop-after", "1")
    assert done.returncode == 0 and time.monotonic() - started < 30
    assert done.stderr == ""


@pytest.mark.parametrize(("args", "status", "message"), [
    (["tests/studio/missing-folder/x.json"], 1, "does not exist"),
    (["tests/studio/school-phones.txt"], 1, "convert it first"),
    (["examples/conscription.json", "--text", "no/such/article.txt"], 1, "no such file"),
    (["examples/conscription.json", "--port", "70000"], 2, "not a port number"),
    (["examples/conscription.json", "--stop-after", "0"], 2, "above 0"),
    (["examples/conscription.json", "--port", "x"], 2, "invalid int value"),
])
def test_bad_input_and_usage(args: list[str], status: int, message: str) -> None:
    done = _argmap("studio", *args, "--no-browser")
    assert done.returncode == status, done.stderr
    assert message in done.stderr.strip().splitlines()[-1] and "Traceback" not in done.stderr


def test_a_broken_map_file_is_located(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "argmap", "version": 1, "claims": [{"id": "t"}]}', encoding="utf-8")
    done = _argmap("studio", str(bad), "--no-browser")
    assert done.returncode == 1 and "bad.json" in done.stderr and "Traceback" not in done.stderr


def test_a_busy_port(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        done = _argmap("studio", "--no-browser", "--port", str(port))
    assert done.returncode == 3 and f"port {port}" in done.stderr and "already in use" in done.stderr


def test_without_the_server_it_says_how_to_install(monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if `argmap[studio]` were not installed
    assert main(["studio", "--no-browser"]) == 3
    assert "pip install 'argmap[studio]'" in capsys.readouterr().err


def test_help() -> None:
    done = _argmap("studio", "--help")
    assert done.returncode == 0 and "--text" in done.stdout and "--no-browser" in done.stdout
