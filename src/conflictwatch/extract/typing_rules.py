"""Codebook rules around the event-type model: sub-type precedence and off-topic vetoes.

``apply_rules`` applies the codebook's precedence where the wording settles it, and returns None
to leave the model's label alone (gating of negated or hypothetical cues is in typing_gating):

- protests: violent acts by the crowd make a Violent demonstration; lethal force against the
  crowd makes Excessive force; tear gas, dispersal, arrests make Protest with intervention;
- who acts on whom: an "attack" whose targets are all armed or state forces is an Armed clash;
  territory taken by state forces is Government regains territory, by others Non-state actor
  overtakes territory;
- weapons: a device found, seized, defused or intercepted with no harm done is Disrupted weapons
  use; otherwise the weapon names the Explosions/Remote violence sub-type (suicide bomb > chemical
  > grenade > air/drone > shelling > IED); "chemical" in an industrial accident is no event.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Span, Token

from conflictwatch.extract.typing_features import side_of, verb_args
from conflictwatch.extract.typing_gating import EVENT_CUES, Cues, cue_tokens, why_blocked
from conflictwatch.extract.typing_lexicon import Lexicon
from conflictwatch.taxonomy import EXPLOSIONS, PROTESTS, RIOTS, SUB_EVENT_TYPES

NO_EVENT = "NONE"
# rule notes that keep the model's certainty: the act is the one the model saw, only its sub-type is
# settled by the codebook (a weapon told outside the clause; a poisoning is no chemical warfare)
HANGS_ON = "the clause tells the weapon's event it hangs on"
POISONED = "a person was poisoned (not chemical warfare)"
KEEPS_CERTAINTY = (HANGS_ON, POISONED)
WEAPON_ORDER = (
    ("cues.suicide", "Suicide bomb"),
    ("cues.chemical", "Chemical weapon"),
    ("cues.grenade", "Grenade"),
    ("cues.air", "Air/drone strike"),
    ("cues.shelling", "Shelling/artillery/missile attack"),
    ("cues.ied", "Remote explosive/landmine/IED"),
)
DISTINCT_WEAPONS = frozenset({"Suicide bomb", "Chemical weapon", "Grenade", "Air/drone strike"})
# one-sided violence by fire from a distance is coded by the weapon; a battle with mortars stays a battle
REMOTE_ON_CIVILIANS = DISTINCT_WEAPONS | {"Shelling/artillery/missile attack"}
TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")
ABDUCTABLE = frozenset(
    {"Armed clash", "Attack", "Government regains territory", "Non-state actor overtakes territory",
     "Disrupted weapons use", "Change to group/activity"}
)
MOVES = frozenset({*TERRITORY, "Non-violent transfer of territory", "Change to group/activity"})
FIGHTING = ("cues.clash", "cues.kill", "cues.air", "cues.shelling", "cues.ied", "cues.suicide")


ATTACKERS = frozenset({"assailant", "attacker", "gunman", "gunmen", "raider", "bomber", "perpetrator"})


def _verb_sides(tok: Token, lex: Lexicon, skip_attackers: bool = False) -> tuple[set[str], set[str]]:
    """Sides of the actor(s) and target(s) of a cue word (its verb's arguments).

    ``skip_attackers``: "four of the assailants were killed" tells the response to an attack, so
    the attackers do not count among its targets."""
    sides = lex.side_map
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    subj, obj = verb_args(verb)
    if not subj and verb.dep_ == "conj":  # "attacked the district ... and took control of it"
        subj = verb_args(verb.head)[0]
    if tok.pos_ == "NOUN":  # "an attack on the base by militants"
        for c in tok.children:
            if c.dep_ == "prep":
                (subj if c.lower_ == "by" else obj).extend(g for g in c.children if g.dep_ == "pobj")
    actor = {s for s in (side_of(x, sides) for x in subj) if s}
    military = lex.words("places", "military")
    if skip_attackers:
        obj = [x for x in obj if not _names_attackers(x)]
    target = {s for s in (side_of(x, sides) for x in obj if x is not tok) if s}
    target |= {"state"} if any(x.lemma_.lower() in military for x in obj) else set()
    return actor, target


def _names_attackers(tok: Token) -> bool:
    """"the attackers", "four of the assailants"."""
    heads = [tok] + [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return any(h.lemma_.lower() in ATTACKERS or h.lower_ in ATTACKERS for h in heads)


def _standing(
    span: Span, cues: Cues, cat: str, lex: Lexicon, *, harm: bool = False, grievance_check: bool = True
) -> list[Token]:
    """Cue words of ``cat`` that describe this crowd event, not its cause.

    "protest against police violence" and "protests over the killing of a student" name the
    grievance; a harm word whose target is the police describes rioters, not force against them.
    """
    out = []
    for tok in cue_tokens(span, cues, (cat,)):
        if tok.dep_ == "compound":  # "riot police"
            continue
        doc = tok.doc
        if tok.i >= 1 and (doc[tok.i - 1].lower_ in ("non", "anti") or (
            tok.i >= 2 and doc[tok.i - 1].lower_ == "-" and doc[tok.i - 2].lower_ in ("non", "anti")
        )):
            continue  # "non-violent", "anti-riot police"
        if tok.pos_ == "NOUN" and any(  # "police violence": whose violence it was is the grievance
            c.dep_ in ("compound", "amod", "poss") and c.lemma_.lower() in lex.side_map for c in tok.children
        ):
            continue
        node, grievance = tok, False
        aims = lex.words("grievance", "verbs")
        for _ in range(3 if grievance_check else 0):
            if node.dep_ == "pobj" and node.head.lower_ in ("against", "over", "after", "for", "following"):
                grievance = True
                break
            if node.head is node:
                break
            node = node.head
            if node.lemma_.lower() in aims and _voiced_by_crowd(node, lex):
                grievance = True
                break
        if grievance or why_blocked(tok):
            continue
        if harm and not _with_crowd(tok, span, cues):
            continue
        if harm:
            actor, target = _verb_sides(tok, lex)
            if "state" in target or actor & {"protester", "armed"}:
                continue
        out.append(tok)
    return out


def _voiced_by_crowd(verb: Token, lex: Lexicon) -> bool:
    """Is this "denounce"/"demand" the protesters' own (not an outsider's reaction)?"""
    protest = lex.words("cues", "protest")
    if verb.lemma_.lower() in protest or verb.head.lemma_.lower() in protest:
        return True
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True  # "came out to decry ...": an aim of the action told, the crowd's own
    # "protesters took to the streets to decry ...": the subject may sit on the verb above
    return any(
        c.dep_ == "nsubj" and lex.side_map.get(c.lemma_.lower()) == "protester"
        for v in (verb, verb.head) for c in v.children
    )


def _with_crowd(tok: Token, span: Span, cues: Cues) -> bool:
    """Force counts against protesters only in a sentence that mentions the protest."""
    sent = tok.sent
    return any(sent.start <= a < sent.end for a, _ in cues.get("cues.protest", ()))


def _territory_taker(span: Span, cues: Cues, lex: Lexicon, decisive: bool = False) -> str | None:
    """Which side took a place ("state" / "armed" / "unknown"), if a place changed hands.

    ``decisive``: only verbs that say the place changed hands ("seized", "gained control of"),
    not ones that may only tell the fighting ("pushed", "advanced", "secured")."""
    places = lex.words("places", "nouns")
    clear = lex.words("places", "unambiguous_retake")
    takes = lex.words("places", "decisive_take")
    for cat in ("cues.gov_retake", "cues.nsa_take"):
        for tok in _standing(span, cues, cat, lex):
            verb = tok if tok.pos_ == "VERB" else tok.head
            if decisive and verb.lemma_.lower() not in takes:
                continue
            objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
            objs += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
            objs += [  # "gained control of the base"
                g for o in list(objs) if o.lemma_.lower() == "control"
                for c in o.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
            ]
            if decisive:  # positions or hilltops won in a battle leave it a battle
                objs = [o for o in objs if o.lemma_.lower() not in MINOR_POSITIONS]
            placey = any(
                o.lemma_.lower() in places or o.ent_type_ in ("GPE", "LOC", "FAC") for o in objs
            )
            if not (placey or (not decisive and (verb.lemma_.lower() in clear or tok.lemma_.lower() in clear))):
                continue
            actor, _ = _verb_sides(tok, lex)
            if "state" in actor:
                return "state"
            if "armed" in actor:
                return "armed"
            return "state" if cat == "cues.gov_retake" else "unknown"
    return None


def _crowd_broken_up(span: Span, cues: Cues, lex: Lexicon) -> bool:
    """Forces broke up a protest (even paramilitaries: "militiamen broke up the sit-ins") and
    nothing else happened: no fighting, killing or weapon fire is told."""
    if not (_standing(span, cues, "cues.intervention", lex) and _standing(span, cues, "cues.protest", lex)):
        return False
    return not any(_standing(span, cues, c, lex) for c in (*FIGHTING, "cues.lethal", "cues.abduct"))


def _protest_only_planned(span: Span, cues: Cues, lex: Lexicon) -> bool:
    """Every protest word is a verb that is only planned, called for or aimed at ("mobilising men
    to protest"); a protest noun in a purpose clause ("fired tear gas to break up a march") is a
    protest that happened."""
    toks = cue_tokens(span, cues, ("cues.protest",))
    return bool(toks) and all(t.pos_ == "VERB" for t in toks) and not _standing(
        span, cues, "cues.protest", lex, grievance_check=False
    )


def _only_positions_won(span: Span, cues: Cues, lex: Lexicon) -> bool:
    """Every place taken is a position, hilltop or post ("took several hilltops"), none a town."""
    objs = []
    for cat in ("cues.gov_retake", "cues.nsa_take"):
        for tok in _standing(span, cues, cat, lex):
            verb = tok if tok.pos_ == "VERB" else tok.head
            objs += [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(objs) and all(o.lemma_.lower() in MINOR_POSITIONS for o in objs)


WEAPON_CUES = tuple(cat for cat, _ in WEAPON_ORDER)
ATTACK_HEADS = frozenset(
    {"attack", "strike", "raid", "bombing", "bomb", "fire", "blast", "explosion", "shelling", "barrage",
     "assault", "campaign", "operation", "shell", "round", "hit"}
)


MIN_NEXT_BEST = 0.15  # a runner-up label this improbable is no reading of the text
MINOR_POSITIONS = frozenset({"position", "hilltop", "hill", "trench", "bunker", "post", "point", "height", "ridge"})
THROWN = frozenset({"throw", "hurl", "pelt", "lob", "toss", "fling"})


def _weapon_used(span: Span, cues: Cues, cat: str) -> bool:
    """A weapon word that names the means of an attack, not its target ("destroyed two helicopters")
    or a modifier of something else ("anti-aircraft guns", "mortar factory")."""
    for tok in cue_tokens(span, cues, (cat,)):
        if cat == "cues.shelling" and tok.head.lemma_.lower() in THROWN:
            continue  # "projectiles were thrown at police": stones and bottles, not artillery
        if cat == "cues.air" and (
            tok.dep_ in ("dobj", "nsubjpass")
            or (tok.dep_ == "pobj" and tok.head.lower_ not in ("by", "from", "with", "via", "in"))
        ):
            continue  # "destroyed two helicopters", "damage to aircraft": the target
        if (
            cat not in ("cues.chemical", "cues.suicide")  # "chlorine exposure", "suicide vest" stay weapons
            and tok.dep_ in ("compound", "amod", "nmod")
            and tok.head.lemma_.lower() not in ATTACK_HEADS
        ):
            continue
        return True
    return False


def _antecedent_weapon(span: Span, context: Span | None, lex: Lexicon) -> str | None:
    """The weapon of the event noun a relative clause hangs on: "the bombing of the market, which
    killed 14 shoppers" tells a bombing, though the clause itself names no weapon."""
    if context is None:
        return None
    verb = span.root
    while verb.dep_ == "conj" and verb.head.i != verb.i and span.start <= verb.head.i < span.end:
        verb = verb.head
    noun = verb.head
    if verb.dep_ != "relcl" or span.start <= noun.i < span.end or not context.start <= noun.i < context.end:
        return None
    around = lex.match(context)
    for cat, sub in WEAPON_ORDER:
        for tok in cue_tokens(context, around, (cat,)):
            if tok.i == noun.i or (tok.head.i == noun.i and noun.lemma_.lower() in ATTACK_HEADS):
                return sub
    return None


def _weapon_stopped(span: Span, cues: Cues, lex: Lexicon) -> bool:
    """Every weapon named is the object of a disrupting verb ("intercepted missiles", "defused mines")."""
    stops = lex.words("cues", "disrupt_acts")
    weapons = cue_tokens(span, cues, WEAPON_CUES)
    if not weapons:
        return False
    for tok in weapons:
        node = tok
        while node.dep_ == "conj" and node.head is not node:
            node = node.head
        verb = node.head if node.dep_ in ("dobj", "nsubjpass", "pobj") else node
        if verb.dep_ == "prep":
            verb = verb.head
        lemma = verb.lemma_.lower()
        if lemma in ("destroy", "blow", "detonate") and node.dep_ == "dobj" and "state" in _verb_sides(verb, lex)[0]:
            continue  # "troops destroyed an IED", "sappers blew up the mines": a controlled destruction
        if lemma not in stops:
            return False
    return True


def _poisoning(span: Span, cues: Cues) -> bool:
    """A toxic agent used on a person (an assassination attempt), not fired at an area: the codebook
    keeps Chemical weapon for chemical warfare."""
    if any(c in cues for c in ("cues.air", "cues.shelling")):
        return False
    if any(
        t.lemma_.lower() in ("poison", "poisoning", "poisoned") and t.pos_ in ("VERB", "NOUN")
        and t.dep_ != "compound"  # "poison gas" is the weapon itself
        for t in span
    ):
        return True
    return _agent_in_a_body(span) or _agent_on_individuals(span)


BODY_SAMPLES = frozenset({"blood", "urine", "hair", "body", "bloodstream", "stomach", "tissue", "organ", "system"})


def _agent_in_a_body(span: Span) -> bool:
    """The agent was found in someone's body ("traces of a toxic substance in his blood"): it was
    used on that person, not fired at an area or seized in a store."""
    return any(
        t.lemma_.lower() in BODY_SAMPLES and t.dep_ == "pobj" and t.head.lower_ in ("in", "inside")
        and any(c.dep_ == "poss" for c in t.children)
        for t in span
    )


_PERSONAL = frozenset({"he", "she", "they", "him", "her", "them"})


def _a_family(t: Token) -> bool:
    """"The Skripals" in a text that names "Sergei Skripal": a family by its surname."""
    if t.pos_ not in ("PROPN", "NOUN") or not t.text[:1].isupper() or t.i == t.sent.start:
        return False
    if not t.text.endswith("s") or len(t.text) < 4:
        return False
    return any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == t.text[:-1] for e in t.doc.ents)


