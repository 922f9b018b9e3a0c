"""When, where, how sure and on whose word: modality, the event's time and place, and
the speaker of the quotation a trigger sits in."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..lexicon import MOVE_LEMMAS, Trigger, lexicon, place_nouns
from ..quotes.lexicon import speech_cues
from ..records import Place, Quote, Time
from ..times import event_date
from ..times.lexicon import time_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

from .triggers import _match
from .vocabulary import PLACE_PREPS

# --- modality, time, place, attribution ------------------------------------------------

ANNOUNCING = frozenset({"announce", "confirm", "unveil", "schedule"})
LATER_ACTS = frozenset({"CONSULT", "AID", "COOPERATE"})


DENIABLE = frozenset({"ASSAULT", "COERCE"})  # acts one is accused of, and denies: "denied the attack"
CLAUSE_LINKS = ("xcomp", "acl", "pcomp", "pobj", "dobj", "prep", "ccomp")


def _cue(word: str, where: str) -> str | None:
    return lexicon().modality_cues.get((word, where))


def _to_clause(node: Token) -> bool:
    """Whether ``node`` is an infinitive ("to visit")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)


def _chain(token: Token, topics: bool = True) -> list[Token]:
    """The trigger and the verbs or nouns it is the complement of, nearest first ("wants to
    meet", "readiness to contribute", "refused to sign"), at most three steps up; without
    ``topics``, not past a preposition that names what is spoken of ("they would talk about the
    offensive": the offensive is not what would be)."""
    chain = [token]
    clause = token
    for _ in range(3):
        if not topics and clause.dep_ == "pobj" and _cue(clause.head.lower_, "topic"):
            break
        if clause.dep_ in CLAUSE_LINKS and clause.head.i != clause.i:
            clause = clause.head
            chain.append(clause)
        else:
            break
    return chain


def _denier(token: Token) -> Token | None:
    """The verb that denies the claim a trigger's clause states: "X denied (that) it had
    attacked Y", "X denied attacking Y", "X rejected claims that it had attacked Y", "X
    dismissed as baseless reports that ...". None when the denial is itself denied ("did not
    deny that ...") or the clause is not a claim ("refused to attack" is a refusal)."""
    node = token
    for _ in range(4):  # a noun trigger: from "a pledge" up to "had made" in "denied that X had
        # made a pledge to ..."
        if node.pos_ in ("VERB", "AUX") or node.dep_ not in ("dobj", "pobj", "prep", "attr") \
                or node.head.i == node.i:
            break
        node = node.head
    if node.dep_ == "conj" and node.head.i != node.i and node.head.pos_ in ("VERB", "AUX"):
        node = node.head  # "denied that it had attacked and looted ..."
    if node.dep_ in ("ccomp", "acl") and not _to_clause(node) and node.head.pos_ in ("NOUN",) \
            and _cue(node.head.lemma_.lower(), "content"):
        node = node.head  # "claims that it had attacked": the claim is what is denied
        if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.head.i != node.head.i:
            node = node.head  # "dismissed as baseless reports that ..."
        if node.dep_ not in ("dobj", "prep"):
            return None
    elif node.dep_ == "ccomp" and not _to_clause(node):
        pass  # "denied that it had attacked"
    elif node.dep_ in ("xcomp", "ccomp", "pcomp", "dobj") and node.tag_ == "VBG":
        pass  # "denied attacking"
    else:
        return None
    verb = node.head
    if verb.i == node.i or _cue(verb.lemma_.lower(), "claim") != "negated":
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None  # "did not deny that ...": the claim stands
    return verb


def _denies_claim(token: Token) -> bool:
    """A denial of a claim, which is not coded itself: "denied that it had attacked" (its
    content is the negated event), "denied the reports", "a claim X denied", "denied the
    attack" (a claim or an act that X says is not so, unlike "denied the request")."""
    if _cue(token.lemma_.lower(), "claim") != "negated" or any(
            c.dep_ == "neg" for c in token.children):
        return False
    if token.dep_ == "relcl" and _cue(token.head.lemma_.lower(), "content"):
        return True  # "a claim X denied"
    for child in token.children:
        if child.dep_ == "dobj" and (_cue(child.lemma_.lower(), "content") or (
                child.pos_ == "NOUN" and (found := _match(child)) is not None
                and found.type in DENIABLE)):
            return True  # "denied the allegations", "denied the attack" (not "rejected the aid")
    return any((d := _denier(t)) is not None and d.i == token.i
               for t in token.subtree if t.i != token.i)


