"""Reading inputs (txt, html, jsonl, csv, directories, stdin) into Article records.

``read_articles`` yields, in input order, either an ``Article`` or the ``ArticleError`` that
explains why one input could not be used, so a bad article never loses the rest of a batch.

Ids: a file given by name is its stem (``story.txt`` -> ``story``); a file found under a
directory is its path below that directory without the suffix (``a/001.txt`` -> ``a/001``), so
two folders' ``001.txt`` stay two articles. A JSONL/CSV record's ``id`` (a string or an
integer: ``7`` and ``"7"`` are the same id) wins; without one it is the file's id and the
record's number (``feed-3``).

Field names: a record's ``id``, ``title``, ``published``, ``source``, ``url`` and ``text`` are
read as they are; the names other tools give them (``publish_date``, ``publishedAt``,
``headline``, ``body``, ``content``, ``link``, ...) are read through ``data/input_fields.tsv``,
matched ignoring case, ``_``, ``-`` and spaces. The article's own name wins over an alias, and
the first alias with a value over the later ones. The fields a file's records leave unread are
named in one warning per file on the ``eventwire`` logger.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ArticleError
from .records import Article

__all__ = [
    "ARTICLE_FIELDS",
    "FIELD_ALIASES",
    "MAX_ARTICLE_CHARS",
    "FieldNotes",
    "article_from_record",
    "field_key",
    "record_fields",
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
_NOT_KEY = re.compile(r"[^a-z0-9]+")

log = logging.getLogger("eventwire")

# The article fields an input record can fill, in the order messages name them.
ARTICLE_FIELDS = ("id", "title", "published", "source", "url", "text")
ALIASES_FILE = "input_fields.tsv"


def field_key(name: str) -> str:
    """An input field's name as it is matched: lower case, letters and digits only
    (``publishedAt``, ``published_at`` and ``Published-At`` are one name)."""
    return _NOT_KEY.sub("", name.lower())


def _load_aliases() -> dict[str, tuple[str, ...]]:
    """Every article field's aliases, in the table's order."""
    text = resources.files("eventwire").joinpath("data", ALIASES_FILE).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    aliases: dict[str, list[str]] = {f: [] for f in ARTICLE_FIELDS}
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        aliases[row["field"]].append(row["alias"])
    return {f: tuple(names) for f, names in aliases.items()}


# article field -> the input names read for it after its own, first match first
FIELD_ALIASES = _load_aliases()


@lru_cache(maxsize=1024)
def _candidates(names: tuple[str, ...]) -> tuple[tuple[tuple[str, tuple[str, ...]], ...],
                                                 tuple[str, ...]]:
    """For the field names of a record: each article field's input names in the order they
    are tried (its own name, then the same name in another case, then its aliases), and the
    names no article field reads."""
    by_key: dict[str, list[str]] = {}
    for name in names:
        by_key.setdefault(field_key(name), []).append(name)
    plan = []
    read: set[str] = set()
    for article_field in ARTICLE_FIELDS:
        tried = [article_field] if article_field in names else []
        for key in map(field_key, (article_field, *FIELD_ALIASES[article_field])):
            tried.extend(n for n in sorted(by_key.get(key, ())) if n not in tried)
        if tried:
            plan.append((article_field, tuple(tried)))
            read.update(tried)
    return tuple(plan), tuple(n for n in names if n not in read)


def _given(value: object) -> bool:
    return value is not None and value != ""


def record_fields(record: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str], list[str]]:
    """An input record's article fields by their own names; which input field each came
    from when that was another name; and the record's fields left unread (unknown, or an
    alias whose field an earlier name already gave)."""
    plan, unknown = _candidates(tuple(record))
    values: dict[str, Any] = {}
    renamed: dict[str, str] = {}
    unread = list(unknown)
    for article_field, names in plan:
        for name in names:
            if not _given(record[name]):
                continue
            if article_field in values:
                unread.append(name)
            else:
                values[article_field] = record[name]
                if name != article_field:
                    renamed[article_field] = name
        if article_field not in values:  # none has a value: the first says why ('' is empty)
            values[article_field] = record[names[0]]
    return values, renamed, unread


@dataclass(slots=True)
class FieldNotes:
    """What the records of one input file were read from: one warning per file."""

    renamed: dict[str, str] = field(default_factory=dict)  # input name -> article field
    unread: set[str] = field(default_factory=set)  # input names some record left unread

    def add(self, renamed: Mapping[str, str], unread: Iterable[str]) -> None:
        for article_field, name in renamed.items():
            self.renamed.setdefault(name, article_field)
        self.unread.update(unread)

    def message(self, where: str) -> str | None:
        """The one line naming the fields ignored (and the names read as article fields)."""
        if not self.unread:
            return None
        fields = dict(_candidates(tuple(self.unread))[0])
        shadowed = {name: f for f, names in fields.items() for name in names}
        ignored = ", ".join(f"{name} ({shadowed[name]} given first)" if name in shadowed
                            else name for name in sorted(self.unread))
        line = f"{where}: fields ignored: {ignored}"
        if self.renamed:
            line += "; read " + ", ".join(f"{name} as {article_field}"
                                          for name, article_field in self.renamed.items())
        return line

    def report(self, where: str) -> None:
        """Warn once about the fields ignored; say at debug level which names were mapped."""
        line = self.message(where)
        if line is not None:
            log.warning("%s", line)
        elif self.renamed:
            log.debug("%s: read %s", where, ", ".join(
                f"{name} as {article_field}" for name, article_field in self.renamed.items()))


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
    if re.match(r"(?:[A-Za-z]{3}, )?\d{1,2} [A-Za-z]{3} \d{4}", text):  # RFC 2822 (RSS pubDate)
        try:
            return parsedate_to_datetime(text).date()
        except (TypeError, ValueError):
            pass
    raise ArticleError(where, f"unparseable published date {text!r}")


def _check_text(text: object, where: str) -> str:
    if not isinstance(text, str):
        raise ArticleError(where, "field 'text' is missing or not a string (nor given as "
                                  f"{', '.join(FIELD_ALIASES['text'])})")
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


def article_from_record(record: Mapping[str, Any], where: str, default_id: str,
                        published: date | None = None, notes: FieldNotes | None = None
                        ) -> Article:
    """Build an Article from a JSONL/CSV/API record, validating every field; its fields are
    read under their own names or their aliases (``record_fields``), and ``notes`` collects
    what was renamed and what was left unread."""
    fields, renamed, unread = record_fields(record)
    if notes is not None:
        notes.add(renamed, unread)
    text = _check_text(fields.get("text"), where)
    pub = parse_date(fields.get("published"), where) or published
    art_id = _record_id(fields.get("id"), where) or default_id

    def opt(key: str) -> str | None:
        value = fields.get(key)
        if isinstance(value, Mapping):  # NewsAPI's "source": {"id": ..., "name": "BBC News"}
            value = value.get("name")
        return str(value) if _given(value) else None

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


def _parse_jsonl_line(line: str, number: int, name: str, stem: str, published: date | None,
                      notes: FieldNotes | None = None) -> Article | ArticleError | None:
    if not line.strip():
        return None
    where = f"{name}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return ArticleError(where, f"malformed JSON line ({exc.msg})")
    if not isinstance(record, dict):
        return ArticleError(where, "a JSON line must be an object with a 'text' field")
    rid = record_fields(record)[0].get("id")
    if _given(rid):
        where = f"{name}:{number} (id {rid})"
    try:
        return article_from_record(record, where, f"{stem}-{number}", published, notes)
    except ArticleError as err:
        return err


def _read_jsonl_stream(lines: Iterable[bytes | str], name: str, stem: str,
                       published: date | None, empty: str | None = None
                       ) -> Iterator[Article | ArticleError]:
    """The records of JSON Lines; with ``empty``, an input with none is reported under it.
    After the last line, one warning names the fields the records left unread."""
    seen = False
    notes = FieldNotes()
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                yield ArticleError(f"{name}:{number}", "line is not valid UTF-8")
                continue
        item = _parse_jsonl_line(raw, number, name, stem, published, notes)
        if item is not None:
            seen = True
            yield item
    notes.report(name)
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
    columns = tuple(name for name in reader.fieldnames or () if name is not None)
    if "text" not in dict(_candidates(columns)[0]):
        yield ArticleError(str(path), "CSV has no 'text' column (nor "
                                      f"{', '.join(FIELD_ALIASES['text'])})")
        return
    notes = FieldNotes()
    yield from _csv_records(reader, path, published, key, notes)
    notes.report(str(path))


def _csv_records(reader: csv.DictReader[str], path: Path, published: date | None, key: str,
                 notes: FieldNotes) -> Iterator[Article | ArticleError]:
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
        for column, value in row.items():  # a field larger than an article is never read
            if isinstance(value, str) and len(value) > MAX_ARTICLE_CHARS:
                yield ArticleError(where, f"field {column!r} too large ({len(value)} characters "
                                          f"> {MAX_ARTICLE_CHARS})")
                break
        else:
            try:
                yield article_from_record({k: v for k, v in row.items() if k is not None},
                                          where, f"{key}-{number - 1}", published, notes)
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
