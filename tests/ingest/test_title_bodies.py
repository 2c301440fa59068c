"""The body a title implies, on wire-style sentences written for these tests (a fictional crisis in Morvania).

"President X" heads the country the text is about: a former head of that country named by the text
does not keep its present president from it, and a description the coreference gave a foreign
country ("the state") does not make that country the text's. "The junta's leader X", where the
word is no mention of its own, heads the body the text names with the word, and no body when it names none.
"""

from __future__ import annotations

from typing import Any

from graph.ingest.mentions.bodies import DocumentBodies
from graph.ingest.extract import extract
from graph.ingest.mentions.linking import known_actors
from graph.ingest.mentions.finder import slug
from graph.ingest.nlp import parse


def _headed(text: str) -> set[tuple[str, str]]:
    found = extract(parse(text), {"morvania": {"type": "State", "label": "Morvania", "aliases": []}})
    return {(c["subject"], found["actors"][c["object"]]["label"]) for c in found["candidates"]
            if c["relation"] == "headed" and c["object"] is not None}


def test_a_former_leader_of_the_country_leaves_its_president_to_it() -> None:
    text = ("Ilya Brun, the former leader of Morvania, was questioned on Monday. "
            "President Oskar Wend ordered a Morvanian inquiry into the shootings in Telka.")
    headed = _headed(text)
    assert ("oskar-wend", "Morvania") in headed and ("ilya-brun", "Morvania") in headed


def test_a_present_leader_of_the_country_still_keeps_another_president_from_it() -> None:
    text = ("Ilya Brun, the leader of Morvania, was questioned on Monday. "
            "President Oskar Wend ordered a Morvanian inquiry into the shootings in Telka.")
    assert ("oskar-wend", "Morvania") not in _headed(text)


def _mention(actor: str, text: str) -> dict[str, Any]:
    return {"actors": [actor], "text": text, "start": 0, "end": len(text)}


def test_a_description_given_to_a_country_does_not_make_it_the_texts() -> None:
    actors = {"morvania": {"type": "State", "label": "Morvania", "aliases": []},
              "talsk": {"type": "State", "label": "Talsk", "aliases": ["the republic"]}}
    guessed = DocumentBodies([_mention("morvania", "Morvania"), _mention("talsk", "Talsk"),
                              _mention("talsk", "the state")], actors)
    assert guessed.get("country")["actors"] == ["morvania"]  # type: ignore[index]
    known = DocumentBodies([_mention("morvania", "Morvania"), _mention("talsk", "Talsk"),
                            _mention("talsk", "the republic")], actors)
    assert known.get("country")["actors"] == ["talsk"]  # type: ignore[index]


def test_a_titles_common_noun_names_the_body_the_text_names_with_it() -> None:
    text = ("TELKA, March 3 - Morvania's military rulers have dismissed the interior minister, the junta said on "
            "Tuesday. The junta's leader, General Ilya Brun, who took power in a coup last year, named a cousin to the post.")
    assert ("ilya-brun", "junta") in _headed(text)


def test_a_titles_common_noun_names_no_body_the_text_does_not_name() -> None:
    text = ("TELKA, March 3 - Morvania's military rulers have dismissed the interior minister. The junta's leader, "
            "General Ilya Brun, who took power in a coup last year, named a cousin to the post.")
    assert not {pair for pair in _headed(text) if pair[0] == "ilya-brun"}


def test_declaring_oneself_head_of_state_heads_the_country() -> None:
    text = ("TELKA, March 3 - Morvania's army seized the capital. General Ilya Brun, who declared himself head of "
            "state after the coup, closed the borders.")
    assert ("ilya-brun", "Morvania") in _headed(text)


def _headed_new(text: str) -> set[tuple[str, str]]:
    found = extract(parse(text), {})
    return {(c["subject"], found["actors"][c["object"]]["label"]) for c in found["candidates"]
            if c["relation"] == "headed" and c["object"] is not None}


def test_the_dateline_gives_the_country_of_an_unqualified_president() -> None:
    text = ("TELKA, Varossa, June 3 (Harbour Wire) - Riot police cleared the main square of Telka on Tuesday. "
            "President Oskar Wend said the protesters had been paid by foreign agents.")
    assert ("oskar-wend", "Varossa") in _headed_new(text)


def test_a_country_the_text_names_by_its_possessions_is_the_presidents() -> None:
    text = ("Strikes spread across Varossa on Monday as Varossa's three main union federations shut the ports. "
            "President Oskar Wend told parliament he would not withdraw the pension reform.")
    assert ("oskar-wend", "Varossa") in _headed_new(text)


