"""Relation shapes of the thirteenth round, in sentences of our own about invented countries."""

from __future__ import annotations

from tests.ingest.triples import items, triples


def test_a_body_that_includes_states_has_them_as_members() -> None:
    found = triples("The Ocean States Forum, which includes Ardonia, Velmar and Kessland, met on Monday.")
    assert {(s, "memberOf", "ocean-states-forum") for s in ("ardonia", "velmar", "kessland")} <= found, found


def test_whose_members_include_names_the_members_of_the_body() -> None:
    found = triples("The Ocean States Forum, whose members include Ardonia and Velmar, met on Monday.")
    assert {("ardonia", "memberOf", "ocean-states-forum"), ("velmar", "memberOf", "ocean-states-forum")} <= found, found


def test_what_a_group_of_people_includes_is_no_membership() -> None:
    # "include" takes only a body as its whole: detainees and allies are no organisation
    for text in ("The detainees include the journalist Tom Beck.", "Her allies include the banker Ivo Marn."):
        assert not any(r == "memberOf" for _, r, _ in triples(text)), text


def test_a_claim_of_innocence_rejects_the_accuser() -> None:
    found = items("Prosecutors charged Ana Kell with treason on Monday. Kell says she has committed no crime.")
    rejected = [i for i in found if i["relation"] == "rejected"]
    assert [(i["subject"], i["object"]) for i in rejected] == [("ana-kell", "prosecutors")], found
    assert rejected[0].get("claimant") is None  # her own rejection, told by the reporter
    assert "committed no crime" in rejected[0]["quote"]


def test_a_lawyer_who_says_his_client_did_nothing_wrong_claims_it() -> None:
    found = items("The Interior Ministry accused Ivo Marn of fraud. His lawyer said he had done nothing wrong.")
    rejected = [i for i in found if i["relation"] == "rejected"]
    assert [(i["subject"], i["object"], i.get("claimant")) for i in rejected] == [
        ("ivo-marn", "interior-ministry", "lawyer")], found


def test_innocence_denied_is_no_rejection() -> None:
    found = triples("Prosecutors charged Ana Kell. She is not innocent, they said. He did nothing.")
    assert not any(r == "rejected" for _, r, _ in found), found


def test_a_detention_takes_the_agent_of_a_near_arrest_of_another() -> None:
    found = triples("The State Security Service arrested the opposition leader Ana Kell on Monday. "
                    "Her deputy, Ivo Marn, was detained on Tuesday.")
    assert ("state-security-service", "detained", "ivo-marn") in found, found


def test_a_detention_far_from_any_arrest_takes_no_agent() -> None:
    filler = " ".join(["The strike went on in the port, and the markets stayed shut."] * 8)
    found = triples(f"The State Security Service arrested Ana Kell on Monday. {filler} Ivo Marn was detained on Tuesday.")
    assert not any(o == "ivo-marn" and r == "detained" and s for s, r, o in found), found


def test_a_call_for_a_prisoner_to_be_freed_supports_him() -> None:
    for text in ("Police arrested the activist Ana Kell. Kell Watch demanded that Kell be freed.",
                 "Police arrested the activist Ana Kell. Kell Watch called for Kell to be released.",
                 "Police arrested the activist Ana Kell. Kell Watch demanded her release."):
        assert ("kell-watch", "supported", "ana-kell") in triples(text), text


def test_a_call_on_someone_to_free_a_prisoner_is_an_appeal_to_him() -> None:
    found = triples("Police arrested the activist Ana Kell. Kell Watch urged the government to release Kell.")
    assert ("kell-watch", "appealedTo", "government") in found and not any(r == "supported" for _, r, _ in found), found


def test_a_body_a_country_hopes_to_join_has_no_member_yet() -> None:
    # the model's lemmatizer reads "hopes" as "hop"; nlp.py sets it right, so the wish stays a wish
    found = triples("Dalmora applied to the Assembly of Coastal Democracies, which Dalmora hopes to join.")
    assert not any(r == "memberOf" for _, r, _ in found), found


def test_questioned_without_her_lawyer_is_no_advice() -> None:
    found = items("Police questioned Rosa Ilabaca for four hours without her lawyer.")
    advice = [i for i in found if i["relation"] == "advised"]
    assert advice and all(i.get("negated") is True for i in advice), found


def test_a_typographic_apostrophe_reads_as_a_plain_one_and_the_quote_keeps_it() -> None:
    found = items("Reval\u2019s two nephews, Oskar Lind and Pavel Marr, were dismissed on Monday.")
    kin = {(i["subject"], i["object"]): i["quote"] for i in found if i["relation"] == "familyOf"}
    assert set(kin) == {("oskar-lind", "reval"), ("pavel-marr", "reval")}, found
    assert all("Reval\u2019s" in q for q in kin.values())  # cut from the text as written


