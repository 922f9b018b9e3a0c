"""Quotation marks without a model: paired stretches, chained over paragraphs.

Double marks (straight, curly, ``guillemets``, LaTeX-style) open and close quotations; a
paragraph that opens a quote and does not close it is continued by the next paragraph that
reopens it. Single marks (‘ ’ and straight ') count only outside double-quoted text, inside
one paragraph, where a word-initial opener meets a word-final closer; the direct stage keeps
such a stretch only when a speech cue attributes it (British style: 'We will win,' she said).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Segment", "segments", "trim"]

_MARK_RE = re.compile(r"``|''|[\"“”„«»]")
_OPENERS = frozenset({"``", "“", "„", "«"})
_CLOSERS = frozenset({"''", "”", "»"})
_BLANK_LINE_RE = re.compile(r"\n[ \t\r\f\v]*\n")
# a single opener starts a word (after a space, a bracket or a dash); a closer ends one
_SINGLE_OPEN_RE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))[‘'](?=[^\W_])", re.M)
_SINGLE_CLOSE_RE = re.compile(r"(?<=[^\s‘'])[’'](?=[\s.,;:!?)\]—–-]|$)", re.M)


@dataclass(slots=True)
class Segment:
    """One quoted stretch between marks (content offsets, mark offsets)."""

    start: int
    end: int
    open_mark: int | None  # offset of the opening mark, None when the quote had none
    close_mark: int | None  # offset just past the closing mark, None when unclosed
    continues: bool = False  # a later paragraph reopens this quote
    single: bool = False  # between single marks: a quotation only when attributed


def _role(text: str, pos: int, mark: str) -> str:
    if mark in _OPENERS:
        return "open"
    if mark in _CLOSERS:
        return "close"
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if (before.isspace() or before in "([{—–-/") and not after.isspace():
        return "open"
    if after.isspace() or after in ".,;:!?)]}—–-" or not before.isspace():
        return "close"
    return "open"


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _at_line_start(text: str, pos: int) -> bool:
    return not text[_line_start(text, pos):pos].strip()


def _double(text: str) -> list[list[Segment]]:
    chains: list[list[Segment]] = []
    stack: list[tuple[int, int]] = []  # (mark offset, mark length)
    continuing = False
    last_closed_line = -1  # line start of the last quote closed

    def close_unclosed(upto_line_end: bool) -> None:
        nonlocal continuing
        pos, length = stack[0]
        seg = Segment(pos + length, _line_end(text, pos), pos, None)
        if continuing and chains:
            chains[-1].append(seg)
        else:
            chains.append([seg])
        seg.continues = upto_line_end
        continuing = upto_line_end
        stack.clear()

    for match in _MARK_RE.finditer(text):
        pos, mark = match.start(), match.group()
        role = _role(text, pos, mark)
        if stack:
            first = stack[0][0]
            between = text[first:pos]
            reopens = role == "open" and _at_line_start(text, pos)
            if "\n" in between and (reopens or _BLANK_LINE_RE.search(between)):
                close_unclosed(upto_line_end=reopens)
        if role == "open":
            if stack:  # double marks do not nest: the open quote was never closed
                opened, length = stack[0]
                chains.append([Segment(opened + length, pos, opened, None)])
                stack.clear()
                continuing = False
            stack.append((pos, len(mark)))
            continue
        if stack:
            opened, length = stack.pop()
            seg = Segment(opened + length, pos, opened, pos + len(mark))
            if continuing and chains:
                chains[-1].append(seg)
            else:
                chains.append([seg])
            continuing = False
            last_closed_line = _line_start(text, pos)
        else:  # a closing mark with no opener
            line = _line_start(text, pos)
            if line != last_closed_line and not continuing:
                chains.append([Segment(line, pos, None, pos + len(mark))])
                last_closed_line = line
    if stack:
        close_unclosed(upto_line_end=False)
    return chains


def _single(text: str, taken: list[tuple[int, int]]) -> list[list[Segment]]:
    """Stretches between single marks, outside the double-quoted text ``taken``."""
    def free(pos: int) -> bool:
        return not any(s <= pos < e for s, e in taken)

    closers = [m.start() for m in _SINGLE_CLOSE_RE.finditer(text) if free(m.start())]
    chains: list[list[Segment]] = []
    after = -1
    for match in _SINGLE_OPEN_RE.finditer(text):
        pos = match.start()
        if pos < after or not free(pos):
            continue
        line_end = _line_end(text, pos)
        for close in closers:
            if close <= pos + 1:
                continue
            if close >= line_end:
                break
            word_end = close + 1 < len(text) and text[close + 1] == " " and close + 2 < len(text) \
                and text[close + 2].isalpha() and text[close - 1] in "sS"
            if word_end:  # "the players' union": a plural possessive, not a closer
                continue
            chains.append([Segment(pos + 1, close, pos, close + 1, single=True)])
            after = close + 1
            break
    return chains


def segments(text: str) -> list[list[Segment]]:
    """Quoted stretches, chained when a quote runs over several paragraphs, in text order."""
    chains = _double(text)
    taken = [((c[0].open_mark if c[0].open_mark is not None else c[0].start),
              (c[-1].close_mark if c[-1].close_mark is not None else c[-1].end)) for c in chains]
    if "‘" in text or "'" in text:
        chains.extend(_single(text, taken))
        chains.sort(key=lambda c: c[0].start)
    return chains


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``start, end`` without surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
