"""cw_actor_ruler on sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy

from conflictwatch.actors.descriptors import Descriptor
from conflictwatch.actors.kb import ActorKB
from conflictwatch.nlp.actor_ruler import add_actor_ruler

pytestmark = pytest.mark.model


def found(nlp, text: str) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    return [(s.text, s.label_, s.kb_id_) for s in doc.spans["actors"]]


def test_named_actors_and_descriptors(actor_nlp) -> None:
    got = found(
        actor_nlp,
        "Suspected JNIM militants and Dozo hunters raided Sona, while Malian soldiers and "
        "Russian mercenaries searched the villages.",
    )
    assert ("JNIM", "ACTOR", "JNIM: Group for Support of Islam and Muslims") in got
    assert ("militants", "ACTOR_DESC", "armed_group") in got
    assert ("Dozo hunters", "ACTOR", "Dozo Communal Militia (Mali)") in got
    assert ("Malian soldiers", "ACTOR_DESC", "state_military|Mali") in got
    assert ("Russian mercenaries", "ACTOR", "Wagner Group") in got


def test_french_and_accents(actor_nlp) -> None:
    got = found(
        actor_nlp,
        "Des hommes armés ont tué six civils ; les soldats maliens et les FAMa ont poursuivi "
        "le Groupe de soutien à l’islam et aux musulmans et l'Etat islamique au Grand Sahara "
        "près d’éleveurs peuls ; l’armée malienne a riposté.",
    )
    assert ("hommes armés", "ACTOR_DESC", "armed_group") in got
    assert ("civils", "ACTOR_DESC", "civilians") in got
    assert ("soldats maliens", "ACTOR_DESC", "state_military|Mali") in got
    assert ("FAMa", "ACTOR", "Military Forces of Mali (2021-)") in got
    assert ("d’éleveurs peuls", "ACTOR_DESC", "civilians||Fulani") in got
    assert ("l’armée malienne", "ACTOR", "Military Forces of Mali (2021-)") in got  # listed alias, elided
    names = {kb for _, label, kb in got if label == "ACTOR"}
    assert {"JNIM: Group for Support of Islam and Muslims", "Islamic State (Sahel)"} <= names


def test_groups_demonyms_and_country_names(actor_nlp) -> None:
    got = found(
        actor_nlp,
        "Fulani herders clashed with Berom farmers; the Burkina Faso army, Nigerien troops and "
        "Nigeria police were deployed while students and women fled.",
    )
    assert ("Fulani herders", "ACTOR_DESC", "civilians||Fulani") in got
    assert ("Berom farmers", "ACTOR_DESC", "civilians||Berom") in got
    assert ("Burkina Faso army", "ACTOR_DESC", "state_military|Burkina Faso") in got
    assert ("Nigerien troops", "ACTOR_DESC", "state_military|Niger") in got
    assert ("Nigeria police", "ACTOR", "Police Forces of Nigeria (2023-)") in got  # a listed alias
    assert ("students", "ACTOR_DESC", "civilians||Students") in got
    assert ("women", "ACTOR_DESC", "civilians||Women") in got


def test_adjective_groups_and_possessives(actor_nlp) -> None:
    got = found(
        actor_nlp, "An Islamist militia and a groupe terroriste attacked Mali's army and Niger’s police."
    )
    assert ("Islamist militia", "ACTOR_DESC", "armed_group") in got
    assert ("groupe terroriste", "ACTOR_DESC", "armed_group") in got
    assert ("Mali's army", "ACTOR_DESC", "state_military|Mali") in got
    assert ("Niger’s police", "ACTOR_DESC", "state_police|Niger") in got


def test_acronyms_are_case_sensitive(actor_nlp) -> None:
    got = found(actor_nlp, "FACT rebels crossed from Libya; in fact, the us convoy was not attacked.")
    assert ("FACT", "ACTOR", "FACT: Front for Change and Concord in Chad") in got
    assert all(text.lower() not in ("fact", "us") or text == "FACT" for text, _, _ in got)


def test_longest_match_wins_and_no_overlap(actor_nlp) -> None:
    doc = actor_nlp("Protesters, rioters and riot police faced Islamic State West Africa Province fighters.")
    spans = list(doc.spans["actors"])
    assert [s.text for s in spans] == [
        "Protesters",
        "rioters",
        "riot police",
        "Islamic State West Africa Province",
        "fighters",
    ]
    assert [Descriptor.parse(s.kb_id_).cls for s in spans if s.label_ == "ACTOR_DESC"] == [
        "protesters",
        "rioters",
        "state_police",
        "armed_group",
    ]
    for a, b in zip(spans, spans[1:], strict=False):
        assert a.end <= b.start


def test_pipeline_round_trip_on_disk(tmp_path) -> None:
    nlp = spacy.blank("en")
    add_actor_ruler(nlp, ActorKB.load())
    nlp.to_disk(tmp_path / "pipe")
    again = spacy.load(tmp_path / "pipe")  # the component rebuilds its KB from its config
    doc = again("JNIM fighters attacked Malian soldiers.")
    assert [(s.text, s.kb_id_) for s in doc.spans["actors"]] == [
        ("JNIM", "JNIM: Group for Support of Islam and Muslims"),
        ("fighters", "armed_group"),
        ("Malian soldiers", "state_military|Mali"),
    ]


def test_factory_and_user_file(tmp_path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text("actors:\n  - name: Katiba Exemple\n    inter: Rebel group\n    aliases: [Katiba Exemple]\n")
    nlp = spacy.blank("en")
    add_actor_ruler(nlp, ActorKB.load([f]))
    assert nlp.pipe_names == ["cw_actor_ruler"]
    doc = nlp("Katiba Exemple fighters attacked.")
    assert [(s.text, s.kb_id_) for s in doc.spans["actors"]][0] == ("Katiba Exemple", "Katiba Exemple")
    add_actor_ruler(nlp, ActorKB.load())  # refreshing keeps one component
    assert nlp.pipe_names == ["cw_actor_ruler"]
    doc = nlp("Katiba Exemple fighters attacked.")
    assert all(s.text != "Katiba Exemple" for s in doc.spans["actors"])
    lazy = spacy.blank("en")
    lazy.add_pipe("cw_actor_ruler", config={"actor_files": [str(f)]})
    doc = lazy("Katiba Exemple struck.")
    assert "Katiba Exemple" in {s.kb_id_ for s in doc.spans["actors"]}