def _agent_on_individuals(span: Span) -> bool:
    """"they were attacked with a nerve agent", "Petrov was attacked with a toxic chemical": the
    people it was used on are named or pointed at one by one, and no armed side or area (a town
    shelled with chlorine) is in the clause."""
    def patient(t: Token) -> bool:  # the one acted on, not the one acting ("Assad carried out ...")
        return t.dep_ in ("nsubjpass", "dobj") or (t.dep_ == "pobj" and t.head.lower_ in ("on", "against"))

    named = any(e.label_ == "PERSON" and patient(e.root) for e in span.ents)
    pointed = any(t.lower_ in _PERSONAL and patient(t) for t in span)
    if not (named or pointed or any(patient(t) and _a_family(t) for t in span)):
        return False
    # an armed side, or an area hit ("a town shelled with chlorine"); not where it happened ("found
    # slumped on a bench in the city of Salisbury")
    armed = any(t.lemma_.lower() in _ARMED_OR_AREA and not (t.dep_ == "pobj" and t.head.lower_ in _WHERE)
                for t in span)
    return not armed


_WHERE = frozenset({"in", "at", "near", "outside", "inside"})


_ARMED_OR_AREA = frozenset({
    "army", "troop", "soldier", "military", "force", "regime", "rebel", "militant", "fighter", "militia",
    "town", "village", "city", "district", "neighbourhood", "neighborhood", "suburb", "area", "front",
    "position", "enclave", "civilian", "resident",
})


