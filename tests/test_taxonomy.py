import pytest

from conflictwatch import taxonomy


def test_six_types_and_twenty_five_subtypes():
    assert len(taxonomy.EVENT_TYPES) == 6
    assert len(taxonomy.SUB_EVENT_TYPES) == 25


@pytest.mark.parametrize(
    ("etype", "sub", "disorder"),
    [
        ("Battles", "Armed clash", "Political violence"),
        ("Protests", "Peaceful protest", "Demonstrations"),
        ("Riots", "Violent demonstration", "Demonstrations"),
        ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
        ("Strategic developments", "Arrests", "Strategic developments"),
        ("Explosions/Remote violence", "Air/drone strike", "Political violence"),
    ],
)
def test_disorder_type(etype, sub, disorder):
    assert taxonomy.disorder_type(etype, sub) == disorder


def test_disorder_type_refuses_a_mismatched_pair():
    with pytest.raises(ValueError, match="not an ACLED sub-event type"):
        taxonomy.disorder_type("Battles", "Arrests")


def test_interaction_orders_by_inter_code():
    assert taxonomy.interaction("Rebel group", "State forces") == "State forces-Rebel group"
    assert taxonomy.interaction("Protesters", None) == "Protesters only"
    assert taxonomy.interaction(None, None) is None
