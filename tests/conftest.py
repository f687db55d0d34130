"""Shared fixtures: one coder per test session (loading spaCy is the slow part)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A file of ../shared; the test skips with the reason when the clone has no ../shared beside it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found: ../shared (dev suites and corpora) is not beside this clone")
    return path


def bbc_article(article_id: str) -> dict:
    """One record of ../shared/corpus/bbc_news.jsonl by its id (skips as `shared_path` does)."""
    lines = shared_path("corpus", "bbc_news.jsonl").read_text().splitlines()
    [record] = [r for r in map(json.loads, lines) if r["id"] == article_id]
    return record


@pytest.fixture(scope="session")
def coder():
    from tacitus.pipeline import Coder

    return Coder()


@pytest.fixture(scope="session")
def partial_coder():
    """A coder that keeps partial events (an actor left unresolved)."""
    from tacitus.pipeline import Coder

    return Coder(keep_partial=True)


@pytest.fixture(scope="session")
def bare_roles_coder():
    """A coder that keeps events whose actor is a role of no known country ("GOV", "REB")."""
    from tacitus.pipeline import Coder

    return Coder(bare_roles=True)


@pytest.fixture(scope="session")
def code_with_bare_roles(bare_roles_coder):
    """Text in → events out, bare-role events kept: the whole of what resolution found."""

    def _code(text: str, date: str | None = None):
        return bare_roles_coder.code_text(text, date=date)

    return _code


@pytest.fixture(scope="session")
def code(coder):
    """Sentence or article text in → events out (publication date optional)."""

    def _code(text: str, date: str | None = None):
        return coder.code_text(text, date=date)

    return _code