def _protest_rules(span: Span, cues: Cues, lex: Lexicon, label: str) -> tuple[str, str] | None:
    family = SUB_EVENT_TYPES[label] in (PROTESTS, RIOTS) and label != "Mob violence"
    if not family:
        return None
    if "cues.protest" not in cues:
        if label == "Violent demonstration":
            blocking = any(
                t.lemma_.lower() in ("block", "barricade") and _crowd_act(t, lex)
                for t in _standing(span, cues, "cues.riot_acts", lex)
            )
            if blocking or _rioters_against_order(span, cues, lex):
                return None
            if "cues.looting" in cues and "cues.mob" not in cues:
                return "Looting/property destruction", "destruction without a demonstration"
            if _crowd_hit_the_state(span, cues, lex):
                return None
            return "Mob violence", "violent crowd without a demonstration"
        return None
    if any(_crowd_act(t, lex) for t in _standing(span, cues, "cues.riot_acts", lex)) or _crowd_fought(
        span, cues, lex
    ):
        return "Violent demonstration", "the crowd used violence"
    if _standing(span, cues, "cues.lethal", lex, harm=True):
        return "Excessive force against protesters", "lethal or severe force against protesters"
    if _standing(span, cues, "cues.intervention", lex) or _standing(span, cues, "cues.arrest", lex):
        return "Protest with intervention", "protest met with intervention"
    if label != "Peaceful protest":
        return "Peaceful protest", "no violence by or against the crowd"
    return None


