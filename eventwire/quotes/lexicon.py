"""The cue lexicon (``data/speech_cues.tsv``) and the cue of each token of a Doc."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["SpeechCues", "speech_cues"]

_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBG", "VBN", "VB"})


@dataclass(frozen=True, slots=True)
class SpeechCues:
    """The cue lexicon: reporting verbs, direct-only verbs, phrases, nouns and attitudes."""

    verbs: frozenset[str]
    direct_only: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    nouns: frozenset[str] = frozenset()
    beliefs: frozenset[str] = frozenset()  # "expects", "believes": find_attributions only
    intents: frozenset[str] = frozenset()  # "plans", "intends": find_attributions only
    takes: dict[str, frozenset[str]] = field(default_factory=dict)

    def verb_key(self, token: Token, *, direct: bool) -> str | None:
        """The lexicon entry a verb token cues speech through (``direct``: next to a quote)."""
        if token.pos_ not in ("VERB", "AUX") and token.tag_ not in _VERB_TAGS:
            return None
        lemma = token.lemma_.lower()
        doc = token.doc
        if token.i + 1 < len(doc):  # "call for", "call on": the particle or preposition
            nxt = doc[token.i + 1]
            key = f"{lemma} {nxt.lower_}"
            if key in self.verbs and nxt.head.i == token.i and nxt.dep_ in ("prt", "prep"):
                return key
        for key in (lemma, token.lower_):
            if key in self.verbs or (direct and key in self.direct_only):
                return key
        return None

    def is_cue(self, token: Token, *, direct: bool) -> bool:
        """Whether a verb token cues speech (``direct``: next to a quotation)."""
        return self.verb_key(token, direct=direct) is not None

    def reports(self, key: str, what: str) -> bool:
        """Whether the cue ``key`` reports a content of kind ``what`` (clause/object/infinitive)."""
        return what in self.takes.get(key, frozenset({"clause"}))

    def attitude(self, token: Token) -> str | None:
        """``belief`` or ``intent`` for a verb of attitude ("expects", "plans"), else None."""
        if token.pos_ not in ("VERB", "AUX") and token.tag_ not in _VERB_TAGS:
            return None
        lemma = token.lemma_.lower()
        return "belief" if lemma in self.beliefs else "intent" if lemma in self.intents else None


@lru_cache(maxsize=1)
def speech_cues() -> SpeechCues:
    """The cue lexicon from ``data/speech_cues.tsv`` (read once)."""
    text = resources.files("eventwire").joinpath("data/speech_cues.tsv").read_text("utf-8")
    verbs: set[str] = set()
    direct: set[str] = set()
    nouns: set[str] = set()
    attitudes: dict[str, set[str]] = {"belief": set(), "intent": set()}
    phrases: list[tuple[str, ...]] = []
    takes: dict[str, frozenset[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cue, kind, what = ([*line.split("\t"), "", ""])[:3]
        cue, kind = cue.strip().lower(), kind.strip()
        if kind == "phrase":
            phrases.append(tuple(cue.split()))
        elif kind == "direct":
            direct.add(cue)
        elif kind == "noun":
            nouns.add(cue)
        elif kind in attitudes:
            attitudes[kind].add(cue)
        else:
            verbs.add(cue)
            if what.strip():
                takes[cue] = frozenset(w.strip() for w in what.split(",") if w.strip())
    return SpeechCues(frozenset(verbs), frozenset(direct), tuple(phrases), frozenset(nouns),
                      frozenset(attitudes["belief"]), frozenset(attitudes["intent"]), takes)