NESTED = frozenset({"ccomp", "xcomp", "advcl", "acl"})  # not relcl: "militants who ..." is no part
# of the claim


def _inside_denied(token: Token) -> bool:
    """Whether the trigger lies in a clause nested inside a denied claim ("denied that her faith
    meant she would refuse the post", "dismissed claims the government was warned its support
    would ..."): no one asserts it, and it is not the act denied."""
    node, nested = token, False
    for _ in range(6):
        if node.head.i == node.i:
            return False
        nested = nested or node.dep_ in NESTED
        node = node.head
        if nested and _denier(node) is not None:
            return True
    return False


# marks of an embedded question ("declined to say whether troops fired"): what the clause
# asks is as much an event as its governor reports one
EMBEDDED_QUESTION = frozenset({"whether", "if"})


# "many times", "several times": how often an act has happened so far
REPEAT_COUNTS = frozenset({"many", "several", "numerous", "multiple", "countless", "repeated"})


def _repeated_so_far(node: Token) -> bool:
    """"X has been detained several times": a perfect with a count of times states a record of
    acts, none in particular ("was breached several times" on a day stays an event)."""
    if not any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "'ve", "'s")
               for c in node.children):
        return False
    return any(c.dep_ == "npadvmod" and c.lower_ == "times" and any(
        m.lower_ in REPEAT_COUNTS for m in c.children) for c in node.children)


def _asks(clause: Token) -> bool:
    """A complement clause that is an embedded question ("say whether troops fired")."""
    return clause.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ in EMBEDDED_QUESTION
                                          for c in clause.children)


def _no_event(token: Token) -> bool:
    """Whether the trigger's clause states no event at all: a right or ability ("citizens have
    a right to demonstrate", "the council can impose sanctions"), a habit ("usually protests"),
    a report that was not made or is asked for ("did not immediately report the attack",
    "declined to confirm the strike", "a request for comment"), an act in general ("any
    attack"), one "without" which something was done, a clause nested in a denied claim, or
    a question."""
    chain = _chain(token)
    for position, node in enumerate(chain):
        if not _asks(node) and any(c.dep_ == "mark" and _cue(c.lower_, "mark") == "hypothetical"
                                   for c in node.children):
            return False  # "can impose sanctions if ...": a conditional act
        if any(c.dep_ in ("aux", "advmod") and _cue(c.lower_, "aux") == "none"
               for c in node.children) and not _conditional(node):
            return True
        lemma = node.lemma_.lower()
        if position > 0 and lemma == "able" and not (
                node.head.lemma_ == "be" and node.head.tag_ == "VBD"):
            return True  # "are still able to stage raids": an ability ("was able to": done)
        if _repeated_so_far(node):
            return True  # "has been detained several times": a record, not an event
        if position > 0 and (_cue(lemma, "governor") == "none" or (
                _cue(lemma, "report") == "none" and _unreported(node))):
            return True
        if node.dep_ == "ccomp" and not _to_clause(node) and not _asks(node):
            break  # "we can confirm that X received ...": the clause reported is stated
    if token.dep_ == "pcomp" and token.head.lower_ == "without":
        return True  # "kept prices high without killing off demand": not done
    if token.pos_ == "NOUN" and any(c.dep_ == "det" and _cue(c.lower_, "det") == "none"
                                    for c in token.children):
        return True  # "any attack": no attack in particular
    if token.pos_ == "NOUN" and any(
            c.dep_ == "prep" and c.lower_ == "for" and any(
                g.dep_ == "pobj" and _cue(g.lemma_.lower(), "report") == "none"
                for g in c.children) for c in token.children):
        return True  # "a request for comment"
    return _inside_denied(token) or _question(token)


def _conditional(node: Token) -> bool:
    """Whether ``node`` governs an "if" / "unless" clause."""
    return any(c.dep_ == "advcl" and any(g.dep_ == "mark" and _cue(g.lower_, "mark") ==
                                         "hypothetical" for g in c.children)
               for c in node.children)


