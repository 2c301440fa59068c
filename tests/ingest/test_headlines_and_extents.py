"""A fact its headline and its body both state is quoted from the body; names the recogniser runs over a verb or
a day are cut back (sentences of our own about the fictional Velmora)."""

from __future__ import annotations

from graph.ingest import candidates_for_text
from tests.ingest.triples import items

REPORT = ("Velmora's parliament suspends President Koval\n\n"
          "TARN - Velmora's parliament voted on Wednesday to suspend President Marek Koval, accusing him of "
          "breaking the constitution.")


def test_the_bodys_statement_over_the_headlines() -> None:
    heads = [i for i in items(REPORT) if i["relation"] == "headed" and i["object"] == "velmora"]
    assert [i["quote"] for i in heads] == ["President Marek Koval"], heads
    suspended = [i for i in items(REPORT) if i["relation"] == "dismissed"]
    assert suspended and all("voted" in str(i["quote"]) for i in suspended), suspended


def test_a_name_ends_before_a_verb_the_recogniser_ran_over() -> None:
    labels = {a["label"] for a in candidates_for_text(
        "Agents of the Integrity Commission led Karim Haddadi out of the headquarters.", {})["actors"].values()}
    assert {"Integrity Commission", "Karim Haddadi"} <= labels, labels


def test_a_day_is_no_part_of_a_name() -> None:
    actors = candidates_for_text("On Tuesday Maria Zakharova, a spokeswoman, said so.", {})["actors"]
    assert "maria-zakharova" in actors and not any("tuesday" in k for k in actors), actors
