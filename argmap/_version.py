"""argmap's version, in one place: pyproject.toml reads it when building, ``argmap.__version__`` at run time.

Reading it from here rather than from the installed metadata (``importlib.metadata``) keeps
``import argmap`` and ``argmap --version`` from loading the email and zip modules that
metadata reading needs.
"""

__version__ = "0.1.0"
