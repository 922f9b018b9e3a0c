"""Closed word classes and type sets the event coder reads (grammar, not lexicon)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:

    pass


PARTNER_PREPS = frozenset({"with", "to", "on", "against", "at", "toward", "towards", "into",
                           "upon", "for", "from", "between"})
AGENT_PREPS = frozenset({"by"})
UNKNOWN_SOURCE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"})
PARTITIVES = frozenset({"part", "most", "all", "some", "much", "rest", "portion", "half", "bulk",
                        "tons", "ton", "tonnes", "tonne", "kilograms", "kg", "shipment",
                        "consignment", "batch", "million", "billion", "worth", "lot", "number",
                        "dollars", "euros", "pounds", "yen", "francs", "rubles",
                        "crates", "truckloads", "package", "packages"})
# a word inside a name is no trigger: "March 13", a person called Rally, "the Court of Appeal"
NOT_TRIGGER_ENTS = frozenset({"DATE", "TIME", "PERSON", "GPE", "ORG", "FAC", "CARDINAL", "ORDINAL",
                              "MONEY", "PERCENT", "QUANTITY", "WORK_OF_ART", "LAW"})
REACTION_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT", "REQUEST", "THREATEN", "PROTEST"})
CONTENT_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE", "SUPPORT"})
MERGEABLE_EMPTY = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "CONSULT",
                             "AGREE", "AID", "COOPERATE", "ASSAULT", "COERCE", "SANCTION"})
# means of violence: "killed by a roadside bomb" has an unknown perpetrator, not none
WEAPONS = frozenset({"bomb", "mine", "landmine", "device", "ied", "missile", "rocket", "shell",
                     "mortar", "grenade", "gunfire", "gunman", "gunmen", "sniper", "airstrike",
                     "strike", "explosion", "blast", "drone", "shelling", "fire", "bullet",
                     "attacker", "assailant", "militant", "bomber", "explosive"})
PLACE_PREPS = frozenset({"in", "at", "to", "into", "near", "on", "outside", "inside", "across"})


STATIVE_PARTICIPLES = frozenset({"oppose", "commit", "determine", "prepare", "dedicate",
                                 "resolve", "poise", "set", "engage", "involve"})