def _unreported(verb: Token) -> bool:
    """A verb of reporting that was not used: negated ("did not report", "has not confirmed")
    or the complement of a refusal ("refused to speak about the strike")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and _cue(verb.head.lemma_.lower(), "governor") == "negated"


def _question(token: Token) -> bool:
    """A trigger in the main clause of a direct question ("Will X attack Y?")."""
    sent = token.sent
    last = next((t for t in reversed(sent) if not (t.is_punct and t.text != "?") and
                 not t.is_space), None)
    return last is not None and last.text == "?"


def _modality(token: Token, event_type: str | None = None) -> tuple[str, bool]:
    """asserted, intended, hypothetical or negated, from the trigger's clause and what governs it;
    and whether an intended act is merely future ("will visit", "is scheduled to attend"), as
    against intent expressed by its source ("wants to visit", "pledged to help").

    The chain climbs from the trigger to the verbs or nouns it is the complement of ("wants to
    meet", "readiness to contribute", "refused to sign"); a conjoined verb without its own
    auxiliaries shares its first conjunct's ("will meet and discuss") but not its governors.
    A claim that is denied is negated ("denied that it had attacked"); a threat made on a
    condition is still a threat, asserted ("threatened to strike if ...")."""
    lex = lexicon()
    cues = lex.modality_cues

    def by_cue(cue: str, where: str) -> tuple[str, bool]:
        return cues[(cue, where)], (cue, where) in lex.future_cues

    def modal(cue: str, where: str) -> bool:
        return cues.get((cue, where)) in ("intended", "negated", "hypothetical")

    if _denier(token) is not None:
        return "negated", False
    threat = event_type == "THREATEN"
    chain = _chain(token, topics=False)
    shared = token.head if token.dep_ == "conj" and not any(
        c.dep_ in ("aux", "nsubj", "neg") for c in token.children) else None
    # negation of the trigger, or of a verb it is the (non-finite) complement of
    finite = next((k + 1 for k, n in enumerate(chain) if n.dep_ == "ccomp" and not _to_clause(n)),
                  len(chain))
    for node in chain[:finite]:
        if any(c.dep_ == "neg" for c in node.children):
            return "negated", False
    if shared is not None and any(c.dep_ == "neg" for c in shared.children):
        return "negated", False
    if token.dep_ == "advcl" and _to_clause(token) and event_type != "PROTEST" and not (
            (found := _match(token)) is not None and found.type == "PROTEST"):
        # purpose: "... to hold talks" (but "marched to protest" protests); "will visit X to
        # hold talks" is as merely future as the visit
        head_modality, head_future = _modality(token.head) if token.head.i != token.i \
            else ("asserted", False)
        return "intended", head_modality == "intended" and head_future
    if _conditional(token) and not threat:
        return "hypothetical", False  # "will boycott the vote unless ...": a conditional act
    for position, node in enumerate(chain):
        for child in node.children:
            low = child.lower_
            if child.dep_ == "mark" and cues.get((low, "mark")) == "hypothetical" and not threat:
                return "hypothetical", False
            if child.dep_ in ("aux", "advmod", "amod") and modal(low, "aux"):
                if low == "would" and _own_word(node):
                    return "intended", False  # "X said it would send aid": X's promise
                return by_cue(low, "aux")
        if position > 0:
            if chain[position - 1].dep_ == "xcomp" and any(
                    c.dep_ == "advmod" and cues.get((c.lower_, "pending")) == "negated"
                    for c in node.children):
                return "negated", False  # "has yet to sign", "is yet to respond"
            if modal(node.lemma_.lower(), "governor"):
                return by_cue(node.lemma_.lower(), "governor")
            for part in node.children:  # a phrasal governor: "looks forward to meeting"
                phrase = f"{node.lemma_.lower()} {part.lower_}"
                if part.dep_ in ("advmod", "prt") and modal(phrase, "governor"):
                    return by_cue(phrase, "governor")
            if node.lemma_.lower() in ANNOUNCING and event_type in LATER_ACTS:
                return "intended", True  # "announced the dispatch of a delegation": it is to come
        if node.dep_ == "ccomp" and not _to_clause(node):
            break  # "X said that Y will ...": the saying does not make Y's act intended
    if shared is not None:
        for child in shared.children:
            if child.dep_ in ("aux", "advmod") and modal(child.lower_, "aux"):
                return by_cue(child.lower_, "aux")
    if threat:
        return "asserted", False
    # the trigger inside an "if" / "unless" clause
    for anc in token.ancestors:
        for child in anc.children:
            if child.dep_ == "advcl" and any(g.dep_ == "mark" and cues.get((g.lower_, "mark"))
                                              for g in child.children) and token in child.subtree:
                return "hypothetical", False
    return "asserted", False


SELF_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i"})


def _own_word(clause: Token) -> bool:
    """Whether a clause is what its speaker says it will do itself: the complement of a
    reporting verb whose subject the clause's subject refers back to ("Japan said it would
    send aid", "saying it would deliver flour"), not what the speaker says of another
    ("officials said the army would attack")."""
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in speech_cues().verbs:
        return False
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lower_ in SELF_PRONOUNS


def _attached(token: Token, anchor: Token, max_hops: int = 5) -> bool:
    """Whether ``token`` hangs off ``anchor`` without passing through another verb."""
    current = token
    for _ in range(max_hops):
        if current.i == anchor.i:
            return True
        if current.head.i == current.i:
            return False
        if current.dep_ == "prep" and current.lower_ == "with" and any(
                c.dep_ in ("dobj", "oprd") for c in current.head.children):
            return False  # "called X ... with Y in Paris": Y's place, not the call's
        current = current.head
        if current.i == anchor.i:
            return True
        if current.pos_ == "VERB":
            return False
    return current.i == anchor.i


class When(NamedTuple):
    """An event's date (a TIMEX3 value at the text's precision), the words it was read from,
    and where they stand (one of ``DATE_SOURCES``); all None when the text does not tell."""

    date: str | None = None
    text: str | None = None
    source: str | None = None


CLAUSE, SENTENCE, STORY = "clause", "sentence", "story"
PRESENT_TAGS = frozenset({"VBZ", "VBP"})  # "plans", "urge": a state at the time of speaking
PAST_TAGS = frozenset({"VBD", "VBN"})
DATE_SOURCES = (CLAUSE, SENTENCE, STORY)  # the time expression hangs off the trigger's clause,
# or is the one date of its sentence, or is the day of the story's lead (``dating.py``)


def _event_time(token: Token, times: tuple[Time, ...], doc: Doc) -> When:
    """The date of the trigger's event: a time expression of its own clause (attached to the
    trigger, to the verb a noun trigger is the object of, or to the participle that dates a
    noun trigger: "a deal reached in August"), else of the clause it shares its time with
    ("met on Monday, agreeing to ...", "marched on Friday as police fired ...", "in 2017,
    when X expelled ...", "are expected today to sign ..."), else the sentence's one adverbial
    date; never a time that bounds the act ("since 2012") or names another thing ("condemned
    the Sept. 13 attack")."""
    dated = _dated(token, times, doc)
    # a relative clause may hang on a time that bounds another act ("shells fired since dawn,
    # when Kenya called for a truce": the call is at dawn)
    held_on = _dated(token, times, doc, bounded=True)
    node: Token | None = token
    for _ in range(4):
        if node is None:
            break
        for t, root in dated:
            if root.dep_ == "nsubj" or _names_a_thing(root, token) or _dates_what_is_asked(root, token):
                continue
            if any(_attached(root, anchor) for anchor in _anchors(node)):
                return When(event_date(t.value), t.text, CLAUSE)
        held = _clause_of_time(node, held_on)
        if held is not None:
            return When(event_date(held.value), held.text, CLAUSE)
        node = _time_governor(node)
    return _past_in_complement(token, dated) or _sentence_time(token, dated)


# words that put a time before the report: what is done then is no content still to come
PAST_MARKS = frozenset({"earlier", "last", "ago", "yesterday", "previously"})


def _past_in_complement(token: Token, dated: list[tuple[Time, Token]]) -> When | None:
    """A past time the parser hung on the infinitive a past act governs ("agreed to restore
    flights earlier this month"): the agreement's time, not its content's (which is still to
    come: "agreed to meet next week" keeps "next week" for the meeting)."""
    if token.tag_ != "VBD":
        return None
    content = {t.i for c in token.children if c.dep_ == "xcomp" for t in c.subtree}
    for t, root in dated:
        if root.i in content and set(t.text.lower().split()) & PAST_MARKS:
            return When(event_date(t.value), t.text, CLAUSE)
    return None


def _dated(token: Token, times: tuple[Time, ...], doc: Doc,
           bounded: bool = False) -> list[tuple[Time, Token]]:
    """The sentence's time expressions that can date an event, with their parse roots: those
    naming a day, a week, a month or a year, and (unless ``bounded``) not after a bounding
    preposition."""
    sent, bound = token.sent, time_words().bound
    out = []
    for t in times:
        if not (sent.start_char <= t.start < sent.end_char) or event_date(t.value) is None:
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        if not bounded and _bounded(span.root, token, bound):
            continue  # "his first visit since 2012", "between 1997 and 2005"
        out.append((t, span.root))
    return out


def _bounded(root: Token, token: Token, bound: dict[str, str]) -> bool:
    """Whether a bounding preposition stands between a time and the clause it hangs on
    ("since 2012", "between 1997 and 2005", "since the offensive began in May"), the trigger
    aside ("after the 11 September attacks" dates the attacks)."""
    node = root
    for _ in range(6):
        if node.i == token.i or node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return False
        if node.dep_ in ("prep", "pobj") and node.lower_ in bound:
            return not any(c.dep_ == "pobj" and c.lower_ in time_words().instant
                           for c in node.children)  # "before midnight on Sunday": Sunday
        node = node.head
    return False


def _anchors(node: Token) -> list[Token]:
    """The tokens a time hangs on when it dates ``node``: itself, the verb a noun trigger is
    the object of, and a participle that dates a noun ("a deal reached in August")."""
    out = [node]
    if node.pos_ in ("NOUN", "PROPN"):
        if node.head.pos_ == "VERB" and node.head.i != node.i:
            out.append(node.head)
        out += [c for c in node.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    return out


def _clause_of_time(node: Token, dated: list[tuple[Time, Token]]) -> Time | None:
    """The time a relative clause the trigger stands in hangs on ("in 2017, when X expelled
    ...", "on Monday, when troops fired ...")."""
    for anc in [node, *node.ancestors]:
        if anc.dep_ == "relcl":
            return next((t for t, root in dated if anc.head.i == root.i), None)
        if anc.dep_ in CLAUSE_DEPS:
            return None
    return None


def _time_governor(node: Token, places: bool = False) -> Token | None:
    """The clause whose time the trigger's clause shares, when it states none of its own: the
    verb a participle adjunct hangs on ("met on Monday, agreeing to resume talks"), a verb
    conjoined before it ("met on Monday and signed ..."), the clause of an "as" / "while" /
    "when" clause ("marched on Friday as police fired ..."), and the verb of schedule or of
    intent an act is the infinitive of ("are expected today to sign", "pledged on Monday to
    send"), or the report of a merely future act ("said on Monday it would send"); with
    ``places``, not that report: where it is said is not where it will be done."""
    head = node.head
    if head.i == node.i:
        return None
    if node.dep_ == "advcl" and node.tag_ in ("VBG", "VBN") and not _has_subject(node):
        return head
    if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and head.pos_ in ("VERB", "AUX"):
        return head
    if node.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in
                                     time_words().together for c in node.children):
        return head
    if node.dep_ == "xcomp" and _cue(head.lemma_.lower(), "governor") == "intended":
        return head
    if node.dep_ == "ccomp" and not places and any(
            c.dep_ == "aux" and _cue(c.lower_, "aux") == "intended" for c in node.children):
        return head
    if node.dep_ == "ccomp" and not places and node.tag_ in PRESENT_TAGS \
            and head.pos_ == "VERB" and head.tag_ in PAST_TAGS:
        # a present state or plan stated in a report holds when it is stated ("said on
        # Tuesday that it intends to reopen its embassy", "'We ask you to lay down arms,' he posted on
        # Sunday"); a past act in it has its own time ("said Monday troops had fired")
        return head
    if node.dep_ == "ccomp" and not places and node.lemma_ == "be" and head.pos_ == "VERB" \
            and any(c.dep_ in ("acomp", "attr") for c in node.children):
        # a judgement stated in a report is made when it is stated ("said on Tuesday that
        # the decision was unjustified")
        return head
    if node.pos_ in ("NOUN", "PROPN") and node.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):
        if places and node.dep_ == "pobj" and head.lower_ in time_words().bound:
            return None  # "warned against visiting X after a trip by Y": the trip was elsewhere
        verb = head.head if node.dep_ == "pobj" else head
        return verb if verb.pos_ in ("VERB", "AUX") and verb.i != node.i else None
    return None


def _has_subject(node: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in node.children)


ASKING_LEMMAS = frozenset({"call", "demand", "urge", "ask", "seek", "propose", "request",
                          "suggest", "push", "press"})


def _dates_what_is_asked(root: Token, token: Token) -> bool:
    """A time on the act an appeal or proposal asks for ("called for a cabinet meeting on
    Friday", "proposed talks next week"): the meeting's time, not the call's."""
    if token.lemma_.lower() not in ASKING_LEMMAS or root.dep_ != "pobj" or root.head.dep_ != "prep":
        return False
    asked = root.head.head
    if asked.i == token.i or asked.pos_ != "NOUN" or asked.lemma_.lower() not in lexicon().nouns:
        return False
    return asked.head.i == token.i or (asked.dep_ == "pobj" and asked.head.head.i == token.i)


def _names_a_thing(root: Token, token: Token) -> bool:
    """A time that modifies another noun than the trigger ("the 11 September attacks")."""
    return root.dep_ in ("compound", "amod", "nmod", "poss", "nummod") and root.head.i != token.i \
        and root.head.pos_ in ("NOUN", "PROPN")


CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "csubj", "xcomp", "pcomp"})


