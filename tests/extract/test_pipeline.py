"""The whole chain on short articles written for these tests."""

from datetime import date

import pytest

from conflictwatch.errors import EmptyInput, ExtractionError, TooLarge, UnsupportedLanguage
from conflictwatch.extract import Extractor
from conflictwatch.models import Article

pytestmark = pytest.mark.model

TWO_EVENTS = (
    "Suspected jihadists killed seven villagers in an attack on Dinangourou in central Mali on Sunday, "
    "local officials said.\n"
    "The gunmen arrived on motorbikes at dawn and set fire to several houses before fleeing towards "
    "the Burkina Faso border. Four other people were wounded.\n"
    "The region has been hit repeatedly. In March 2022, militants ambushed an army patrol near "
    "Dinangourou, killing at least nine soldiers.\n"
    "More than 4,000 people have been killed in central Mali since 2019, according to a rights group."
)
SPORTS = (
    "Stade Malien beat Djoliba 2-1 in the Bamako derby on Saturday, with a late header sealing the win "
    "in front of a crowd of 20,000. The visitors attacked relentlessly in the second half but could not "
    "find an equaliser, and their coach said his side had been killed by two defensive errors."
)


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


@pytest.fixture(scope="module")
def two(extractor):
    return extractor.extract(Article(id="t1", text=TWO_EVENTS, published=date(2024, 6, 11)))


def test_current_event_first_then_the_past_one(two):
    assert len(two) == 2
    main, past = two
    assert main.main and not past.main
    assert main.recency == "current" and past.recency == "past"
    assert main.event_date == date(2024, 6, 9) and main.time_precision == 1
    assert (past.event_date.year, past.event_date.month, past.time_precision) == (2022, 3, 3)


def test_main_event_is_coded_with_victims_toll_and_place(two):
    main = two[0]
    assert main.event_type == "Violence against civilians"
    assert main.actor2 == "Civilians (Mali)"
    assert main.fatalities == 7
    assert main.country == "Mali" and main.location
    assert abs(main.latitude - 14.45) < 0.2 and abs(main.longitude - (-2.23)) < 0.2  # Dinangourou


def test_past_ambush_is_a_battle_with_its_own_toll(two):
    past = two[1]
    assert past.event_type == "Battles"
    assert past.fatalities == 9
    assert "Military Forces of Mali" in (past.actor2 or "") + (past.actor1 or "")


def test_the_aggregate_toll_is_no_event(two):
    assert all(ev.fatalities is None or ev.fatalities < 100 for ev in two)


def test_every_evidence_span_points_at_its_words(two):
    for ev in two:
        assert ev.evidence
        for e in ev.evidence:
            assert TWO_EVENTS[e.start : e.end] == e.text
        dates = ev.evidence_for("event_date")
        assert dates and dates[0].text in ("Sunday", "In March 2022", "March 2022")


def test_sports_with_war_words_yields_nothing(extractor):
    assert extractor.extract(Article(id="s", text=SPORTS, published=date(2024, 6, 9))) == []


@pytest.mark.parametrize(
    ("text", "language", "error"),
    [
        ("   ", "en", EmptyInput),
        ("Des hommes armés ont attaqué le village de Dounde dans la nuit, selon des sources locales et les élus.", "fr", UnsupportedLanguage),
        ("Des hommes armés ont attaqué le village de Dounde dans la nuit de lundi à mardi, selon des sources locales.", None, UnsupportedLanguage),
    ],
)
def test_unusable_articles_are_refused_with_a_reason(extractor, text, language, error):
    with pytest.raises(error):
        extractor.extract(Article(id="bad", text=text, language=language))


def test_a_huge_article_is_refused(extractor):
    with pytest.raises(TooLarge, match="limit"):
        extractor.extract(Article(id="huge", text="Gunmen attacked. " * 20_000))


def test_a_failure_on_one_article_does_not_sink_the_batch(extractor, monkeypatch):
    from conflictwatch.extract import pipeline

    real = pipeline.extract_events

    def flaky(doc, article, res):
        if article.id == "boom":
            raise RuntimeError("stage bug")
        return real(doc, article, res)

    monkeypatch.setattr(pipeline, "extract_events", flaky)
    arts = [Article(id=i, text=TWO_EVENTS, published=date(2024, 6, 11)) for i in ("a", "boom", "c")]
    out = list(extractor.extract_many(arts))
    assert [a.id for a, _ in out] == ["a", "boom", "c"]
    assert isinstance(out[1][1], ExtractionError) and "stage bug" in str(out[1][1])
    assert isinstance(out[0][1], list) and isinstance(out[2][1], list)


