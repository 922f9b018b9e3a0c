"""Reading one noun phrase: its title, its country, its extent; the word lists the reader uses."""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..lexicon import REGION_WORDS, Lexicon, Title, lexicon, portfolio_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "themselves"})
SPEAKER_PRONOUNS = frozenset({"i", "me", "my", "we", "us", "our"})
DOCUMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "release", "report",
                            "declaration", "readout", "announcement"})
OFFICE_NOUNS = frozenset({"office", "administration", "spokesman", "spokeswoman", "spokesperson",
                          "aides", "press office", "cabinet"})
# nouns whose "of" names another party, not the person's state: "X, an ally of Turkey"
RELATION_NOUNS = frozenset({"ally", "friend", "critic", "opponent", "rival", "enemy", "foe",
                            "supporter", "admirer", "partner", "neighbour", "neighbor"})
PEER_NOUNS = frozenset({"counterpart", "counterparts", "colleague", "colleagues", "opposite number"})
GROUPING_NOUNS = frozenset({"delegation", "group", "team", "contingent", "unit", "party",
                            "members", "member", "number", "dozens", "hundreds", "thousands"})
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "det", "nmod", "case", "punct", "nummod"})
_APOS = re.compile(r"[’']s$|[’']$")
# sectors a modifier imposes on its head: "rebel soldiers" are rebels, "opposition lawmakers"
# opposition, "police officers" police
MARKED_SECTORS = frozenset({"REB", "OPP", "UAF", "PRM", "CRM", "COP", "JUD", "REF", "JRN",
                            "LAB", "EDU", "MED", "REL", "SPY", "PTY"})
# last words that make a name a body, not a person ("Revolutionary United Front")
NGO_WORDS = frozenset({"association", "forum", "foundation", "federation", "watch", "coalition",
                       "alliance", "network", "society", "institute"})
# "the two leaders", "both countries", "the three countries", "all four nations": the persons
# or states named last, that many
GROUP_SIZES = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6}
PAIR_PERSONS = frozenset({"leaders", "presidents", "ministers", "premiers", "men", "women",
                          "officials", "diplomats", "envoys", "heads", "counterparts"})
PAIR_STATES = frozenset({"countries", "nations", "states", "governments", "neighbours",
                         "neighbors", "capitals"})
PAIR_EITHER = frozenset({"sides", "parties"})
# a state's posts in another state: the place they sit in is not their country
# pronouns that say whose a noun is ("its police", "their ambassador")
POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her"})
FOREIGN_POSTS = frozenset({"embassy", "embassies", "consulate", "consulates", "ambassador",
                           "ambassadors", "envoy", "envoys", "diplomat", "diplomats"})
SECTOR_HINTS = (
    ("ministry", "GOV"), ("government", "GOV"), ("party", "PTY"), ("army", "MIL"),
    ("forces", "MIL"), ("military", "MIL"), ("police", "COP"), ("court", "JUD"),
    ("parliament", "LEG"), ("senate", "LEG"), ("assembly", "LEG"), ("congress", "LEG"),
    ("university", "EDU"), ("bank", "BUS"), ("company", "BUS"), ("corporation", "BUS"),
    ("union", "LAB"), ("church", "REL"), ("rebels", "REB"), ("front", "REB"),
    ("brigade", "REB"), ("militia", "UAF"), ("news", "JRN"), ("times", "JRN"),
    ("agency", "GOV"), ("council", "GOV"), ("commission", "GOV"), ("hospital", "MED"),
)


# --- reading one noun phrase -------------------------------------------------------------

def _clean(text: str) -> str:
    text = " ".join(text.split())
    if text.count("(") > text.count(")"):
        text = text[:text.rindex("(")]  # "the Trade Area (WATA": the name before it
    return _APOS.sub("", text).strip(" ,;:()\"“”")


def _left_edge(token: Token, stop: int | None = None) -> int:
    """The first token index of the pre-modifiers of ``token`` (det, poss, compound, amod),
    never a punctuation mark (a parse that hangs "(XP)" on the next noun)."""
    left = token.i
    for child in token.lefts:
        if child.dep_ in MODIFIER_DEPS and (stop is None or child.i >= stop):
            left = min(left, child.left_edge.i)
    doc = token.doc
    while left < token.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    return left


# honorifics never written after a title ("Tory leader Mr Howard" is not BBC or wire style)
PLAIN_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx"})
DESCRIPTOR_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "PRON", "PART", "NUM"})
# titles of an office sent to a place, whose "to" phrase is part of the title ("Envoy to Somalia")
POSTED_TITLES = frozenset({"envoy", "ambassador", "representative", "emissary", "delegate"})


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Every word of a title ("secretary", "minister", "general")."""
    return frozenset(w for k in lexicon().titles for w in k.split())


@lru_cache(maxsize=1)
def act_nouns() -> frozenset[str]:
    """Nouns that name an act ("arrest", "visit", "killing"), never a title's words."""
    return lexicon().nouns - title_words()


