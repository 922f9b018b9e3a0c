"""Shared fixtures: one session-scoped spaCy pipeline and the ../shared gold sets."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))


def require_shared(*parts: str) -> Path:
    """The path under ../shared, or skip (fail when EVENTWIRE_REQUIRE_SHARED=1)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        reason = f"shared data not found: {path}"
        if os.environ.get("EVENTWIRE_REQUIRE_SHARED") == "1":
            pytest.fail(reason + " (EVENTWIRE_REQUIRE_SHARED=1)")
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def nlp():
    from eventwire.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def shared() -> Path:
    return require_shared()