def test_a_town_is_not_the_country_of_the_president() -> None:
    text = ("Telka, a port city of 80,000, was quiet on Monday after a night of clashes in Telka's old town. "
            "President Oskar Wend flew to Telka and promised an inquiry. Shops in Telka stayed shut.")
    assert not any(body == "Telka" for _, body in _headed_new(text))


_VAROSSA = "TELKA, Varossa, June 3 (Harbour Wire) - Riot police cleared the main square of Telka on Tuesday. "


def test_a_prime_minister_heads_the_government_of_the_country_a_text_speaks_of() -> None:
    text = _VAROSSA + ("Prime Minister Lena Ostrova cut short a visit abroad. A government spokesman said she "
                       "would address the nation on Wednesday.")
    assert ("lena-ostrova", "Government of Varossa") in _headed_new(text)


def test_a_prime_minister_heads_the_government_of_the_country_where_the_text_speaks_of_none() -> None:
    text = _VAROSSA + "Prime Minister Lena Ostrova said the protesters had been paid by foreign agents."
    assert ("lena-ostrova", "Government of Varossa") in _headed_new(text)


def test_a_premier_a_countrys_name_qualifies_heads_no_government_of_the_text() -> None:
    text = _VAROSSA + "Estmark premier Karl Brenn urged restraint. Prime Minister Lena Ostrova thanked him."
    headed = _headed_new(text)
    assert ("lena-ostrova", "Government of Varossa") in headed
    assert not any(who == "karl-brenn" and body.startswith("Government") for who, body in headed)


def test_a_former_minister_still_heads_the_ministry_of_his_title() -> None:
    text = _VAROSSA + "Karl Brenn, a former finance minister, called for calm in Telka."
    assert ("karl-brenn", "Varossa Finance Ministry") in _headed_new(text)


def test_a_foreign_prime_minister_does_not_head_the_texts_government() -> None:
    text = _VAROSSA + ("Estmark Prime Minister Karl Brenn urged restraint. The government in Telka said it "
                       "would lift the curfew on Friday.")
    assert not any(who == "karl-brenn" and body.startswith("Government") for who, body in _headed_new(text))


def test_a_foreign_leader_heads_the_country_his_title_names_by_a_word_alone() -> None:
    text = _VAROSSA + "Dravic President Marek Solvay telephoned the president to offer help."
    assert ("marek-solvay", "Dravic") in _headed_new(text)


def test_a_regional_president_does_not_head_the_country() -> None:
    text = _VAROSSA + "Anna Roth, the regional president, said the vote would go ahead."
    assert not any(who == "anna-roth" and body == "Varossa" for who, body in _headed_new(text))


def test_a_datelines_capitals_are_not_the_country() -> None:
    actors = {"telka": {"type": "State", "label": "Telka"}, "varossa": {"type": "State", "label": "Varossa"}}
    dateline = {"actors": ["telka"], "text": "TELKA", "start": 0, "end": 5}
    named = {"actors": ["varossa"], "text": "Varossa", "start": 60, "end": 67}
    bodies = DocumentBodies([dateline, named], actors, "TELKA - ...")
    assert bodies.get("country")["actors"] == ["varossa"]


def test_the_leader_of_a_foreign_led_force_is_not_the_texts_country() -> None:
    found = extract(parse("The Estmark-led alliance sent troops to Varossa on Monday. The Estmark-led force guarded "
                          "the airport. President Oskar Wend thanked the alliance."),
                    {"estmark": {"type": "State", "label": "Estmark", "aliases": []},
                     "varossa": {"type": "State", "label": "Varossa", "aliases": []}})
    assert ("oskar-wend", "varossa") in {(c["subject"], c["object"]) for c in found["candidates"] if c["relation"] == "headed"}


def test_a_body_the_text_calls_the_one_is_no_country() -> None:
    text = ("Riot police cleared the square on Monday. The Senate's speaker, the Senate's oldest member and the "
            "Senate's clerk resigned. President Oskar Wend said the Senate would meet on Friday.")
    assert not any(body == "Senate" for _, body in _headed_new(text))


def test_a_former_minister_is_no_member_of_the_texts_government() -> None:
    found = extract(parse("The government of Varossa resigned on Monday. Karl Brenn, a former finance minister, "
                          "called for calm."), {})
    assert not any(c["subject"] == "karl-brenn" and c["relation"] == "memberOf" for c in found["candidates"])


def test_of_two_unqualified_presidents_the_one_named_less_is_foreign() -> None:
    text = _VAROSSA + ("President Oskar Wend imposed a curfew. Wend said the army would stay in Telka, and Wend's "
                       "spokesman said the curfew would last a week. President Ilkka Saari telephoned Wend on Tuesday.")
    headed = _headed_new(text)
    assert ("oskar-wend", "Varossa") in headed and ("ilkka-saari", "Varossa") not in headed