def _descriptor_start(doc: Doc, end: int, floor: int) -> int:
    """Scan left from ``end`` over the words of a title phrase ("Armenia's Defense Minister",
    "The Norwegian Co-Chair of the Liaison Committee"); stop at verbs, commas and other names. A name
    after a plain honorific ("Arriving at a Vienna summit Mr Brown said") has no descriptor: the
    words before "Mr" belong to another phrase."""
    if end < len(doc) and doc[end].lower_.rstrip(".") in PLAIN_HONORIFICS:
        return end
    if floor < end and doc[end - 1].lower_.rstrip(".") in PLAIN_HONORIFICS:
        return end - 1  # the NER's name is "Blair", after "Mr"
    i = end
    while i > floor:
        t = doc[i - 1]
        if t.ent_type_ == "PERSON" and t.i < end - 0 and i - 1 < end and t.ent_iob_ in ("B", "I") \
                and i < end:
            break
        ok = ((t.pos_ in DESCRIPTOR_POS or t.pos_ == "VERB" and t.dep_ == "amod")
              and t.ent_type_ not in ("DATE", "TIME", "CARDINAL")
              or t.lower_ in ("of", "-")
              or t.lower_ in ("for", "to") and i < end and doc[i].is_title
              and (t.lower_ == "for" or floor < i - 1 and doc[i - 2].lower_ in POSTED_TITLES)
              # "Secretary for Trade", "Envoy to Somalia"
              or t.lower_ == "and" and i < end and floor < i - 1 and doc[i].is_title
              and doc[i - 2].is_title and doc[i].lower_ in portfolio_words()  # "Trade and Industry"
              or t.text in ("’s", "'s") or t.tag_ == "HYPH")
        if t.pos_ == "PRON" and t.lower_ not in ("his", "her", "its", "their", "our", "my", "your"):
            ok = False
        if t.lower_ == "of" and i == end:
            break  # "the ouster of X", "the wife of X": X is what the noun is of, no title
        if t.lower_ == "of" and floor < i - 1 and doc[i - 2].pos_ == "NOUN" \
                and doc[i - 2].lower_ not in title_words() and doc[i - 2].lemma_.lower() not in title_words():
            break  # "the ouster of the party's X": what the act is of, not X's title
        if t.text == ")" and floor < i - 3 and doc[i - 3].text == "(" and doc[i - 2].is_upper:
            i -= 3  # "the African Union (AU) mediator": the acronym in brackets is the body's
            continue
        if not ok or t.is_space or t.text in (",", ";", "(", ")", "“", "”", '"'):
            break
        if t.pos_ == "NOUN" and t.lemma_.lower() in act_nouns():
            break  # "the army's detention of Prime Minister X": an act, not a title
        i -= 1
    while i < end and (doc[i].lower_ in ("of", "for", "-") or doc[i].text in ("’s", "'s")):
        i += 1
    return i


def _words(tokens: list[Token]) -> list[str]:
    """Lower-cased words of a phrase: possessive endings dropped, hyphenated parts rejoined
    ("Co-Chair" is one word, as the title lexicon writes it)."""
    words: list[str] = []
    glue = False
    for t in tokens:
        if t.text in ("’s", "'s"):
            continue
        if t.text == "-" and words and not t.whitespace_ and not t.nbor(-1).whitespace_:
            words[-1] += "-"
            glue = True
            continue
        if t.is_punct:
            glue = False
            continue
        if glue:
            words[-1] += t.lower_
            glue = False
        else:
            words.append(t.lower_)
    return words


# words that make an office the opposition's own ("shadow home secretary", "shadow chancellor"):
# in Westminster-style parliaments the opposition's spokesperson for a ministry, not a minister
SHADOW_WORDS = frozenset({"shadow"})
# the last word of a shadow office the title lexicon does not list ("shadow education
# secretary"): the phrase from "shadow" on is the office
SHADOW_OFFICES = frozenset({"secretary", "minister", "chancellor", "spokesman", "spokeswoman",
                            "spokesperson"})


def _shadowed(title: Title) -> Title:
    """The opposition's counterpart of an office: sector OPP, role "Shadow ..."."""
    role = title.role if title.role.lower().startswith("shadow") else f"Shadow {title.role}"
    return dataclasses.replace(title, sector="OPP", other_sectors=(), role=role)


def _title_in(words: list[str], lex: Lexicon) -> tuple[Title | None, int, int]:
    """The title of a phrase: the longest one ending at its head (the last word), else the
    longest anywhere: (title, start, end) in word indices. A plural of a person's title
    ("ministers") names a group; "shadow" before the title ("Tory shadow home secretary")
    makes it the opposition's office (``_shadowed``)."""
    title, start, end = _plain_title_in(words, lex)
    shadow = next((i for i, w in enumerate(words) if w in SHADOW_WORDS), None)
    if title is not None and shadow is not None and shadow < end:
        title = _shadowed(title)
    elif title is None and shadow is not None and len(words) > shadow + 1 \
            and words[-1] in SHADOW_OFFICES:
        office = " ".join(words[shadow + 1:])
        title = Title(title=office, sector="OPP", other_sectors=(), kind="person",
                      role="Shadow " + " ".join(w[:1].upper() + w[1:] for w in office.split()))
        start, end = shadow, len(words)
    return title, start, end