def _own_clause(node: Token, token: Token) -> bool:
    """Whether ``node`` lies outside every relative, adjectival or adverbial clause that does
    not also hold the trigger ("X, who took office in 2018, met Y": 2018 is not the meeting's);
    a participle that qualifies a noun ("the roads leading to the port on Sunday") is no
    clause of its own."""
    for anc in [node, *node.ancestors]:
        if anc.dep_ in CLAUSE_DEPS and token not in anc.subtree and not (
                anc.dep_ == "acl" and anc.tag_ == "VBG"):
            return False
    # nor the trigger inside a clause the time is not in ("sources said on Saturday that
    # militants burnt houses": Saturday dates the saying)
    return not any(anc.dep_ in CLAUSE_DEPS and node not in anc.subtree
                   for anc in [token, *token.ancestors])


def _adverbial(root: Token) -> bool:
    """A time that dates a clause ("on Sunday", "Monday", "last week"), not one that names a
    thing ("the Sept. 13 attack", "the 11 September attacks"); "on" a day hung on a noun that
    names no act is the parser's slip ("closed the roads north of the city on Sunday")."""
    if root.dep_ in ("npadvmod", "tmod", "advmod"):
        return True
    if root.dep_ != "pobj" or root.head.dep_ != "prep":
        return False
    holder = root.head.head
    if holder.pos_ in ("VERB", "AUX"):
        return True
    return root.head.lower_ == "on" and root.ent_type_ == "DATE" and holder.pos_ == "NOUN" \
        and _match(holder) is None


