"""Reading inputs (txt, html, jsonl, csv, directories, stdin) into Article records.

``read_articles`` yields, in input order, either an ``Article`` or the ``ArticleError`` that
explains why one input could not be used, so a bad article never loses the rest of a batch.

Ids: a file given by name is its stem (``story.txt`` -> ``story``); a file found under a
directory is its path below that directory without the suffix (``a/001.txt`` -> ``a/001``), so
two folders' ``001.txt`` stay two articles. A JSONL/CSV record's ``id`` (a string or an
integer: ``7`` and ``"7"`` are the same id) wins; without one it is the file's id and the
record's number (``feed-3``).
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .errors import ArticleError
from .records import Article

__all__ = [
    "MAX_ARTICLE_CHARS",
    "article_from_record",
    "html_to_text",
    "parse_date",
    "read_articles",
]

MAX_ARTICLE_CHARS = 1_000_000
SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".csv")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def parse_date(value: object, where: str) -> date | None:
    """An ISO date or datetime (or None) as a ``date``; anything else is an ArticleError."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]) if len(text) >= 10 else date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError as exc:
        raise ArticleError(where, f"unparseable published date {text!r}") from exc


def _check_text(text: object, where: str) -> str:
    if not isinstance(text, str):
        raise ArticleError(where, "field 'text' is missing or not a string")
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleError(where, f"article too large ({len(text)} characters > {MAX_ARTICLE_CHARS})")
    if "\x00" in text or len(_CONTROL.findall(text[:4000])) > 10:
        raise ArticleError(where, "binary content, not text")
    if not text.strip():
        raise ArticleError(where, "empty article")
    return text