def test_names_listed_after_a_plural_kin_noun_are_its_holders() -> None:
    # the parser coordinates "nephews" with the names instead of setting them in apposition
    for text in ("Reval's nephews, Oskar Lind and Pavel Marr, were dismissed.",
                 "Halm's two sons-in-law, Oskar Lind and Pavel Marr, lost their posts."):
        found = triples(text)
        kin = {(s, o) for s, r, o in found if r == "familyOf"}
        assert {s for s, _ in kin} == {"oskar-lind", "pavel-marr"}, (text, found)


def test_an_order_to_hold_someone_is_his_detention_by_whoever_gives_it() -> None:
    for text in ("The Varn City Court ordered Kairat Dorn held in pre-trial detention for two months.",
                 "The Varn City Court ordered that Kairat Dorn be kept in custody."):
        assert ("varn-city-court", "detained", "kairat-dorn") in triples(text), text
    # an order to others to hold something is no detention by the one who orders it
    assert not any(r == "detained" for _, r, _ in triples("Reval ordered the Varn Guard to hold the airport."))


def test_a_body_announcing_the_resignation_of_its_chairman_is_the_one_he_left() -> None:
    found = triples("The chamber, Atameken, announced the resignation of its chairman, Timur Kulibayev.")
    assert ("timur-kulibayev", "resignedFrom", "atameken") in found, found
    assert ("atameken", "resignedFrom", "timur-kulibayev") not in found


def test_a_peoples_adjective_before_led_names_the_leading_state() -> None:
    # "a Russian-led military alliance" is a known form of the CSTO: the adjective inside it still names Russia
    actors = {"csto": {"type": "MilitaryAlliance", "label": "Collective Security Treaty Organisation",
                       "aliases": ["CSTO", "Russian-led military alliance"]},
              "russia": {"type": "State", "label": "Russia", "aliases": []}}
    found = items("Tokayev appealed for a Russian-led military alliance to send peacekeepers.", actors)
    headed = [i for i in found if i["relation"] == "headed"]
    assert [(i["subject"], i["object"]) for i in headed] == [("russia", "csto")], found
    assert headed[0]["quote"].startswith("Russian-led")


def test_a_phrase_between_dashes_is_an_apposition() -> None:
    found = triples("Protesters marched on Monday. Ms Ilse Marrow - the daughter of Gustav Halm - denied it.")
    assert ("ilse-marrow", "familyOf", "gustav-halm") in found, found


def test_a_dashed_clause_stays_a_clause() -> None:
    found = triples("Amid talk of a rift - a number of Halm's relatives were sacked after the unrest - Reval spoke.")
    assert not any(s == "reval" for s, _, _ in found), found


def test_a_kin_noun_whose_possessor_shares_the_relative_s_family_name() -> None:
    found = triples("President Ali Bongo Ondimba was detained. Oligui guarded Bongo's late father, Omar Bongo.")
    assert ("omar-bongo", "familyOf", "ali-bongo-ondimba") in found, found


def test_a_state_dominated_body_is_controlled_by_it() -> None:
    found = triples("Armenia froze its part in the Russian-dominated Collective Security Treaty Organisation on Friday.")
    assert ("russia", "controls", "collective-security-treaty-organisation") in found, found


def test_sheikh_is_part_of_a_name() -> None:
    found = items("Protesters called for Prime Minister Sheikh Hasina's resignation.")
    assert any(i["object"] == "sheikh-hasina" for i in found), found


def test_a_post_taken_or_moved_names_the_body_its_holder_heads() -> None:
    cases = {"Anton Reval took over the post of chairman of the State Council on Monday.": ("anton-reval", "state-council"),
             "Anton Reval kept the State Council position.": ("anton-reval", "state-council"),
             "Anton Reval removed Oskar Lenz from the SPB chairman post.": ("oskar-lenz", "spb"),
             "Anton Reval replaced Gustav Halm on the post of chairman of the State Council.": ("anton-reval", "state-council")}
    for text, (holder, body) in cases.items():
        assert (holder, "headed", body) in triples(text), (text, triples(text))


def test_a_deputys_post_and_a_post_left_are_no_headship() -> None:
    assert not any(r == "headed" for _, r, _ in triples(
        "Anton Reval removed Oskar Lenz from the post of first deputy chairman of the State Council."))
    assert ("gustav-halm", "headed", "state-council") not in triples(
        "Anton Reval replaced Gustav Halm on the post of chairman of the State Council.")


def test_a_closer_speaker_keeps_his_clause_from_a_later_according_to() -> None:
    found = items("Vladimir Putin congratulated Shavkat Mirziyoyev on his victory and spoke to him by phone, the "
                  "Kremlin said, and Xi Jinping praised their friendship, according to Chinese state television.")
    claims = {i["relation"]: i.get("claimant") for i in found if i["subject"] == "vladimir-putin"}
    assert claims and set(claims.values()) == {"kremlin"}, found


def test_a_double_name_the_recogniser_missed_is_one_person() -> None:
    found = triples("Adunla's president, Emeka Ranti-Obi, said Adunla would not intervene.")
    assert ("emeka-ranti-obi", "headed", "adunla") in found, found