def _sentence_time(token: Token, dated: list[tuple[Time, Token]]) -> When:
    """The sentence's one adverbial date, when the parse did not attach it to the trigger
    ("On Sunday, a missile fired by rebels hit ...")."""
    found = [t for t, root in dated if _adverbial(root) and (
        _own_clause(root, token) or _fronted(root, token))]
    if len({event_date(t.value) for t in found}) == 1:
        return When(event_date(found[0].value), found[0].text, SENTENCE)
    return When()


def _fronted(root: Token, token: Token) -> bool:
    """Whether a time opens the sentence, set off by a comma ("On March 2, gunmen ...
    killed two farmers"), and so frames the participial and adjectival clauses the
    parser hangs the act in (not a reported, relative or adverbial clause, whose time may be
    another)."""
    sent = root.sent
    edge = min(t.i for t in root.head.subtree) if root.dep_ == "pobj" else root.left_edge.i
    after = root.right_edge.i + 1
    if edge != sent.start or after >= sent.end or root.doc[after].text != ",":
        return False
    return not any(anc.dep_ in CLAUSE_DEPS - {"acl", "xcomp"} and not (
        anc.dep_ == "ccomp" and anc.head.lemma_.lower() not in speech_cues().verbs)
        for anc in [token, *token.ancestors])


FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})  # "an attack on X": X is where; "sanctions on X"
# name a target, not a place


def _place_root(root: Token) -> Token:
    """The token a toponym stands for in its clause: the place noun it names ("the capital
    Nairobi", "the city of Mombasa", "the southern province of X"), else itself."""
    for _ in range(2):
        if root.dep_ in ("appos", "compound") and _place_noun(root.head):
            root = root.head
        elif root.dep_ == "pobj" and root.head.lower_ == "of" and _place_noun(root.head.head):
            root = root.head.head
    return root


def _place_noun(token: Token) -> bool:
    return token.lower_ in place_nouns() or token.lemma_.lower() in place_nouns()


def _event_place(token: Token, places: tuple[Place, ...], doc: Doc,
                 event_type: str | None = None) -> Place | None:
    """The place of the trigger's event: a toponym of its own clause, else of the clause it
    shares its time and place with ("met in Athens, stressing ..."), else the sentence's one
    locative toponym."""
    node: Token | None = token
    for _ in range(4):
        if node is None:
            break
        found = _clause_place(node, token, places, doc, event_type)
        if found is not None:
            return found
        node = _time_governor(node, places=True)
    return _sentence_place(token, places, doc, event_type)


FINEST = ("city", "other", "admin", "region", "country")  # of two toponyms of one clause the first
# of these features is the event's place ("in Kenya's capital of Nairobi": Nairobi)


