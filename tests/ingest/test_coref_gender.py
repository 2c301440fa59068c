"""Gender from a reflexive naming ("introduced himself as Captain Varo") and a strong gender that object
pronouns do not outvote, on sentences written for these tests (a fictional crisis in Varossa)."""

from __future__ import annotations

from graph.ingest.coreference.gender import genders
from graph.ingest.mentions.finder import find_mentions
from graph.ingest.nlp import parse


def test_a_reflexive_naming_genders_the_name_against_later_object_pronouns() -> None:
    doc = parse("Nora Kell was held for a month. An investigator who introduced himself only as Captain Varo "
                "questioned her every night. Two former detainees say Varo runs the unit. The service charged her "
                "with treason and a court refused her bail.")
    found = find_mentions(doc, {})
    sexes = genders(doc, found["mentions"], found["actors"])
    assert sexes.get("varo") == "male"


def test_a_person_described_after_the_name_takes_the_later_pronouns_votes() -> None:
    doc = parse("The prosecutor, Ilse Marn, said her office had charged the 79-year-old with fraud, and that his son "
                "and his nephew had been questioned.")
    found = find_mentions(doc, {})
    assert genders(doc, found["mentions"], found["actors"]).get("ilse-marn") == "female"


def test_the_possessor_of_a_role_said_of_a_person_is_someone_else() -> None:
    doc = parse("Ilse Marn was dismissed on Monday. A decree named Ivo Brenn as her successor. Brenn has served two "
                "years; his predecessors were also removed.")
    found = find_mentions(doc, {})
    assert genders(doc, found["mentions"], found["actors"]).get("ivo-brenn") == "male"