def _record_id(value: object, where: str) -> str | None:
    """A record's own id as text: ``7`` and ``"7"`` are one id; None when it gives none."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ArticleError(where, "field 'id' must be a string or an integer")
    return str(value)


def article_from_record(record: dict[str, Any], where: str, default_id: str,
                        published: date | None = None) -> Article:
    """Build an Article from a JSONL/CSV/API record, validating every field."""
    text = _check_text(record.get("text"), where)
    pub = parse_date(record.get("published"), where) or published
    art_id = _record_id(record.get("id"), where) or default_id

    def opt(key: str) -> str | None:
        value = record.get(key)
        return str(value) if value not in (None, "") else None

    return Article(id=art_id, text=text, title=opt("title"), published=pub,
                   source=opt("source"), url=opt("url"))


def _decode(raw: bytes, where: str) -> str:
    if b"\x00" in raw[:8192]:
        raise ArticleError(where, "binary content, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
        if text.count("\ufffd") > max(10, len(text) // 100):
            raise ArticleError(where, "undecodable bytes (not UTF-8 or Windows-1252 text)") from None
        return text


def html_to_text(html: str) -> tuple[str | None, str]:
    """The title and main text of an HTML page."""
    import trafilatura

    extracted = trafilatura.extract(html, include_comments=False, include_tables=False,
                                    favor_recall=True)
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta is not None else None
    if not extracted:
        from lxml import html as lxml_html

        tree = lxml_html.fromstring(html)
        for bad in tree.xpath("//script|//style|//nav|//footer|//header"):
            bad.drop_tree()
        extracted = "\n\n".join(
            " ".join(p.text_content().split()) for p in tree.xpath("//p") if p.text_content().strip()
        )
    return title, extracted or ""


def _read_txt(path: Path, published: date | None, key: str) -> Iterator[Article | ArticleError]:
    where = str(path)
    try:
        raw = path.read_bytes()
        if len(raw) > MAX_ARTICLE_CHARS * 4:
            raise ArticleError(where, f"article too large ({len(raw)} bytes)")
        text = _check_text(_decode(raw, where), where)
        title = None
        head, sep, _rest = text.partition("\n\n")
        if sep and "\n" not in head.strip() and len(head) < 300 and not head.rstrip().endswith("."):
            title = head.strip()
        yield Article(id=key, text=text, title=title, published=published)
    except ArticleError as err:
        yield err
    except OSError as exc:
        yield ArticleError(where, f"cannot read file ({exc.strerror})")


def _read_html(path: Path, published: date | None, key: str) -> Iterator[Article | ArticleError]:
    where = str(path)
    try:
        raw = path.read_bytes()
        if len(raw) > MAX_ARTICLE_CHARS * 4:
            raise ArticleError(where, f"article too large ({len(raw)} bytes)")
        title, text = html_to_text(_decode(raw, where))
        yield Article(id=key, text=_check_text(text, where), title=title, published=published)
    except ArticleError as err:
        yield err
    except OSError as exc:
        yield ArticleError(where, f"cannot read file ({exc.strerror})")


def _parse_jsonl_line(line: str, number: int, name: str, stem: str,
                      published: date | None) -> Article | ArticleError | None:
    if not line.strip():
        return None
    where = f"{name}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return ArticleError(where, f"malformed JSON line ({exc.msg})")
    if not isinstance(record, dict):
        return ArticleError(where, "a JSON line must be an object with a 'text' field")
    rid = record.get("id")
    if rid not in (None, ""):
        where = f"{name}:{number} (id {rid})"
    try:
        return article_from_record(record, where, f"{stem}-{number}", published)
    except ArticleError as err:
        return err


def _read_jsonl_stream(lines: Iterable[bytes | str], name: str, stem: str,
                       published: date | None) -> Iterator[Article | ArticleError]:
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                yield ArticleError(f"{name}:{number}", "line is not valid UTF-8")
                continue
        item = _parse_jsonl_line(raw, number, name, stem, published)
        if item is not None:
            yield item


def _read_jsonl(path: Path, published: date | None, key: str) -> Iterator[Article | ArticleError]:
    try:
        with path.open("rb") as handle:
            yield from _read_jsonl_stream(handle, str(path), key, published)
    except OSError as exc:
        yield ArticleError(str(path), f"cannot read file ({exc.strerror})")


def _read_csv(path: Path, published: date | None, key: str) -> Iterator[Article | ArticleError]:
    try:
        text = _decode(path.read_bytes(), str(path))
    except ArticleError as err:
        yield err
        return
    except OSError as exc:
        yield ArticleError(str(path), f"cannot read file ({exc.strerror})")
        return
    csv.field_size_limit(MAX_ARTICLE_CHARS * 4)
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield ArticleError(str(path), "CSV has no 'text' column")
        return
    for number, row in enumerate(reader, start=2):
        where = f"{path}:{number}"
        try:
            yield article_from_record(dict(row), where, f"{key}-{number - 1}", published)
        except ArticleError as err:
            yield err


_READERS = {".txt": _read_txt, ".html": _read_html, ".htm": _read_html,
            ".jsonl": _read_jsonl, ".csv": _read_csv}


def read_articles(paths: Iterable[str | Path], published: date | None = None
                  ) -> Iterator[Article | ArticleError]:
    """Every article of every input, in order; unusable ones as ArticleError items."""
    for item in paths:
        if str(item) == "-":
            stream = getattr(sys.stdin, "buffer", sys.stdin)  # bytes: a bad line is reported
            yield from _read_jsonl_stream(stream, "<stdin>", "stdin", published)
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not files:
                yield ArticleError(str(path), "directory holds no .txt, .html, .jsonl or .csv file")
            for file in files:  # the id: its path under the directory, without suffix
                key = file.relative_to(path).with_suffix("").as_posix()
                yield from _READERS[file.suffix.lower()](file, published, key)
        elif not path.exists():
            yield ArticleError(str(path), "no such file")
        elif path.suffix.lower() not in _READERS:
            yield ArticleError(str(path), f"unsupported input type {path.suffix!r} "
                                          "(expected .txt, .html, .jsonl, .csv or a directory)")
        else:
            yield from _READERS[path.suffix.lower()](path, published, path.stem)
