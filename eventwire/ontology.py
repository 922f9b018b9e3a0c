"""PLOVER event types, modes, contexts and sectors, and CAMEO codes, as enums and tables.

Codes are facts of the PLOVER codebook (Open Event Data Alliance) and the CAMEO manual;
the short glosses are ours.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "APPEAL_SUBCODE",
    "CAMEO_ROOT_TYPE",
    "DE_ESCALATION_CAMEO",
    "PROMISE_CAMEO",
    "EventType",
    "MODES",
    "Modality",
    "NONSTATE_CODES",
    "QUAD_CLASS",
    "SECTORS",
    "STATE_SECTORS",
    "CONTEXTS",
    "cameo_coded",
    "cameo_root",
    "plover_coded_type",
]


class EventType(StrEnum):
    """The 16 PLOVER event types."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class Modality(StrEnum):
    """Whether the text asserts, announces, supposes or denies the event."""

    ASSERTED = "asserted"
    INTENDED = "intended"
    HYPOTHETICAL = "hypothetical"
    NEGATED = "negated"


# PLOVER quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
# 4 material conflict (SANCTION follows the summary table).
QUAD_CLASS: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}

MODES: dict[str, frozenset[str]] = {
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "RETREAT": frozenset({"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "THREATEN": frozenset({"restrict", "arrest", "relations", "expel", "territory", "violence"}),
    "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset({"seize", "restrict", "censor", "curfew", "martial-law", "arrest",
                         "deport", "withhold", "misinformation", "cyber"}),
    "ASSAULT": frozenset({"abduct", "beat", "torture", "sexual", "targeted", "destroy",
                          "primitive", "firearms", "explosives", "suicide-attack", "aerial",
                          "drone", "heavy-weapons", "crowd-control", "unconventional"}),
}

CONTEXTS: frozenset[str] = frozenset({
    "military", "intelligence", "executive", "legislative", "election",
    "political_institutions", "pro_democracy", "pro_autocracy", "economic", "legal",
    "reparations", "human_rights", "rights_freedoms", "repression", "human_security",
    "gender", "lgbt", "religion_ethnicity", "inequality", "diplomatic", "territory",
    "peacekeeping", "health", "asylum", "migration", "disasters", "natural_resource",
    "environment", "technology", "terrorism", "cbrn", "cyber", "misinformation", "crime",
    "corruption", "illegal_drugs", "trafficking",
})

SECTORS: frozenset[str] = frozenset({
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
    "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
})

# the sectors of a state's own offices, forces and courts
STATE_SECTORS: frozenset[str] = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})

NONSTATE_CODES: frozenset[str] = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})

# CAMEO two-digit root -> PLOVER type (the usual crosswalk; 01/02 statements map by content).
CAMEO_ROOT_TYPE: dict[str, str] = {
    "01": "SUPPORT", "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT",
    "06": "COOPERATE", "07": "AID", "08": "CONCEDE", "09": "ACCUSE", "10": "REQUEST",
    "11": "ACCUSE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE",
    "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}


def cameo_root(code: str | None) -> str | None:
    """The two-digit CAMEO root of an event code ("1056" -> "10")."""
    if not code:
        return None
    return code[:2]


COOPERATIVE_ACTS = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
CONCESSIVE_ACTS = frozenset({"RETREAT", "CONCEDE"})
COERCIVE_ACTS = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"})


def plover_coded_type(event_type: str, modality: str) -> str:
    """The type a PLOVER coder records for an event of ``event_type`` with this modality.

    eventwire keeps the act and its modality apart ("will visit" is CONSULT, intended); the
    PLOVER codebook folds the modality into the type: announced cooperation is AGREE,
    announced retreats and concessions are AGREE (CAMEO 035), announced or conditional coercion is
    THREATEN, and cooperation said not to happen is REJECT.
    """
    if modality in ("intended", "hypothetical"):
        if event_type in COOPERATIVE_ACTS:
            return "AGREE"
        if event_type in CONCESSIVE_ACTS:
            return "AGREE"  # CAMEO 035 "express intent to yield" sits in the AGREE root
        if event_type in COERCIVE_ACTS:
            return "THREATEN"
    if modality == "negated" and event_type in COOPERATIVE_ACTS | CONCESSIVE_ACTS | {"AGREE"}:
        return "REJECT"
    return event_type


# CAMEO codes for the intention or refusal of an act, by PLOVER type of the act
INTENT_CAMEO = {"CONSULT": "036", "AID": "033", "COOPERATE": "031", "SUPPORT": "030",
                "RETREAT": "035", "CONCEDE": "035"}
THREAT_CAMEO = {"ASSAULT": "138", "COERCE": "137", "SANCTION": "1312", "MOBILIZE": "138",
                "PROTEST": "1313"}
# a promise of an act ("pledged to send aid"), coded by what is promised: the intent codes,
# except that promised support is diplomatic cooperation (032), not intent in general (030)
PROMISE_CAMEO = {**INTENT_CAMEO, "SUPPORT": "032"}
# what an appeal (02x) or demand (10x) asks for -> (the subcode's third digit, REQUEST mode)
APPEAL_SUBCODE: dict[str, tuple[str, str | None]] = {
    "RETREAT": ("5", "yield"), "CONCEDE": ("5", "yield"), "AID": ("3", "assist"),
    "CONSULT": ("6", "meet"), "COOPERATE": ("1", "assist"), "SUPPORT": ("2", None)}
DE_ESCALATION_CAMEO = ("087",)  # ceasefires, withdrawals of forces, lifted blockades
REFUSAL_CAMEO = {"CONSULT": "125", "AID": "122", "COOPERATE": "121", "SUPPORT": "120",
                 "AGREE": "120", "RETREAT": "124", "CONCEDE": "124"}


def cameo_coded(event_type: str, modality: str, cameo: str | None, *,
                future: bool = False) -> str | None:
    """The CAMEO code a CAMEO coder records, folding the modality in as ``plover_coded_type``
    does: "wants to visit" is 036 (intent to meet), "would not provide aid" 122 (refuse aid),
    "will attack" 138 (threaten force). A cooperative act that is merely future ("will visit",
    "is scheduled to attend": ``future``) keeps its own code, as CAMEO coders record it."""
    if modality in ("intended", "hypothetical"):
        if future and modality == "intended" and event_type in COOPERATIVE_ACTS:
            return cameo
        return INTENT_CAMEO.get(event_type) or THREAT_CAMEO.get(event_type) or cameo
    if modality == "negated":
        return REFUSAL_CAMEO.get(event_type, cameo)
    return cameo
