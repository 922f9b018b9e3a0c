"""Numbers in words and TIMEX3 duration values ('three days' -> ``P3D``)."""

from __future__ import annotations

import re

from .lexicon import time_words


def parse_number(text: str) -> str | None:
    """'three' -> '3', 'twenty-five' -> '25', 'two and a half' -> '2.5', 'several' -> 'X'."""
    words = time_words().number
    text = re.sub(r"\s+", " ", text.lower().strip())
    half = text.endswith(" and a half")
    text = text.removesuffix(" and a half")
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        value = float(text)
    elif text in words:
        if words[text] == "X":
            return "X"
        value = float(words[text])
    else:
        parts = re.split(r"[\s-]", text)
        if not all(p in words and words[p] != "X" for p in parts):
            return None
        nums = [float(words[p]) for p in parts]
        value = nums[0] * nums[1] if nums[-1] == 100 else sum(nums)
    value += 0.5 if half else 0.0
    return str(int(value)) if value == int(value) else str(value)


def normalise_duration(number: str, unit: str) -> str | None:
    """A TIMEX3 duration value: ('three', 'days') -> 'P3D', ('several', 'hours') -> 'PTXH'."""
    lex = time_words()
    unit = unit.lower()
    base = lex.unit.get(unit) or lex.unit.get(unit[:-1]) or lex.unit.get(unit[:-3] + "y")
    n = parse_number(number)
    if base is None or n is None:
        return None
    prefix = "PT" if base.startswith("T") else "P"
    code = base.removeprefix("T")
    factor = re.match(r"\d*", code).group(0)  # type: ignore[union-attr]
    code = code[len(factor):]
    if n == "X":
        code = {"10Y": "DE", "100Y": "CE"}.get(base, code)
        return f"{prefix}X{code}"
    if factor:
        value = float(n) * int(factor)
        n = str(int(value)) if value == int(value) else str(value)
    return f"{prefix}{n}{code}"
