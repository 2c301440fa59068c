"""Relation shapes of the fourteenth round, in sentences of our own about invented people."""

from __future__ import annotations

from graph.ingest import candidates_for_text
from tests.ingest.triples import items, triples


def test_a_state_the_lexicon_knows_is_a_state_whatever_the_recogniser_says() -> None:
    # the small model tags "Tajikistan" NORP and "Senegal" at times not at all: the lexicon's states are States
    found = items("Police clashed with protesters in the Senegalese capital Dakar, a day after President Amadou Fall "
                  "delayed the vote.")
    heads = [(i["subject"], i["object"]) for i in found if i["relation"] == "headed"]
    assert heads == [("amadou-fall", "senegal")], found


def test_the_president_of_a_region_is_not_its_head_when_the_text_names_his_country() -> None:
    text = ("Clashes broke out in the Upper Karsh Autonomous Region. Residents of Lorak, the capital of Upper Karsh, "
            "oppose President Emil Davran, who has led Tajikistan since 1994.")
    heads = {(s, o) for s, r, o in triples(text) if r == "headed"}
    assert heads == {("emil-davran", "tajikistan")}, heads


def test_names_apposed_to_a_plural_noun_are_its_parties() -> None:
    found = triples("Journalists Ana Kell and Mira Dost called on the authorities to release the detainees.")
    assert {("ana-kell", "appealedTo", "authorities"), ("mira-dost", "appealedTo", "authorities")} <= found, found
    assert ("journalists", "appealedTo", "authorities") not in found


def test_his_deputies_served_under_him() -> None:
    found = triples("Security chief Ivo Marn and his two deputies were detained by the Interior Ministry.")
    assert ("deputies", "servedUnder", "ivo-marn") in found, found
    assert not any(s == "deputies" and r == "servedUnder" for s, r, _ in triples(
        "The Unity Party said its deputies would vote against the bill.")), "a body's deputies are its members"