RIOT_WORDS = frozenset({"riot", "rioter", "rioting", "rioters"})


def _rioters_against_order(span: Span, cues: Cues, lex: Lexicon) -> bool:
    """Rioters who fight the police or wreck property, with no mob or communal target named, are a
    demonstration turned violent (the codebook keeps Mob violence for crowds attacking people)."""
    if "cues.mob" in cues or not any(t.lemma_.lower() in RIOT_WORDS or t.lower_ in RIOT_WORDS for t in span):
        return False
    for tok in span:
        if tok.lemma_.lower() in RIOT_WORDS and tok.dep_ in ("nsubj", "nsubjpass", "ROOT"):
            verb = tok.head if tok.dep_ != "ROOT" else tok
            if verb.lemma_.lower() in lex.words("cues", "clash"):
                continue  # fighting is two-sided: rioters fighting officers are not a mob on victims
            _, target = _verb_sides(verb, lex)
            if "civilian" in target:
                return False
    return True


def _crowd_hit_the_state(span: Span, cues: Cues, lex: Lexicon) -> bool:
    """The crowd's violence fell on the police or troops ("three officers were injured by
    stones"): a riot against order, not a mob on victims."""
    return any(
        tok.pos_ == "VERB" and "state" in _verb_sides(tok, lex)[1]
        for tok in cue_tokens(span, cues, ("cues.riot_acts", "cues.harm_acts"))
    )