def _plain_title_in(words: list[str], lex: Lexicon) -> tuple[Title | None, int, int]:

    def look(phrase: str) -> Title | None:
        title = lex.titles.get(phrase)
        if title is None and phrase.endswith("s"):
            title = lex.titles.get(phrase[:-1])
            if title is not None and title.kind == "person":
                title = dataclasses.replace(title, kind="group")
        return title

    n = len(words)
    for i in range(n):
        title = look(" ".join(words[i:]))
        if title is not None:
            return (title, i, n)
    for size in range(min(6, n), 0, -1):
        for i in range(n - size + 1):
            title = look(" ".join(words[i:i + size]))
            if title is not None:
                return (title, i, i + size)
    return (None, 0, 0)


# "pro-Russia President X", "Iran-backed rebels": a state the phrase sides with, not its own
SIDING_PREFIXES = frozenset({"pro", "anti"})
SIDING_SUFFIXES = frozenset({"backed", "allied", "aligned", "leaning", "friendly", "sponsored",
                             "supported", "funded", "armed", "trained"})
HYPHENS = frozenset({"-", "\u2010", "\u2011", "\u2013"})
NAME_TOKENS = 6  # the longest state name read whole ("the Democratic Republic of the Congo")


def _sided(tokens: list[Token], start: int, end: int) -> bool:
    """Whether tokens[start:end] name a state the phrase sides with ("pro-Russia",
    "anti-American", "Iran-backed") rather than its own."""
    before = [t.lower_ for t in tokens[max(start - 2, 0):start]]
    after = [t.lower_ for t in tokens[end:end + 2]]
    return (len(before) == 2 and before[1] in HYPHENS and before[0] in SIDING_PREFIXES) or (
        len(after) == 2 and after[0] in HYPHENS and after[1] in SIDING_SUFFIXES)


def _country_in(tokens: list[Token], lex: Lexicon) -> str | None:
    """The country named by a modifier: demonym, possessive, or a country name; a capital
    ("Ankara's district administration") only when no country is named ("BAGHDAD US
    warplanes": the dateline's capital is not the warplanes' country)."""
    text_tokens = [t for t in tokens if t.text not in ("’s", "'s")]
    capital = None
    for i in range(len(text_tokens)):
        for size in range(min(NAME_TOKENS, len(text_tokens) - i), 0, -1):
            chunk = " ".join(t.text for t in text_tokens[i:i + size])
            if not chunk[:1].isupper() or _sided(text_tokens, i, i + size):
                continue
            code = lex.country_code(chunk)
            if code and not (i > 0 and text_tokens[i - 1].text in REGION_WORDS):
                return code  # "Latin American leaders" are no Americans
            capital = capital or lex.capitals.get(chunk.lower())
    return capital


def _of_country(token: Token, lex: Lexicon) -> tuple[str | None, int]:
    """Country of an "of France" post-modifier of ``token`` and the end index it reaches."""
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                obj = objs[0]
                span_tokens = list(obj.doc[obj.left_edge.i:obj.right_edge.i + 1])
                code = _country_in(span_tokens, lex)
                if code:
                    return code, obj.right_edge.i + 1
    return None, token.i + 1


def _cameo(country: str | None, sector: str | None, lex: Lexicon) -> str | None:
    if not country:
        return None
    base = lex.countries[country].cameo if country in lex.countries else country
    if sector in (None, "UNK"):
        return base
    return f"{base}{sector}" if len(base) == 3 else base


def _demonym_name(country: str | None, lex: Lexicon) -> str:
    if not country:
        return ""
    for dem, code in lex.demonyms.items():
        if code == country and not dem.endswith("s"):
            return dem.title() if dem.islower() else dem
    return lex.countries[country].name if country in lex.countries else country


def _appositive(root: Token) -> Token | None:
    """The head of the noun phrase set off after a name by a comma ("Ana Torres, Peru's trade
    minister, said": "minister"), or None."""
    for child in root.rights:
        if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN") and \
                any(t.text == "," for t in root.doc[root.i + 1:child.left_edge.i + 1]):
            return child
    return None


def _destination(token: Token, phrase: list[Token]) -> bool:
    """A word of ``phrase`` inside the object of its own "to" ("envoy to Yemen", "ambassador
    to Israel"): the place an office is sent to, not the country it serves."""
    inside = {t.i for t in phrase}
    for ancestor in (token, *token.ancestors):
        if ancestor.i not in inside:
            return False
        if ancestor.dep_ == "prep":
            return ancestor.lower_ == "to"
    return False
