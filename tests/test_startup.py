"""What `import argmap` and `argmap --version` load (how long they take is for `make bench`)."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys

import argmap


def modules_after(code: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", f"{code}\nimport sys\nprint(' '.join(sys.modules))"],
                          capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_import_argmap_loads_neither_networkx_nor_numpy_nor_metadata() -> None:
    loaded = modules_after("import argmap")
    assert not {"networkx", "numpy", "importlib.metadata", "graphviz"} & loaded


def test_networkx_loads_with_the_first_map() -> None:
    assert "networkx" in modules_after("import argmap\nargmap.ArgumentMap()")


def test_version_flag_imports_no_command() -> None:
    code = ("import contextlib, io\nfrom argmap.cli import main\n"
            "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
            "    main(['--version'])")
    loaded = modules_after(code)
    assert not {m for m in loaded if m.endswith("_cmd")}
    assert "networkx" not in loaded


def test_the_version_is_the_installed_one() -> None:
    assert argmap.__version__ == importlib.metadata.version("argmap")