def _crowd_fought(span: Span, cues: Cues, lex: Lexicon) -> bool:
    """A clash at a protest ("protesters clashed with police", "clashes with demonstrators") is
    the crowd's violence too; a clash between armed sides told beside a protest is not."""
    for tok in _standing(span, cues, "cues.clash", lex):
        if not _with_crowd(tok, span, cues):
            continue
        actor, target = _verb_sides(tok, lex)
        if "armed" in actor | target:
            continue
        sides = actor | target
        if "protester" in sides or ("civilian" in sides and "state" in sides):
            return True  # "students clashed with the police" at a march
    return False


def _crowd_act(tok: Token, lex: Lexicon) -> bool:
    """Is this riot act the crowd's? Blocking a road is the crowd's violence when the crowd is the
    subject ("farmers blocked roads"), not when police block it or when it only describes people
    who were then dispersed or shot ("scattered protesters blocking the highway")."""
    if tok.lemma_.lower() not in ("block", "barricade"):
        return True
    own_subject = any(c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for c in tok.children)
    if tok.dep_ in ("acl", "relcl") and not own_subject:  # "protesters (who were) blocking the road"
        return False
    actor, _ = _verb_sides(tok, lex)
    return "state" not in actor


TOPIC_KEYS = ("topics.crime", "topics.disaster", "topics.manmade", "sides.armed", "cues.protest", "cues.mob", "cues.suicide")


