"""Word lists that several detection stages read: locative words, place and admin nouns,
calendar words, words of organisations' names, edge punctuation."""

from __future__ import annotations

PLACE_LABELS = {"GPE", "LOC", "FAC"}
LOCATIVE = {"in", "at", "near", "from", "to", "outside", "around", "of", "between", "towards", "toward",
            "into", "across", "through", "within", "inside", "and", "en", "à", "de", "du", "via", "on",
            "nearby", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
            "central", "village", "town", "city", "region", "province", "commune", "district", "state",
            "fled", "reached", "attacked", "raided", "entered", "left", "stormed", "captured", "seized", "hit",
            "struck", "shelled", "besieged", "overran", "visited", "leaving", "entering", "attacking",
            "reaching", "reaches"}
SPEECH = {"said", "says", "told", "added", "stated", "explained", "wrote", "tweeted", "announced", "argued",
          "believes", "thinks", "claimed"}
ADMIN_NOUNS = {"region", "province", "state", "district", "county", "department", "governorate", "cercle",
               "commune", "prefecture", "municipality", "oblast", "territory", "lga"}
PLACE_NOUNS = {"town", "village", "city", "commune", "locality", "district", "region", "province", "hamlet",
               "settlement", "camp", "municipality", "capital", "slum", "township", "suburb",
               "neighbourhood", "neighborhood", "port"}
#: the possessive inside a place's own name ("Cox's Bazar", "King's Lynn", "St John's")
POSSESSIVES = {"'s", "’s"}
CONNECTORS = {"-", "de", "el", "da", "do", "dos", "das", "di", "del", "des", "du", "la", "le", "al", "ag", "ould"}
GENERIC_WORDS = {"western", "eastern", "northern", "southern", "central", "west", "east", "north", "south",
                 "arab", "islamic", "muslim", "christian", "jewish", "catholic", "sunni", "shia", "shiite"}
GEO_WORDS = {"forest", "park", "river", "lake", "mountain", "mountains", "valley", "state", "city", "county",
             "province", "region", "district", "island", "islands", "coast", "gulf", "bay", "desert", "national",
             "central", "north", "south", "east", "west", "new", "great", "united", "republic", "street", "road",
             "airport", "camp", "base", "market", "bridge", "hospital", "university", "school", "church", "mosque",
             "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
#: Calendar words: never a place when a text uses them as dates ("on Thursday", "in March",
#: "May 3"); a town called March or May needs a place noun before it ("the town of March").
DATE_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
              "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
              "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}
EDGE_PUNCT = "-–—(),.;:'\"“”‘’[]"
AFTER_NOUNS = ADMIN_NOUNS | {"neighbourhood", "neighborhood", "quarter", "area", "suburb", "village", "town",
                             "city", "axis", "road", "border", "camp", "base", "airport", "market", "outskirts",
                             # plurals and the people of a place: "the Dadaab camps", "Esperance residents"
                             "camps", "bases", "markets", "villages", "towns", "areas", "districts", "residents",
                             "villagers", "inhabitants", "resident", "villager", "native", "natives", "woman", "man",
                             "farm", "farms"}
ORG_WORDS = {"police", "department", "service", "council", "ministry", "office", "agency", "committee",
             "commission", "university", "authority", "board", "court", "government", "army", "pd", "times",
             "post", "institute", "hospital", "school", "company", "bank", "club", "party", "group"}
