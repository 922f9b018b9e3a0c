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
_ID_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # no id holds a tab, newline or escape
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d")
_BOMS = (("utf-8-sig", b"\xef\xbb\xbf"), ("utf-16", b"\xff\xfe"), ("utf-16", b"\xfe\xff"))


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
        return date.fromisoformat(text)
    except ValueError:
        pass
    if _DATETIME.match(text):  # a date and a time; '2024-01-01garbage' is neither
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            pass
    raise ArticleError(where, f"unparseable published date {text!r}")


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
    return _check_id(str(value), where)


def _check_id(art_id: str, where: str) -> str:
    if _ID_CONTROL.search(art_id):
        raise ArticleError(where, f"id {art_id!r} holds control characters")
    return art_id


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


def _bom_encoding(raw: bytes) -> str | None:
    """The encoding a byte-order mark announces (UTF-8 or UTF-16), or None."""
    for encoding, bom in _BOMS:
        if raw.startswith(bom):
            return encoding
    return None


def _decode(raw: bytes, where: str) -> str:
    encoding = _bom_encoding(raw)
    if encoding is not None:
        try:
            return raw.decode(encoding).removeprefix("\ufeff")
        except UnicodeDecodeError:
            raise ArticleError(where, f"undecodable bytes (not {encoding.upper()} text)") from None
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

    if not html.strip():
        return None, ""
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
                       published: date | None, empty: str | None = None
                       ) -> Iterator[Article | ArticleError]:
    """The records of JSON Lines; with ``empty``, an input with none is reported under it."""
    seen = False
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                yield ArticleError(f"{name}:{number}", "line is not valid UTF-8")
                continue
        item = _parse_jsonl_line(raw, number, name, stem, published)
        if item is not None:
            seen = True
            yield item
    if not seen and empty is not None:
        yield ArticleError(empty, "empty input (no JSON lines)")


def _looks_binary(head: bytes) -> bool:
    """True for bytes that are no text: a NUL, or mostly undecodable bytes and control codes."""
    if b"\x00" in head:
        return True
    text = head.decode("utf-8", errors="replace")
    odd = text.count("\ufffd") + len(_CONTROL.findall(text))
    return odd > max(10, len(text) // 10)


def _read_jsonl(path: Path, published: date | None, key: str) -> Iterator[Article | ArticleError]:
    where = str(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(8192)
            encoding = _bom_encoding(head)
            if encoding == "utf-16":  # a whole-file encoding: decode it, then read its lines
                text = _decode(head + handle.read(), where)
                yield from _read_jsonl_stream(text.splitlines(), where, key, published,
                                              empty=where)
                return
            if _looks_binary(head):
                yield ArticleError(where, "binary content, not JSON Lines")
                return
            handle.seek(0)
            yield from _read_jsonl_stream(handle, where, key, published, empty=where)
    except ArticleError as err:
        yield err
    except OSError as exc:
        yield ArticleError(where, f"cannot read file ({exc.strerror})")


def _read_csv(path: Path, published: date | None, key: str) -> Iterator[Article | ArticleError]:
    try:
        text = _decode(path.read_bytes(), str(path))
    except ArticleError as err:
        yield err
        return
    except OSError as exc:
        yield ArticleError(str(path), f"cannot read file ({exc.strerror})")
        return
    if not text.strip():
        yield ArticleError(str(path), "empty file")
        return
    # No field can outgrow the text it is cut from, so the csv module never stops mid-record
    # (after its "field larger than field limit" it would resume inside the record and read
    # garbage); a field over MAX_ARTICLE_CHARS is then one bad article, named and skipped.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_ARTICLE_CHARS, len(text)) + 1)
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield ArticleError(str(path), "CSV has no 'text' column")
        return
    number = 1
    while True:
        where = f"{path}:{reader.line_num + 1}"  # the line the record starts on
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield ArticleError(where, f"malformed CSV record ({exc})")
            continue
        number += 1
        for field, value in row.items():  # a field larger than an article is never read
            if isinstance(value, str) and len(value) > MAX_ARTICLE_CHARS:
                yield ArticleError(where, f"field {field!r} too large ({len(value)} characters "
                                          f"> {MAX_ARTICLE_CHARS})")
                break
        else:
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
            yield from _read_jsonl_stream(stream, "<stdin>", "stdin", published, empty="<stdin>")
            continue
        path = Path(item)
        if path.is_dir():
            found = False
            for file in sorted(path.rglob("*")):
                if file.suffix.lower() not in SUFFIXES:
                    continue
                if file.is_symlink() and not file.exists():
                    yield ArticleError(str(file), "broken symbolic link")
                    continue
                if not file.is_file():
                    continue
                found = True  # the id: its path under the directory, without suffix
                key = file.relative_to(path).with_suffix("").as_posix()
                yield from _read_file(file, published, key)
            if not found:
                yield ArticleError(str(path), "directory holds no .txt, .html, .jsonl or .csv file")
        elif path.is_symlink() and not path.exists():
            yield ArticleError(str(path), "broken symbolic link")
        elif not path.exists():
            yield ArticleError(str(path), "no such file")
        elif not path.is_file():  # a FIFO or a device would block or never end
            yield ArticleError(str(path), "not a regular file (a FIFO, socket or device); "
                                          "pipe JSON Lines into - instead")
        elif path.suffix.lower() not in _READERS:
            yield ArticleError(str(path), f"unsupported input type {path.suffix!r} "
                                          "(expected .txt, .html, .jsonl, .csv or a directory)")
        else:
            yield from _read_file(path, published, path.stem)


def _read_file(path: Path, published: date | None, key: str) -> Iterator[Article | ArticleError]:
    try:
        _check_id(key, str(path))
    except ArticleError as err:
        yield err
        return
    yield from _READERS[path.suffix.lower()](path, published, key)