def _with_context_topics(cues: Cues, context: Span | None, span: Span, lex: Lexicon) -> Cues:
    """The span's cues plus the topic words of the sentence around it: "five people were killed"
    is a clause of "... killed after a volcano erupted", and the volcano decides the topic."""
    if context is None or (context.start == span.start and context.end == span.end):
        return cues
    around = lex.match(context)
    merged = dict(cues)
    for key in TOPIC_KEYS:
        if key in around and key not in merged:
            merged[key] = around[key]
    return merged


def _attribution_only(span: Span) -> str | None:
    """The lead says who is to blame, not what happened: "IS claimed responsibility for a car bomb
    that ...", "Iran is responsible for the attacks", "blamed the rebels for the massacre". The
    codebook's event is coded from the report of the event, not from the claim (a claim told after
    the event, "...; JNIM claimed the attack", leaves the event's own sentence first)."""
    # the lead's main verb (a dateline such as "Saudi Arabia (AA)." is no lead), and what it reports:
    # "..., the agency said" puts the claim in the ccomp
    root = next((t for t in span if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")), span.root)
    for h in [root] + [c for c in root.children if c.dep_ == "ccomp"]:
        lemma, kids = h.lemma_.lower(), list(h.children)
        if lemma == "claim" and any(c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in kids):
            return "a claim of responsibility"
        if lemma == "blame" and any(c.dep_ == "prep" and c.lower_ == "for" for c in kids):
            return "an attribution of blame"
        if lemma == "be" and any(c.dep_ == "acomp" and c.lemma_.lower() == "responsible" for c in kids):
            return "an attribution of responsibility"
    return None


def _topic_veto(span: Span, cues: Cues, lex: Lexicon) -> str | None:
    """Texts about something other than political violence (the codebook excludes them)."""
    political = any(c in cues for c in ("sides.armed", "cues.protest", "cues.mob", "cues.suicide"))
    if not political:
        for topic, why in (("topics.crime", "ordinary crime"), ("topics.disaster", "natural disaster"),
                           ("topics.manmade", "accident")):
            if topic in cues:
                return why
    root = span.root
    if root.pos_ != "VERB":  # a headline: "Diplomats expelled after ..." hangs the verb on the noun
        root = next((c for c in root.children if c.dep_ == "acl" and c.pos_ == "VERB"), root)
    if root.pos_ == "VERB" and root.lemma_.lower() in lex.words("frames", "diplomatic_acts"):
        if not any(s <= root.i < e for cat in EVENT_CUES for s, e in cues.get(cat, ())):
            return f"the sentence reports a reaction ('{root.lemma_}')"
    return None


def apply_rules(
    span: Span,
    cues: Cues,
    lex: Lexicon,
    label: str,
    probs: Mapping[str, float],
    context: Span | None,
) -> tuple[str, str] | None:
    """(label, why) where the codebook's wording settles the sub-type, else None.

    The label ``NO_EVENT`` vetoes the model (e.g. a chemical accident)."""
    vetoed = _topic_veto(span, _with_context_topics(cues, context, span, lex), lex) or _attribution_only(span)
    if vetoed:
        return NO_EVENT, vetoed
    etype = SUB_EVENT_TYPES[label]
    if etype == PROTESTS and _protest_only_planned(span, cues, lex):
        # every protest word is planned, called for or a purpose ("mobilising men to protest")
        others = {k: v for k, v in probs.items() if SUB_EVENT_TYPES[k] not in (PROTESTS, RIOTS)}
        best = max(others, key=others.__getitem__)
        if others[best] < MIN_NEXT_BEST:
            return NO_EVENT, "the protest is only planned or called for"
        return best, "the protest is only planned or called for; next best label"
    if etype in ("Battles", "Violence against civilians") and _crowd_broken_up(span, cues, lex):
        return "Protest with intervention", "a protest was broken up; no fighting or killing is told"
    ruled = _protest_rules(span, cues, lex, label)
    if ruled:
        return ruled if ruled[0] != label else None
    weapon = next((sub for cat, sub in WEAPON_ORDER if _weapon_used(span, cues, cat)), None)
    if weapon == "Chemical weapon" and "topics.manmade" not in cues and _poisoning(span, cues):
        # before the found-weapon rules: "found traces of a toxic substance in his blood" is no seizure
        return ("Attack", POISONED) if label != "Attack" else None
    if weapon and etype in (EXPLOSIONS, "Violence against civilians", "Battles") and _weapon_stopped(span, cues, lex):
        return "Disrupted weapons use", "the weapon was intercepted, defused or seized"
    if weapon and "cues.disrupt_acts" in cues and "cues.harm_acts" not in cues:
        if label != "Disrupted weapons use" and etype in (EXPLOSIONS, "Strategic developments"):
            return "Disrupted weapons use", "weapon found or stopped before use"
    if label == "Headquarters or base established" and "places.establish_acts" not in cues:
        best = _next_best(probs, label)  # "opened fire on the post", "attacked the camps"
        return best, "a base is named but nobody set one up; next best label"
    if label == "Disrupted weapons use":
        if "arms.items" not in cues:  # "intercepted a smuggler", "intercepted his car"
            best = _next_best(probs, label)
            if probs[best] < MIN_NEXT_BEST:
                return NO_EVENT, "nothing that could be a weapon was stopped"
            return best, "nothing that could be a weapon was stopped; next best label"
        return None
    if weapon == "Chemical weapon" and "topics.manmade" in cues:
        return NO_EVENT, "industrial chemical accident"
    held = None if weapon else _antecedent_weapon(span, context, lex)
    if held and etype in (EXPLOSIONS, "Violence against civilians", "Battles"):
        return (held, f"{HANGS_ON} ({held})") if held != label else None
    if etype == EXPLOSIONS and weapon is None:  # the only weapon words name targets ("damage to aircraft")
        best = _next_best(probs, label, EXPLOSIONS)
        return _protest_rules(span, cues, lex, best) or (best, "no weapon is used in the text; next best label")
    if weapon and (
        etype == EXPLOSIONS
        or (label == "Armed clash" and weapon in DISTINCT_WEAPONS)
        or (label == "Attack" and weapon in REMOTE_ON_CIVILIANS)
    ):
        return (weapon, f"weapon decides the sub-type ({weapon})") if weapon != label else None
    unfought = label == "Armed clash" and not any(_standing(span, cues, c, lex) for c in FIGHTING)
    if (label in MOVES or unfought) and (
        _standing(span, cues, "cues.transfer", lex, grievance_check=False) or "cues.no_fight" in cues
    ):
        # "withdrew following heavy fighting": fighting told in an after-clause counts
        fought = any(_standing(span, cues, c, lex, grievance_check=False) for c in FIGHTING)
        if not fought or "cues.no_fight" in cues:
            if "cues.takeover" in cues:
                new = "Non-violent transfer of territory"
                why = "one side left and another took over without fighting"
            else:
                new, why = "Change to group/activity", "a force withdrew or moved; nobody took over"
            return (new, why) if new != label else None
    fighting_told = bool(_standing(span, cues, "cues.clash", lex))
    if label in ("Arrests", "Attack", "Armed clash", *TERRITORY):
        # a fight that ends with a place changing hands is coded by the territory it won
        taker = _territory_taker(span, cues, lex, decisive=label == "Armed clash" and fighting_told)
        taken = {"state": TERRITORY[0], "armed": TERRITORY[1]}.get(taker or "")
        if taken and taken != label:
            return taken, f"a place changed hands ({taker} side took it)"
    if label in TERRITORY and fighting_told and _only_positions_won(span, cues, lex):
        return "Armed clash", "only positions or hilltops were won in the fighting"
    if label in TERRITORY and not any(
        _standing(span, cues, c, lex) for c in ("cues.gov_retake", "cues.nsa_take", "cues.takeover")
    ):
        if _standing(span, cues, "cues.change", lex):
            return "Change to group/activity", "forces moved or were deployed; no place changed hands"
        if any(_standing(span, cues, c, lex) for c in FIGHTING):
            return "Armed clash", "fighting is told but no place changing hands"
    if label in TERRITORY:
        actors: set[str] = set()
        for tok in cue_tokens(span, cues, ("cues.gov_retake", "cues.nsa_take")):
            actors |= _verb_sides(tok, lex)[0]
        if actors == {"state"} and label != TERRITORY[0]:
            return TERRITORY[0], "state forces took the territory"
        if actors == {"armed"} and label != TERRITORY[1]:
            return TERRITORY[1], "a non-state group took the territory"
        return None
    if SUB_EVENT_TYPES[label] == "Battles" and _standing(span, cues, "cues.defect", lex):
        return "Change to group/activity", "fighters defected or switched sides"
    if label == "Armed clash" and not any(_standing(span, cues, c, lex) for c in FIGHTING):
        if _standing(span, cues, "cues.change", lex, grievance_check=False):
            return "Change to group/activity", "forces moved or were deployed; no fighting is told"
    if label in ABDUCTABLE and _standing(span, cues, "cues.abduct", lex, grievance_check=False):
        return "Abduction/forced disappearance", "people were abducted or made to disappear"
    if label == "Attack":
        targets: set[str] = set()
        named_civilians = False
        for tok in cue_tokens(span, cues, ("cues.kill", "cues.clash")):
            targets |= _verb_sides(tok, lex, skip_attackers=True)[1]
            named_civilians |= _names_civilians(tok, lex)
        if targets and (targets <= {"state", "armed"} or (targets >= {"state"} and not named_civilians)):
            return "Armed clash", "the targets were armed or state forces"
    return None


def _next_best(probs: Mapping[str, float], label: str, etype: str | None = None) -> str:
    """The most probable label other than ``label`` (and outside event type ``etype``)."""
    others = {k: v for k, v in probs.items() if k != label and SUB_EVENT_TYPES[k] != etype}
    return max(others, key=others.__getitem__)


GENERIC_VICTIMS = frozenset({"people", "person", "individual", "other", "one"})


def _names_civilians(tok: Token, lex: Lexicon) -> bool:
    """Does this cue word's target name civilians as such ("villagers", "a teacher"), rather than
    a bare count of "people" (who, in an attack on a base, are mostly soldiers) or a place?"""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    civilian_places = set(lex.words("places", "nouns")) - set(lex.words("places", "military"))
    for x in verb_args(verb)[1]:
        if x.lemma_.lower() in GENERIC_VICTIMS:
            continue
        if side_of(x, lex.side_map) == "civilian" or x.lemma_.lower() in civilian_places:
            return True  # "villagers", or a village, a market, a church
    return False