FOLLOW_UP = (
    "The governor of Kaduna State has put the cost of the market stalls recently burned down by rioting "
    "youths in Zaria at 40 million naira. He told reporters that the stalls were set ablaze by youths of the "
    "neighbouring quarter in Zaria on March 2, after a dispute over the allocation of new shops. He said "
    "the state would rebuild the market before the rainy season. Traders who lost their goods have been "
    "selling from tables along the road since then, and several said they had borrowed money to restock. "
    "The new shops, built with a loan from a development bank, were meant to replace an older market that "
    "flooded every year, and their allocation had been delayed twice by the local council."
)


def test_an_undated_lede_and_its_recent_dated_retelling_are_one_event(extractor):
    """The lede names the event without a date; the body dates it: one event, on the body's day."""
    events = extractor.extract(Article(id="t2", text=FOLLOW_UP, published=date(2024, 3, 20)))
    riots = [e for e in events if e.event_type == "Riots"]
    assert len(riots) == 1
    assert riots[0].event_date == date(2024, 3, 2) and riots[0].main


TWO_DAYS = (
    "GAROWE - Four policemen were wounded on Thursday when gunmen threw a grenade at a checkpoint on the "
    "edge of Galkayo, a police officer said. The attackers fled on foot before reinforcements arrived, "
    "and the wounded men were taken to the regional hospital. On Friday, soldiers found and defused a "
    "bomb buried under the road to the airport in Galkayo, a military spokesman said, after farmers "
    "reported freshly dug earth. Nobody was hurt. The town has seen a rise in attacks since the start "
    "of the rainy season, and traders say the checkpoint is now closed at dusk."
)


def test_a_when_clause_takes_its_day_and_two_named_days_are_two_events(extractor):
    events = extractor.extract(Article(id="t3", text=TWO_DAYS, published=date(2024, 5, 11)))
    by_type = {e.sub_event_type: e for e in events}
    assert by_type["Grenade"].event_date == date(2024, 5, 9)  # "wounded on Thursday when ... threw a grenade"
    assert by_type["Disrupted weapons use"].event_date == date(2024, 5, 10)


NIGHT_WHEN = (
    "DIFFA - Two guards were wounded on Monday night when suspected militants hurled a grenade at the gate "
    "of a bank in Diffa town, near the border with Nigeria, police said. The ministry said the "
    "attackers withdrew towards the Komadougou river and that a search was under way. Diffa region has "
    "been under a state of emergency for years, and schools in several districts remain closed. Local "
    "officials said fishing and the sale of peppers, the main sources of income in the area, were still "
    "restricted, and that many families depend on food aid."
)


def test_a_when_clause_hanging_on_monday_night_is_mondays(extractor):
    events = extractor.extract(Article(id="t4", text=NIGHT_WHEN, published=date(2024, 2, 14)))
    assert events and events[0].event_date == date(2024, 2, 12)


SEPARATELY = (
    "KISMAYO - A roadside bomb destroyed a police pick-up truck on the outskirts of Kismayo late on Monday, "
    "killing three officers, a regional security official said. Two other officers were wounded. "
    "Separately, government troops and local militia recaptured the village of Bulo Gaduud, about 30 km "
    "north of the port, on Sunday after a short exchange of fire, and the militants withdrew towards the "
    "river. Residents said the road between the two places remained closed to traffic on Tuesday."
)


def test_separately_starts_another_event(extractor):
    events = extractor.extract(Article(id="t5", text=SEPARATELY, published=date(2024, 10, 15)))
    kinds = {e.sub_event_type for e in events}
    assert {"Remote explosive/landmine/IED", "Government regains territory"} <= kinds