def _clause_place(node: Token, token: Token, places: tuple[Place, ...], doc: Doc,
                  event_type: str | None) -> Place | None:
    """The finest toponym that puts ``node``'s clause somewhere."""
    found = [p for p in places if _places_clause(p, node, token, doc, event_type)]
    found += _capitals(node, token, places)
    if not found:  # "Lagos police fired ...": local forces act where they are
        found = [p for p in places if p.feature in ("city", "admin") and _names_the_doer(p, node, doc)]
    return min(found, key=lambda p: FINEST.index(p.feature) if p.feature in FINEST
               else len(FINEST)) if found else None


def _capitals(node: Token, token: Token, places: tuple[Place, ...]) -> list[Place]:
    """A state's capital named by the state ("fired rockets at the Kenyan capital",
    "in Haiti's capital"), when the article names that city elsewhere."""
    lex = lexicon()
    out = []
    for word in token.sent:
        if word.lemma_.lower() != "capital" or word.dep_ != "pobj" or \
                not _attached(word, node, 6):
            continue
        if word.head.lower_ not in PLACE_PREPS or word.head.lower_ == "to" and \
                token.lemma_.lower() not in MOVE_LEMMAS:
            continue
        states = {code for c in word.children if c.dep_ in ("poss", "amod", "compound")
                  and (code := lex.country_code(c.text))}
        out += [p for p in places if p.country in states and p.feature == "city"
                and lex.capitals.get(" ".join(p.name.lower().split())) == p.country]
    return out


