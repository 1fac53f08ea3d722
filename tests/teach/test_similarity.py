"""Text likeness for grading: spelling, and meaning from WordLlama's packaged model, offline."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from argmap.teach.similarity import (
    meaning_available,
    meaning_matrix,
    spelling,
    spelling_matrix,
    text_matrix,
    text_method,
)

needs_model = pytest.mark.skipif(not meaning_available(),
                                 reason="the meaning model is not installed: pip install -e '.[grade]'")


def test_spelling_forgives_case_order_and_typos() -> None:
    assert spelling("Uniforms save money.", "money SAVE uniforms") == 1.0
    assert spelling("uniforms save families money", "uniforns save familys mony") > 0.75
    assert spelling("uniforms save families money", "the war should be opposed") < 0.4
    assert spelling_matrix([], ["x"]).shape == (0, 1)


@needs_model
def test_meaning_tells_a_paraphrase_from_another_subject() -> None:
    model = ["Countries should not turn away Russian civilians fleeing conscription."]
    student = ["Accept the Russians who escape being drafted.", "Cats purr loudly at night."]
    meant = meaning_matrix(model, student)
    assert meant is not None and meant[0, 0] > meant[0, 1] + 0.2
    assert text_method().startswith("meaning (WordLlama l2_supercat-256, offline)")
    mixed = text_matrix(model, student)
    assert mixed.min() >= 0 and mixed.max() <= 1


_PROBE = r"""
import json, socket
attempts = []
def refuse(*args, **kwargs):
    attempts.append(repr(args[:1]))
    raise OSError("network disabled for this test")
for name in ("connect", "connect_ex", "sendto"):
    setattr(socket.socket, name, refuse)
socket.getaddrinfo = refuse
socket.create_connection = refuse
from argmap.teach.similarity import meaning_matrix, text_method
m = meaning_matrix(["Accept the refugees."], ["Let them in.", "Cats purr."])
print(json.dumps({"attempts": attempts, "ok": m is not None and bool(m[0, 0] > m[0, 1]), "method": text_method()}))
"""


@needs_model
def test_the_model_loads_from_the_package_with_the_network_refused() -> None:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(HF_HUB_OFFLINE="1", HOME=os.environ.get("HOME", "/tmp"), XDG_CACHE_HOME="/nonexistent-cache")
    done = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, env=env, timeout=120,
                          check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"attempts": [], "ok": True,
                      "method": "meaning (WordLlama l2_supercat-256, offline) and spelling (rapidfuzz)"}


def test_without_the_model_grading_compares_spelling_and_says_so() -> None:
    probe = ("import sys; sys.modules['wordllama'] = None\n"
             "from argmap.teach.similarity import meaning_matrix, text_method, text_matrix\n"
             "assert meaning_matrix(['a'], ['b']) is None\n"
             "assert text_matrix(['Tea is good.'], ['tea is good']).tolist() == [[1.0]]\n"
             "print(text_method())")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "spelling only (rapidfuzz; pip install 'argmap[grade]' to compare meaning too)"


def test_importing_the_model_leaves_the_programs_logging_alone() -> None:
    probe = ("import logging\n"
             "from argmap.teach.similarity import meaning_available\n"
             "meaning_available()\n"
             "root = logging.getLogger(); print(len(root.handlers), root.level)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == f"0 {30}"
