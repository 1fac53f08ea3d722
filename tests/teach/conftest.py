"""Fixtures for the teaching tests: the two gallery maps, fresh each time."""

from __future__ import annotations

import pytest

from argmap import ArgumentMap
from argmap.gallery import conscription, uniforms


@pytest.fixture
def oped() -> ArgumentMap:
    """The flagship op-ed map."""
    return conscription.build_map()


@pytest.fixture
def debate() -> ArgumentMap:
    """The school-uniforms classroom debate."""
    return uniforms.build_map()


@pytest.fixture(params=["oped", "debate"])
def any_map(request: pytest.FixtureRequest) -> ArgumentMap:
    """Each example map in turn."""
    return request.getfixturevalue(request.param)  # type: ignore[no-any-return]
