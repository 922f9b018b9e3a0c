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
# a part of a group that stands for its members: "some of the protesters", "dozens of villagers"
QUANTIFIERS = frozenset({"some", "many", "several", "most", "all", "few", "both", "each", "one",
                         "dozens", "hundreds", "thousands", "scores", "tens", "millions"})
# a word inside a name is no trigger: "March 13", a person called Rally, "the Court of Appeal"
NOT_TRIGGER_ENTS = frozenset({"DATE", "TIME", "PERSON", "GPE", "ORG", "FAC", "CARDINAL", "ORDINAL",
                              "MONEY", "PERCENT", "QUANTITY", "WORK_OF_ART", "LAW"})
# Acts with parties rather than a doer and a done-to (besides talks, signings, cooperation):
# "troops from both sides clashed", "X and Y exchanged fire", "fighting between X and Y".
RECIPROCAL_LEMMAS = frozenset({"clash", "skirmish", "firefight", "exchange", "fight", "fighting",
                               "battle", "gunfight", "gunbattle"})
# Natural and accidental harm: "forest fires killed 90 people", "hit by Tropical Storm X" is no
# one's act.
HAZARDS = frozenset({"storm", "hurricane", "cyclone", "typhoon", "earthquake", "quake", "flood",
                     "floods", "flooding", "fire", "fires", "wildfire", "wildfires", "blaze",
                     "heatwave", "drought", "landslide", "landslides", "mudslide", "avalanche",
                     "tsunami", "disease", "virus", "outbreak", "epidemic", "pandemic", "crash",
                     "accident", "collapse", "lightning", "eruption", "volcano", "depression"})
# Words of sport: a report with several of them ("match", "cup", "wickets") is no political
# news, and its "beat", "defeated", "took on" and "clash" are games.
SPORTS_WORDS = frozenset({"match", "matches", "friendly", "tournament", "championship", "cup",
                          "league", "goal", "goals", "innings", "wicket", "wickets", "bowler",
                          "bowlers", "batsman", "striker", "midfielder", "coach", "stadium",
                          "fixture", "semi-final", "semifinal", "final", "quarter-final", "season",
                          "red card", "penalty", "olympics", "medal", "scored", "victory", "bye",
                          "rugby", "football", "soccer", "cricket", "tennis", "squad", "captain",
                          "halftime", "half-time", "minute", "tri-nations", "world cup", "test"})
SPORTS_ARTICLE_WORDS = 3  # distinct sports words that make a report a sports report
# Uses of force whose aim a purpose clause may name ("to disperse the protesters").
FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN", "SANCTION"})
REACTION_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT", "REQUEST", "THREATEN", "PROTEST"})
CONTENT_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE", "SUPPORT"})
MERGEABLE_EMPTY = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "CONSULT",
                             "AGREE", "AID", "COOPERATE", "ASSAULT", "COERCE", "SANCTION"})
# means of violence: "killed by a roadside bomb" has an unknown perpetrator, not none
WEAPONS = frozenset({"bomb", "mine", "landmine", "device", "ied", "missile", "rocket", "shell",
                     "mortar", "grenade", "gunfire", "gunman", "gunmen", "sniper", "airstrike",
                     "strike", "explosion", "blast", "drone", "shelling", "fire", "bullet",
                     "attacker", "assailant", "militant", "bomber", "explosive"})
# what force is used with: after "with" ("encircle the city with tanks", "struck with drones")
# an instrument, never a partner
FORCE_MEANS = frozenset({"tank", "vehicle", "aircraft", "warplane", "jet", "helicopter",
                         "gunship", "warship", "drone", "artillery", "truck", "bulldozer",
                         "weapon", "gun", "rifle", "missile", "rocket", "bomb", "teargas",
                         "baton", "bullet"})  # single words: the noun's lemma is compared
# reporters and the press (JRN; MED is health workers): they tell of acts; speaking to them is
# no meeting, nor are they whom an act aims at
PRESS_SECTORS = frozenset({"JRN"})
# armed groups that are no state's forces: rebels, armed opposition, militias, insurgents
ARMED_GROUP_SECTORS = frozenset({"REB", "UAF", "IMG", "INS"})
PLACE_PREPS = frozenset({"in", "at", "to", "into", "near", "on", "outside", "inside", "across"})


STATIVE_PARTICIPLES = frozenset({"oppose", "commit", "determine", "prepare", "dedicate",
                                 "resolve", "poise", "set", "engage", "involve"})

# Nouns whose "of" names an act already made, spoken of rather than told: "the
# implementation of the agreement", "the collapse of the truce", "frustration with X's support".
REFERENCE_HEADS = frozenset({"implementation", "terms", "text", "collapse", "anniversary",
                             "details", "framework", "failure", "aftermath", "wake", "legacy",
                             "breakdown", "expiry", "expiration", "extension", "architect"})
ATTITUDE_HEADS = frozenset({"frustration", "anger", "concern", "concerns", "outrage", "worry",
                            "fear", "fears", "displeasure", "unhappiness", "dissatisfaction",
                            "irritation", "resentment"})
# verbs whose "for" asks for an act ("shouted for the sacking of X"): it is not done
ASKING_FOR = frozenset({"call", "yell", "shout", "chant", "cry", "clamour", "clamor", "campaign",
                        "press", "push", "appeal", "ask", "plead", "agitate", "rally", "march",
                        "protest", "demonstrate", "lobby", "hope", "wait", "pray", "argue"})
# verbs that say a noun act stopped ("after a ceasefire ended")
ENDING = frozenset({"end", "expire", "collapse", "lapse", "fail", "break"})

# a report, claim or rumour that someone checks: what it says is not told (one that is
# denied is, negated: ``context._denier``)
HEARSAY = frozenset({"report", "reports", "claim", "claims", "allegation", "allegations",
                     "rumour", "rumours", "rumor", "rumors"})
CHECKING = frozenset({"investigate", "probe", "examine", "verify", "check", "question", "doubt",
                      "study", "review"})

# auxiliaries of what an act will or may bring about
PROSPECTS = frozenset({"will", "would", "could", "may", "might", "can", "should", "'ll"})


# nouns of fighting that also name an effort ("the battle to stop a referendum")
EFFORTS = frozenset({"battle", "fight", "war", "struggle", "campaign", "crusade"})
# what an effort is for when it is a cause, not ground to take ("a fight for the right to ...")
AIMS = frozenset({"right", "rights", "justice", "freedom", "independence", "recognition",
                  "equality", "democracy", "compensation", "citizenship", "survival", "dignity"})
# instruments that let acts be done: what they "would allow" is no act ("a treaty that would let
# both navies send ships")
INSTRUMENTS = frozenset({"pact", "agreement", "deal", "treaty", "accord", "law", "bill",
                         "resolution", "decision", "measure", "arrangement", "framework",
                         "legislation", "mandate", "plan", "decree", "rule", "rules"})