BULLETIN = (
    "Weekly security note - Centre-Nord region\n\n"
    "Incidents\n"
    "- On 4 June, armed men believed to belong to the Islamic State Sahel Province entered a "
    "hamlet about 10 km east of Kaya and abducted five herders, among them a local councillor.\n"
    "- Aid convoys to Djibo remained suspended for the whole week because of the risk of roadside bombs.\n\n"
    "Outlook\n"
    "Partners expect further displacement towards Kaya in the coming weeks, and food prices in the town's "
    "market have risen by a third since April."
)


def test_a_date_opening_the_sentence_dates_its_later_clauses(extractor):
    events = extractor.extract(Article(id="t6", text=BULLETIN, published=date(2024, 6, 10)))
    abductions = [e for e in events if e.sub_event_type == "Abduction/forced disappearance"]
    assert abductions and abductions[0].event_date == date(2024, 6, 4)


NO_PARTY = (
    "ACCRA - Several hundred nurses marched to the health ministry in Accra on Wednesday to demand the "
    "payment of allowances they say are eight months late, singing and waving placards. The march was "
    "peaceful and ended at noon. Last week Parliament approved an agreement with the banks to "
    "restructure the country's debt, and the central bank opened a new office at its headquarters to "
    "handle the arrears. Union leaders said the nurses would strike next month if nothing changed, and "
    "that talks with the ministry would resume on Friday."
)


def test_a_development_with_no_party_to_a_conflict_is_not_coded_in_an_article(extractor):
    events = extractor.extract(Article(id="t7", text=NO_PARTY, published=date(2024, 7, 11)))
    assert events and events[0].event_type == "Protests"
    assert not [e for e in events if e.sub_event_type in ("Agreement", "Headquarters or base established")]


FORCE_ON_A_CROWD = (
    "LUSAKA - Thousands of market traders marched through the centre of Lusaka on Tuesday to protest "
    "against a new levy on stalls, singing and carrying placards. The march was largely peaceful, and "
    "the traders handed a petition to the mayor. When a group of marchers tried to reach the council "
    "offices, police fired tear gas and arrested six of them, witnesses said. The traders' union said "
    "it would meet the council next week and that the protests would continue until the levy was "
    "withdrawn. Market stalls in the city have been the subject of disputes for several years."
)


def test_force_told_in_one_clause_makes_the_protest_one_with_intervention(extractor):
    events = extractor.extract(Article(id="t8", text=FORCE_ON_A_CROWD, published=date(2024, 8, 14)))
    assert events and events[0].sub_event_type == "Protest with intervention"


ANALYSIS = (
    "Analysis: Kenya's north-east, five years on. Since the bombing of a bus station in Mandera in June "
    "2020, which killed eleven travellers and was claimed by al-Shabaab, the county has lived behind "
    "checkpoints. Traders say goods now take a day longer to reach the town, and teachers from other "
    "regions have been slow to return. County officials argue that the measures work, pointing to a fall "
    "in large attacks, while residents complain of arbitrary stops. The national government plans to "
    "reopen the border crossing with Somalia next year, a move local leaders say could bring trade back."
)


def test_a_relative_clause_takes_the_place_and_date_of_the_event_noun_it_hangs_on(extractor):
    events = extractor.extract(Article(id="t9", text=ANALYSIS, published=date(2025, 6, 30)))
    past = [e for e in events if e.event_date.year == 2020]
    assert past and past[0].event_date.month == 6 and past[0].location == "Mandera"
    assert past[0].fatalities == 11 and past[0].recency == "past"


EARLY_DATE = (
    "Youths raze stalls in Kasese land row\n\n"
    "KASESE - Calm has returned to Bwera trading centre after a group of young men armed with sticks "
    "destroyed more than thirty stalls on Tuesday in a dispute over land claimed by two clans. Traders told "
    "this newspaper that about fifty youths from a neighbouring village set fire to the wooden stalls and "
    "carried away sacks of beans and maize. Nobody was hurt. Police said four suspects had been arrested and "
    "that officers would stay in the area until the district land board rules on the dispute next month."
)


def test_a_weak_mention_told_first_still_dates_the_event_it_belongs_to(extractor):
    events = extractor.extract(Article(id="t11", text=EARLY_DATE, published=date(2025, 5, 9)))
    crowd = [e for e in events if e.event_type in ("Riots", "Strategic developments") and e.sub_event_type != "Arrests"]
    assert crowd and crowd[0].event_date == date(2025, 5, 6)


