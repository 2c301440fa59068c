"""A wire's lede that names an office before its holder: "Velmora's president sacked two ministers" (sentences of our
own about the fictional Velmora); the holder is the one the text names later with that title."""

from __future__ import annotations

from tests.ingest.triples import items

LEDE = ("Velmora's president sacked two ministers on Monday after a week of protests.\n\n"
        "Crowds gathered again in the capital, Tarn.\n\n"
        "President Anton Brisk said he had acted to restore order.")


def test_the_lede_office_is_its_holder_named_later() -> None:
    found = {(i["subject"], i["relation"], i["object"], i["quote"]) for i in items(LEDE)}
    assert ("anton-brisk", "dismissed", "ministers", "Velmora's president sacked two ministers") in found, found
    assert ("anton-brisk", "headed", "velmora", "Velmora's president") in found, found


def test_not_a_holder_of_another_country() -> None:
    text = ("Velmora's president thanked the troops on Monday.\n\n"
            "Russian President Vladimir Putin had sent them at his request.")
    assert not any(i["subject"] == "putin" and i["relation"] in ("thanked", "headed") and i["object"] != "russia"
                   for i in items(text)), items(text)


def test_not_a_role_the_first_sentence_gives_as_such() -> None:
    # "as Velmora's president": the role of the sentence's subject, not a holder the lede waits for
    text = ("Ana Sol went on television as Velmora's president and ended the day in a cell.\n\n"
            "The assembly's president, Piet Hol, said the vote was void.")
    assert not any(i["subject"] == "piet-hol" and i["object"] == "velmora" for i in items(text)), items(text)


def test_a_rulers_son_in_the_lede() -> None:
    # "the son of Velmora's long-time ruler": the ruler is the head the text names later
    text = ("Oskar Brisk, the son of Velmora's long-time ruler, has won the presidential election.\n\n"
            "Velmoran voters had little choice. President Anton Brisk, 74, had said he would step aside.")
    found = {(i["subject"], i["relation"], i["object"]) for i in items(text)}
    assert ("oskar-brisk", "familyOf", "anton-brisk") in found, found
