"""The ids the API mints: opaque event ids, and the shape of actor keys (an actor's stored
``actor_key``, from ``eventwire.registry.actor_key``, else the same shape computed from its
name and country: ``eventwire.store.reads.KEY_X``; see the package docstring)."""

from __future__ import annotations

import base64
import binascii


def event_key(article_id: str, event_id: str) -> str:
    """The opaque API id of one event."""
    raw = f"{article_id}\x1f{event_id}".encode()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def parse_event_key(key: str) -> tuple[str, str] | None:
    """``(article_id, event_id)`` of an opaque id, or None when it is not one."""
    try:
        raw = base64.urlsafe_b64decode(key + "=" * (-len(key) % 4)).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    article_id, sep, event_id = raw.partition("\x1f")
    return (article_id, event_id) if sep and article_id and event_id else None


ACTOR_KEY_PATTERN = r"^[a-z0-9-]{1,200}(@[A-Z0-9_-]{1,16})?$"