ACROSS_THE_BORDER = (
    "Rockets fired from Lebanon hit the northern Israeli town of Shlomi on Sunday morning, damaging two "
    "houses, the Israeli military said. Nobody was hurt. Hours later, Israeli artillery shells hit the "
    "outskirts of Naqoura, a Lebanese border town on the coast, killing a shepherd, "
    "Lebanon's state news agency said. The exchange was the most serious in weeks, and residents on both "
    "sides of the frontier were told to stay near shelters. UN peacekeepers said they had urged restraint."
)


def test_two_places_across_a_border_are_two_events_however_close(extractor):
    events = extractor.extract(Article(id="t12", text=ACROSS_THE_BORDER, published=date(2025, 6, 2)))
    countries = {e.country for e in events if e.event_type == "Explosions/Remote violence"}
    assert {"Israel", "Lebanon"} <= countries


OVERNIGHT_THEN_NAMED_DAY = (
    "NIAMEY (Agency) - Gunmen killed eleven villagers in an overnight attack on a hamlet in the Tillaberi "
    "region of western Niger, local officials said on Thursday.\n\n"
    "The assailants rode into the hamlet of Anzourou late on Tuesday on motorbikes, shooting at residents "
    "and burning granaries, a local councillor said. The army said soldiers tracked the gunmen and killed "
    "three of them on Wednesday near the border with Mali.\n\n"
    "Tillaberi has been hit by repeated attacks since the army seized power in 2023."
)


def test_an_attack_told_overnight_and_late_on_a_named_day_takes_the_day_it_began(extractor):
    """"overnight" counted from the report's day is Wednesday; the body names Tuesday night: the
    attack is Tuesday's, and the soldiers' pursuit on plain Wednesday is an event of its own."""
    events = extractor.extract(Article(id="t13", text=OVERNIGHT_THEN_NAMED_DAY, published=date(2025, 3, 13)))
    assert events[0].main and events[0].event_date == date(2025, 3, 11)
    assert events[0].fatalities == 11
    assert [e for e in events[1:] if e.event_date == date(2025, 3, 12) and e.fatalities == 3]


STORY_DAY = (
    "LILONGWE - Police shot dead a student in Zomba on Thursday during protests against a rise in "
    "university fees, witnesses and a hospital official said, as marches called by student unions took "
    "place in several Malawian towns.\n\n"
    "In Zomba, officers fired live rounds as students tried to reach the district commissioner's office, a "
    "witness said. The hospital said the student died of a gunshot wound to the chest and that six other "
    "people were being treated.\n\n"
    "In Blantyre, police fired tear gas to disperse about three hundred students who had gathered outside "
    "the main campus. A few were briefly held and later released.\n\n"
    "The education minister said the fees would be reviewed next month and called for calm."
)


def test_an_undated_event_of_the_principal_kind_happened_on_the_storys_day(extractor):
    """Blantyre's dispersal has no date of its own: it is Thursday's, with Zomba's, not Saturday's."""
    events = extractor.extract(Article(id="t14", text=STORY_DAY, published=date(2025, 2, 15)))
    blantyre = [e for e in events if e.location == "Blantyre"]
    assert events[0].event_date == date(2025, 2, 13)
    assert blantyre and blantyre[0].event_date == date(2025, 2, 13)


BACK_REFERENCE = (
    "MOPTI (Agency) - A drone strike killed six herders at a cattle market outside Mopti on Tuesday, local "
    "officials said, in the third such strike in the region this month.\n\n"
    "The officials said the market had been crowded because of a weekly fair, and that at least ten other "
    "people were wounded. The army did not comment.\n\n"
    "Further east, traders in Bandiagara who returned to their shops this week described stalls stripped "
    "bare and warehouses emptied. Militants looted the town for two days in March, the traders said.\n\n"
    "The United Nations says more than 300,000 people have fled their homes in central Mali this year."
)


def test_the_town_of_a_mention_is_the_one_named_just_before_it(extractor):
    """"looted the town" names no place: the town is Bandiagara, named in the sentence before."""
    events = extractor.extract(Article(id="t15", text=BACK_REFERENCE, published=date(2025, 6, 12)))
    looting = [e for e in events if e.sub_event_type == "Looting/property destruction"]
    assert looting and looting[0].location == "Bandiagara"
