"""Tacitus: political event data (CAMEO, PLOVER) from news text.

    >>> import tacitus
    >>> events = tacitus.code_text("Poland expelled a Belarusian diplomat.", date="2024-03-08")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["code_text", "code_article", "Coder", "open"]

if TYPE_CHECKING:
    from tacitus.pipeline import Coder


def __getattr__(name: str) -> Any:
    # Lazy: `import tacitus` must not load spaCy.
    if name in ("code_text", "code_article", "Coder"):
        from tacitus import pipeline

        return getattr(pipeline, name)
    if name == "open":
        from tacitus.store import open_store

        return open_store
    raise AttributeError(name)