def test_a_successor_and_the_late_president_both_head_the_country() -> None:
    text = _VAROSSA + ("State television said President Oskar Wend had died. Mara Vell, the speaker, was sworn in "
                       "as acting president. Vell said Vell would call an election. Vell met the army chief.")
    headed = _headed_new(text)
    assert ("oskar-wend", "Varossa") in headed


def test_the_texts_own_prime_minister_titled_by_its_name_heads_its_government() -> None:
    text = ("Varossa's Prime Minister Lena Ostrova sacked two ministers on Monday. Varossa's opposition called "
            "for an election, and Varossa's unions backed the call. A government spokesman declined to comment.")
    assert ("lena-ostrova", "Government of Varossa") in _headed_new(text)


def test_the_places_a_country_holds_and_not_a_foreign_adjective_name_the_texts_country() -> None:
    actors = {"est": {"type": "State", "label": "Estmark"}, "var": {"type": "State", "label": "Varossa"},
              "telka": {"type": "Place", "label": "Telka", "in": ["var"]}}
    mentions = [{**_mention("est", "Estmark"), "kind": "demonym"}, {**_mention("est", "Estmark"), "kind": "demonym"},
                {**_mention("est", "Estmark"), "kind": "name"}, {**_mention("var", "Varossa"), "kind": "name"},
                {**_mention("telka", "Telka"), "kind": "name"}, {**_mention("telka", "Telka"), "kind": "name"}]
    assert DocumentBodies(mentions, actors, "").get("country")["actors"] == ["var"]


def test_the_corpus_puts_its_places_in_their_country(tmp_path: Any) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "assertions.yaml").write_text(
        "actors:\n  telka: {type: Place, label: Telka}\n  varossa: {type: State, label: Varossa}\n"
        "assertions:\n  - {id: telka-in-varossa, subject: telka, relation: partOf, object: varossa}\n", encoding="utf-8")
    assert known_actors(tmp_path)["telka"]["in"] == ["varossa"]


def _claims(text: str) -> set[tuple[str, str, str]]:
    found = extract(parse(text), {"morvania": {"type": "State", "label": "Morvania", "aliases": []}})
    return {(c["subject"], c["relation"], found["actors"][c["object"]]["label"]) for c in found["candidates"]
            if c["object"] is not None}


def test_a_ministers_title_heads_a_ministry_the_text_never_names() -> None:
    text = ("TELKA, March 3 - Morvanian police fired on striking dockers in Telka on Monday. Interior Minister "
            "Pavel Strom defended the officers. The government met on Tuesday. Morvania is calm.")
    found = extract(parse(text), {"morvania": {"type": "State", "label": "Morvania", "aliases": []}})
    claims = {(c["subject"], c["relation"], found["actors"][c["object"]]["label"]) for c in found["candidates"]
              if c["object"] is not None}
    assert ("pavel-strom", "headed", "Morvanian Interior Ministry") in claims
    assert not {c for c in claims if c[0] == "pavel-strom" and c[1] == "memberOf"}  # the text never says so
    ministry = found["actors"][slug("Morvanian Interior Ministry")]
    assert ministry["proposed"] and "Interior Minister" in ministry["aliases"]


def test_a_deputy_minister_is_a_member_of_the_ministry_of_his_title() -> None:
    text = ("Deputy Finance Minister Lena Vasko resigned over the grain contracts in Morvania on Friday. "
            "Morvania's parliament will debate the budget next week.")
    claims = _claims(text)
    assert ("lena-vasko", "memberOf", "Morvania Finance Ministry") in claims  # the text has no "Morvanian"
    assert not {c for c in claims if c[0] == "lena-vasko" and c[1] == "headed"}


def test_a_ministry_the_text_names_is_the_one_of_the_title() -> None:
    text = ("The Morvanian defence ministry said troops had left Telka. Defence Minister Ivo Harl "
            "thanked the soldiers. Morvania is calm.")
    claims = _claims(text)
    assert {c[2] for c in claims if c[:2] == ("ivo-harl", "headed")} == {"morvanian defence ministry"}


def test_a_foreign_ministers_title_names_his_own_countrys_ministry() -> None:
    claims = _claims("Ruvalan Defence Minister Goran Pesh visited Telka on Monday. Morvania is calm. Morvania thanked him.")
    assert {c[2] for c in claims if c[:2] == ("goran-pesh", "headed")} == {"Ruvalan Defence Ministry"}
