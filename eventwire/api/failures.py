"""Unexpected failures: one log line and a JSON 500, never a traceback per request."""

from __future__ import annotations

import logging

from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("eventwire")

MAX_LOGGED_CHARS = 300  # of the path and the message: a log line stays a line


class UnexpectedErrors:
    """Turns an exception no handler claimed into ``{"detail": ...}`` with status 500.

    It logs one line (method, path, exception) on the ``eventwire`` logger and does not
    re-raise, so the server logs no traceback: a client repeating a failing request cannot
    fill the disk. Errors the library raises on purpose keep their own handler.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watched)
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            detail = " ".join(str(exc).split())[:MAX_LOGGED_CHARS]
            log.error("%s %s failed: %s%s", scope.get("method"),
                      str(scope.get("path"))[:MAX_LOGGED_CHARS], type(exc).__name__,
                      f": {detail}" if detail else "")
            if not started:
                await JSONResponse({"detail": "internal error"}, status_code=500)(
                    scope, receive, send)