def _names_the_doer(p: Place, node: Token, doc: Doc) -> bool:
    """Whether a town or province names the subject of ``node`` ("Lagos police", "the Kabul
    municipality")."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or not (node.sent.start_char <= p.start < node.sent.end_char):
        return False
    root = span.root
    return root.dep_ == "compound" and root.head.dep_ in ("nsubj", "nsubjpass") \
        and root.head.head.i == node.i


def _places_clause(p: Place, node: Token, token: Token, doc: Doc, event_type: str | None) -> bool:
    """Whether toponym ``p`` says where ``node``'s clause happens: the goal of a movement
    ("visited X"), the name on its object ("attend the X summit"), a locative phrase."""
    sent = token.sent
    movement = token.lemma_.lower() in MOVE_LEMMAS
    if not (sent.start_char <= p.start < sent.end_char):
        return False
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return False
    root = _place_root(span.root)
    if node.dep_ == "relcl" and root.i == node.head.i and any(
            c.lower_ == "where" for c in node.children):
        return True  # "in Lugansk, where authorities released six people"
    possessor = root.dep_ == "poss"
    if possessor:
        root = root.head
    prep = root.head
    if root.dep_ == "dobj" and root.head.i == node.i and (
            movement or (possessor and p.feature in ("city", "admin"))):
        return True  # "visited X"; "blocked Kisumu's main avenue"
    if root.dep_ == "compound" and root.head.dep_ == "dobj" and root.head.head.i == node.i \
            and (movement or p.feature in ("city", "admin")):
        return True  # "attend the Beijing summit", "searched the Lagos offices"
    if root.dep_ in ("advmod", "npadvmod") and _place_noun(root):
        return _attached(root, node, 6)  # "20 km north of X"
    return prep.dep_ == "prep" and _locative(prep, p, token, event_type) \
        and _attached(root, node, 6)


def _locative(prep: Token, place: Place, token: Token, event_type: str | None) -> bool:
    """Whether a preposition puts the event at the toponym it governs: "in", "near", "at"...;
    "to" only for a movement ("flew to X", not "sent aid to X"); "on" a country only for
    force ("an attack on X", not "sanctions on X")."""
    word = prep.lower_
    if word not in PLACE_PREPS:
        return False
    if word == "to":
        return token.lemma_.lower() in MOVE_LEMMAS or token.pos_ != "VERB"
    return not (word == "on" and place.feature == "country" and event_type not in FORCE_TYPES)


def _sentence_place(token: Token, places: tuple[Place, ...], doc: Doc,
                    event_type: str | None = None) -> Place | None:
    """The sentence's one locative toponym ("in Juliaca", "near the border town of X") in
    the trigger's own clause, when the parse hung it elsewhere."""
    sent = token.sent
    found: dict[tuple[str, str | None], Place] = {}
    for p in places:
        if not (sent.start_char <= p.start < sent.end_char) or p.feature == "region":
            continue
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None:
            continue
        root = _place_root(span.root)
        while root.dep_ in ("compound", "appos", "conj") and root.head.i != root.i:
            root = root.head
        if root.dep_ == "pobj" and _locative(root.head, p, token, event_type) \
                and _own_clause(root, token):
            found.setdefault((p.name, p.country), p)
    return next(iter(found.values())) if len(found) == 1 else None


def _event_places(token: Token, trig: Trigger, places: tuple[Place, ...],
                  doc: Doc) -> list[Place | None]:
    """The place of the event; a visit to several places ("Baku, then Yerevan") gives each."""
    first = _event_place(token, places, doc, trig.type)
    if first is None or trig.mode != "visit":
        return [first]
    out: list[Place | None] = [first]
    span = doc.char_span(first.start, first.end, alignment_mode="expand")
    if span is None:
        return out
    for other in span.root.children:
        if other.dep_ in ("conj", "appos"):
            for p in places:
                if p.start <= other.idx < p.end and p not in out:
                    out.append(p)
    return out


def _sole_place(token: Token, places: tuple[Place, ...]) -> Place | None:
    """The only toponym of the trigger's sentence ("after she had talks on Friday with X in
    Oslo", where the parser hung "in Paris" elsewhere); None when there are several."""
    sent = token.sent
    inside = {(p.name, p.country): p for p in places
              if sent.start_char <= p.start < sent.end_char and p.feature != "region"}
    return next(iter(inside.values())) if len(inside) == 1 else None


def _speaker_at(offset: int, quotes: tuple[Quote, ...]) -> str | None:
    """The speaker of the innermost quotation around ``offset``: the nearest reporter ("X said
    Y had attacked, a claim Z denied": Y's attack is on X's word)."""
    holding = [q for q in quotes if q.start <= offset < q.end and q.speaker]
    return min(holding, key=lambda q: q.end - q.start).speaker if holding else None
