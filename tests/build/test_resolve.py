"""Entity resolution: which actors of different sources are proposed as one, and on what evidence."""

from __future__ import annotations

from rdflib import URIRef

from graph.build.assertions import Actor
from graph.build.resolve import Tie, likely_duplicates
from ontology import PG


def actor(ident: str, cls: URIRef, label: str, *aliases: str) -> Actor:
    return Actor(ident, cls, label, aliases, None, "test.yaml", 1)


def pairs(actors: list[Actor], **options: object) -> dict[tuple[str, str], list[str]]:
    found = likely_duplicates({a.id: a for a in actors}, **options)  # type: ignore[arg-type]
    return {(d["a"], d["b"]): d["evidence"] for d in found}


def test_spellings_and_titles_of_one_person() -> None:
    found = pairs([actor("masimov", PG.Person, "Karim Masimov", "Masimov"),
                   actor("karim-massimov", PG.Person, "Karim Massimov"),
                   actor("tokayev", PG.Person, "Kassym-Jomart Tokayev"),
                   actor("president-tokayev", PG.Person, "President Tokayev")])
    assert set(found) == {("karim-massimov", "masimov"), ("president-tokayev", "tokayev")}
    assert "similar names: 'karim massimov' / 'karim masimov' (last names 0.93)" in found[("karim-massimov", "masimov")]


def test_acronyms_and_full_names() -> None:
    found = pairs([actor("csto", PG.MilitaryAlliance, "CSTO"),
                   actor("collective-security-treaty-organization", PG.MilitaryAlliance,
                         "Collective Security Treaty Organization"),
                   actor("knb", PG.SecurityService, "KNB"),
                   actor("national-security-committee", PG.PublicBody, "National Security Committee")])
    assert found == {("collective-security-treaty-organization", "csto"):
                     ["acronym: 'Collective Security Treaty Organization' / 'CSTO'"]}  # KNB is Russian: not from names


def test_an_acronym_of_another_language_is_found_by_shared_ties() -> None:
    actors = [actor("knb", PG.SecurityService, "KNB"),
              actor("national-security-committee", PG.PublicBody, "National Security Committee")]
    one: set[Tie] = {("in", "headed", "masimov"), ("out", "detained", "abish")}
    assert pairs(actors, ties={"knb": one, "national-security-committee": {("in", "headed", "masimov")}}) == {}
    found = pairs(actors, ties={"knb": one, "national-security-committee": set(one)})
    assert found == {("knb", "national-security-committee"): ["shared tie: both detained abish",
                                                              "shared tie: masimov headed both"]}


def test_incompatible_types_and_judged_pairs_are_never_proposed() -> None:
    people = [actor("solen", PG.Person, "Mira Solen"), actor("mirek", PG.Person, "Mirek Solen"),
              actor("solen-group", PG.Organisation, "Solen")]
    assert set(pairs(people)) == {("mirek", "solen")}
    assert pairs(people, judged={frozenset(("mirek", "solen")): "not-same"}) == {}


def test_a_merged_actor_lends_its_names_to_the_kept_one() -> None:
    actors = [actor("dravic", PG.Person, "Anton Dravic"), actor("dravitch", PG.Person, "Antun Dravitch"),
              actor("dravitsch", PG.Person, "A. Dravitsch", "Dravitsch")]
    found = pairs(actors, merged={"dravitch": "dravic"}, judged={frozenset(("dravic", "dravitch")): "same"})
    assert set(found) == {("dravic", "dravitsch")}
    assert any("'antun dravitch'" in e for e in found[("dravic", "dravitsch")])
