"""Accusations told as descriptions: "Chile described the ruling as an unfriendly act", "Uganda
branded the opposition leader a terrorist", "Kenya called the decision a violation of its
sovereignty", and, said by a speaker, "this is one more needless provocation by Togo". The words
that condemn are data (``data/negative_evaluations.txt``); a description that applies one to
an actor or to an actor's act is that speaker's accusation (ACCUSE disapprove, CAMEO 111).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import Trigger, negative_evaluations
from .arguments import _np_actors, _subject_of, object_partners
from .context import _speaker_at
from .rules import _reporter as reported_by

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..actors import ActorTable
    from ..records import Quote

__all__ = ["ACCUSATION", "CHARGE", "FRIENDSHIP", "befriended", "described"]

# verbs that say what something is: "described X as Y", "called X Y", "branded X (as) Y"
DESCRIBING = frozenset({"describe", "call", "brand", "label", "term", "dub", "characterize",
                        "characterise", "portray"})
ACCUSATION = Trigger(phrase=("describe",), pos="VERB", type="ACCUSE", mode="disapprove",
                     cameo="111", context=(), notes="a condemning description")
CHARGE = Trigger(phrase=("commit",), pos="VERB", type="ACCUSE", mode="allege", cameo="112",
                 context=("legal",), notes="a wrong ascribed in a reported clause")
# subjects that name no one: "it's unacceptable" says what a situation is
VAGUE = frozenset({"it", "this", "that", "these", "those", "which", "what"})
FRIENDSHIP = Trigger(phrase=("friend",), pos="VERB", type="SUPPORT", mode=None, cameo="051",
                     context=("diplomatic",), notes="a declared friendship")
# nouns that declare a bond with whom their "of"/"to" names ("a true friend of the Kenyan people")
BONDS = frozenset({"friend", "friends", "ally", "allies", "partner", "partners", "brother",
                   "brothers", "sister"})
# verbs that ascribe a wrong to their subject ("engaged in espionage", "committed fraud")
COMMITTING = frozenset({"engage", "commit", "perpetrate", "conduct", "practise", "practice",
                        "plot", "orchestrate", "sponsor", "finance", "fund", "organize",
                        "organise", "involve"})
# the words of a predicate that may carry the condemnation ("an unfriendly act", "a criminal gang")
MODIFIERS = frozenset({"amod", "compound", "nmod"})


def _condemns(predicate: Token) -> bool:
    words = negative_evaluations()
    return any(t.lower_ in words or t.lemma_.lower() in words
               for t in (predicate, *(c for c in predicate.children if c.dep_ in MODIFIERS)))


def _predicate(verb: Token, described: Token) -> Token | None:
    """The description: "as" Y (on the verb or the object), an object predicate ("called X
    a violation") or the second noun the parser hangs on the object ("branded X a terrorist")."""
    for holder in (verb, described):
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                return next((p for p in c.children if p.dep_ == "pobj"), None)
            if c.dep_ == "oprd" or (holder is described and c.dep_ == "appos" and any(
                    g.dep_ == "det" and g.lower_ in ("a", "an") for g in c.children)):
                return c
    return None


def _owner(noun: Token, table: ActorTable) -> list[str]:
    """Who a described thing is or whose act it is: the actor itself ("the opposition
    leader"), else its possessor, demonym or "by" agent ("the American move", "X's step")."""
    return _np_actors(noun, table) or object_partners(noun, table, preps=frozenset({"by"}),
                                                      author=True)


def described(token: Token, table: ActorTable,
              quotes: tuple[Quote, ...]) -> tuple[Trigger, list[str], list[str], set[int]] | None:
    """(coding, source, target, tokens of the description) of a condemning description the token
    makes, or None: a verb of describing with a condemning predicate, or a copular clause
    with one said by a speaker (in a quotation or as a reported clause)."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in DESCRIBING:
        source, passive = _subject_of(token, table)
        objects = [c for c in token.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
        if not objects:
            return None
        predicate = _predicate(token, objects[0])
        if predicate is None or not _condemns(predicate):
            return None
        if passive:  # "the decision was called by Chile ..."
            source = [a for c in token.children if c.dep_ == "agent"
                      for p in c.children if p.dep_ == "pobj" for a in _np_actors(p, table)]
        # "a terrorist" is no one in particular (but "a violation of its sovereignty" names
        # the accuser through "its")
        named = {table.resolve(predicate.idx, predicate.idx + len(predicate.text))}
        return (ACCUSATION, [a for a in source if a not in named],
                [a for a in _owner(objects[0], table) if a not in named],
                {t.i for t in predicate.subtree})
    if token.pos_ == "VERB" and lemma != "be":
        return _charged(token, table, quotes)
    if lemma != "be" or token.pos_ not in ("AUX", "VERB"):
        return None
    predicate = next((c for c in token.children if c.dep_ in ("attr", "acomp")), None)
    if predicate is None or not _condemns(predicate):
        return None
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    target = _owner(predicate, table) or (
        _owner(subject, table) if subject is not None and subject.lower_ not in VAGUE else [])
    speaker = _reporter(token, table, quotes)  # "X said the raid was illegal"
    if speaker is None or not target or speaker in target:
        return None
    return ACCUSATION, [speaker], target, {t.i for t in predicate.subtree}


def befriended(token: Token, table: ActorTable) -> tuple[list[str], list[str]] | None:
    """(source, target) of a declared bond: "X is a friend of Y", "X remains a close ally of
    Y" (SUPPORT, CAMEO 051), or None."""
    if token.lemma_.lower() not in ("be", "remain") or token.pos_ not in ("AUX", "VERB"):
        return None
    predicate = next((c for c in token.children if c.dep_ == "attr"), None)
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if predicate is None or subject is None or predicate.lower_ not in BONDS:
        return None
    target = [a for c in predicate.children if c.dep_ == "prep" and c.lower_ in ("of", "to")
              for p in c.children if p.dep_ == "pobj" for a in _np_actors(p, table)]
    source = [a for a in _np_actors(subject, table) if a not in target]
    return (source, target) if source and target else None


def _reporter(token: Token, table: ActorTable, quotes: tuple[Quote, ...]) -> str | None:
    """Who says the clause: the quotation's speaker, or the subject of the verb of saying
    the clause is reported under."""
    speaker = _speaker_at(token.idx, quotes)
    if speaker is None:
        reporters = reported_by(token, table, speech_only=True)
        speaker = reporters[0] if reporters else None
    return speaker


def _charged(token: Token, table: ActorTable,
             quotes: tuple[Quote, ...]) -> tuple[Trigger, list[str], list[str], set[int]] | None:
    """A reported clause that says its subject did wrong ("saying they took bribes",
    "said the opposition had committed fraud"): the reporter accuses the subject."""
    if token.lemma_.lower() not in COMMITTING:
        return None  # "to fight terrorism" ascribes no wrong to whoever fights
    wrongs = [c for c in token.children if c.dep_ == "dobj"] + [
        p for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
        for p in c.children if p.dep_ == "pobj"]
    wrong = next((w for w in wrongs if _condemns(w)), None)
    if wrong is None:
        return None
    reporter = _reporter(token, table, quotes)
    subjects, passive = _subject_of(token, table)
    target = [a for a in subjects if a != reporter] if not passive else []
    if reporter is None or not target:
        return None
    return CHARGE, [reporter], target, {t.i for t in wrong.subtree}
