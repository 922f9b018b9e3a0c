"""The explorer's files: ``/`` (index.html), ``/static/`` (its CSS and JavaScript) and
``/vendor/plotly.min.js`` from the installed ``plotly`` package."""

from __future__ import annotations

from importlib import resources
from importlib.util import find_spec
from pathlib import Path

from fastapi import HTTPException
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

EXPLORER = resources.files("eventwire") / "explorer"


def index() -> FileResponse:
    return FileResponse(str(EXPLORER / "index.html"), headers={"Cache-Control": "no-cache"})


def plotly_js() -> FileResponse:
    spec = find_spec("plotly")
    origin = Path(spec.origin) if spec and spec.origin else None
    js = origin.parent / "package_data" / "plotly.min.js" if origin else None
    if js is None or not js.is_file():
        raise HTTPException(404, "plotly is not installed: pip install plotly")
    return FileResponse(js, media_type="text/javascript",
                        headers={"Cache-Control": "public, max-age=86400"})


def static_files() -> StaticFiles:
    """The explorer's own directory, mounted at ``/static``."""
    return StaticFiles(directory=str(EXPLORER))