def test_a_report_after_a_time_word_is_no_frame_for_the_main_clause() -> None:
    # the small model at times makes "announced" of "a day after X announced" the root and the main clause its
    # complement; the mark "after" says it is no report. The misparse, built by hand:
    from spacy.tokens import Doc

    from graph.ingest.context.clause import speaker
    from graph.ingest.nlp import load_pipeline

    words = ["Police", "detained", "Kell", ",", "a", "day", "after", "Fall", "announced", "a", "ban", "."]
    heads = [1, 8, 1, 8, 5, 8, 8, 8, 8, 10, 8, 8]
    deps = ["nsubj", "ccomp", "dobj", "punct", "det", "npadvmod", "mark", "nsubj", "ROOT", "det", "dobj", "punct"]
    pos = ["NOUN", "VERB", "PROPN", "PUNCT", "DET", "NOUN", "SCONJ", "PROPN", "VERB", "DET", "NOUN", "PUNCT"]
    lemmas = ["police", "detain", "Kell", ",", "a", "day", "after", "Fall", "announce", "a", "ban", "."]
    doc = Doc(load_pipeline().vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    assert speaker(doc[1]) is None
    doc[6].dep_ = "nsubj"  # the same words without the mark: Fall's report
    doc[6].head = doc[5]
    assert speaker(doc[1]) is not None and speaker(doc[1]).text == "Fall"


def test_the_holder_the_parser_hangs_on_the_body_after_of_heads_it() -> None:
    found = triples("The bill was signed by the speaker of parliament, Jonas Wehr, on Monday.")
    assert ("jonas-wehr", "headed", "parliament") in found, found
    found = triples("Ana Kell, the head of the gas company Norgaz, was detained.")  # a body's own name still wins
    assert ("ana-kell", "headed", "norgaz") in found, found


def test_the_country_named_inside_other_names_counts_as_named() -> None:
    # Tajikistan has no mention of its own here (only "Tajikistan's Supreme Court" and a party's name), China one
    text = ("Tajikistan's Supreme Court jailed the leader of the Democratic Party of Tajikistan on Monday. The court "
            "heard that he had written about China. President Emil Davran did not comment.")
    heads = {(s, o) for s, r, o in triples(text) if r == "headed"}
    assert ("emil-davran", "tajikistan") in heads and ("emil-davran", "china") not in heads, heads


def test_a_reaction_to_someones_attempt_or_plan_is_to_him() -> None:
    assert ("ana-kell", "criticised", "ivo-marn") in triples("Ana Kell criticised Ivo Marn's plan to dissolve parliament.")
    assert ("army", "rejected", "ivo-marn") in triples("The army rejected Ivo Marn's attempt to dissolve Congress.")


def test_the_last_item_of_a_list_with_a_comma_before_and_stays_in_the_list() -> None:
    from graph.ingest.nlp import parse

    for text in ("Forces from Ardonia, Velmar, Kessland, and Orlessa arrived in Tarn.",
                 "The Ocean Pact (OP) peacekeeping forces from Ardonia, Velmar, Kessland, and Orlessa were sent home."):
        doc = parse(text)
        orlessa = next(t for t in doc if t.text == "Orlessa")
        assert (orlessa.dep_, orlessa.head.text) == ("conj", "Kessland"), text
    found = triples("Forces from Ardonia, Velmar, Kessland, and Orlessa were sent to Tarn.")
    assert not any(o == "orlessa" for _, _, o in found), found


def test_colleagues_are_a_party() -> None:
    found = triples("Inga Imanbay is a journalist. Police detained three of her colleagues this morning.")
    assert ("police", "detained", "colleagues") in found, found


def test_a_presidents_prime_minister_heads_the_government_and_serves_under_him() -> None:
    found = triples("Serkand's government fell on Monday. President Ravshan Dovletov blamed his prime minister, "
                    "Farrukh Nabiyev, for the crisis in Serkand.")
    assert {("farrukh-nabiyev", "headed", "serkand-government"),
            ("farrukh-nabiyev", "servedUnder", "ravshan-dovletov")} <= found, found
    found = triples("The Kremlin says Vladimir Putin has sent his emergencies minister, Ivan Kurov, to Tarn.")
    assert not any(s == "ivan-kurov" and r == "headed" for s, r, _ in found), "his ministry is of Putin's country"


def test_a_report_between_commas_after_the_object_is_its_sources() -> None:
    found = items("Police on Monday detained the opposition leader Ali Sarn, his party said, in a move that shocked "
                  "many.")
    detained = [i for i in found if i["relation"] == "detained"]
    assert detained and detained[0]["claimant"] is not None, found
    found = items("Police detained Ali Sarn, who said he had done nothing.")  # a relative clause stays one
    assert all(i.get("claimant") is None for i in found if i["relation"] == "detained"), found


def test_a_judge_is_a_member_of_his_court() -> None:
    found = triples("Mara Lind, a former judge of the Constitutional Court, was detained by police.")
    assert ("mara-lind", "memberOf", "constitutional-court") in found, found
    found = triples("The Brenholt District Court heard the case on Monday. Judge Tomas Vell ordered Sella Brandt held.")
    assert ("tomas-vell", "memberOf", "brenholt-district-court") in found, found
    found = triples("In Carneo, a judge in the capital, Andres Pell, freed the men.")  # a place is no body one is of
    assert not any(r == "memberOf" for _, r, _ in found), found


def test_neither_nor_denies_both_acts() -> None:
    found = items("The Council of Officers seized power. Ousmane Diarra neither condemned nor endorsed the Council of "
                  "Officers.")
    acts = {(i["relation"], bool(i.get("negated"))) for i in found if i["subject"] == "ousmane-diarra"}
    assert acts == {("condemned", True), ("supported", True)}, found


def test_an_agent_the_text_denies_is_a_negated_party() -> None:
    found = items("The ministry said protesters had been killed by armed rioters, not by soldiers.")
    killed = {(i["subject"], bool(i.get("negated"))) for i in found if i["relation"] == "killed"}
    assert killed == {("armed-rioters", False), ("soldiers", True)}, found


def test_the_speaker_heads_the_legislature_the_text_names() -> None:
    found = triples("The Solenzan parliament met on Monday. The speaker, Renato Pavesi, said the vote would go ahead.")
    assert ("renato-pavesi", "headed", "solenzan-parliament") in found, found
    found = triples("The rally heard three speakers. The speaker, Renato Pavesi, thanked the crowd.")
    assert not any(r == "headed" for _, r, _ in found), "no legislature named"


def test_a_body_keeps_its_place_among_its_forms() -> None:
    found = candidates_for_text("A court in Tarn sentenced Ana Kell to six years.", {})
    court = next(i["subject"] for i in found["items"] if i["relation"] == "sentenced")
    assert "A court in Tarn" in found["actors"][court]["aliases"], found["actors"][court]




def test_an_autonomous_region_is_not_the_country_of_president_x() -> None:
    text = ("Calm returned to Nukus, the capital of Uzbekistan's autonomous Republic of Karakalpakstan, on Monday. "
            "Karakalpakstan's own parliament met there. Uzbekistan's prosecutors detained protesters in "
            "Karakalpakstan. President Ivo Marn flew to Karakalpakstan.")
    heads = {(s, o) for s, r, o in triples(text) if r == "headed"}
    assert heads == {("ivo-marn", "uzbekistan")}, heads


def test_a_coordinated_role_with_its_own_apposition_has_its_own_holder() -> None:
    found = triples("President Corvin Aldane has sacked his defence minister, Ilias Vorne, and the head of the "
                    "intelligence service, Marta Quell.")
    assert ("marta-quell", "headed", "intelligence-service") in found, found
    assert ("ilias-vorne", "headed", "intelligence-service") not in found, found
