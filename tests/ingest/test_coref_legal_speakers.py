"""A speaker of the law does not report her own charge, in sentences of our own: in "Prosecutor-General Aurora Velt
said he had been charged with treason", "he" is the general named before, and she is the one who charged him."""

from __future__ import annotations

from tests.ingest.triples import triples

TEXT = ("General Ilias Vorne was arrested at his home on Tuesday. Prosecutor-General Aurora Velt said on Wednesday "
        "that he had been charged with treason.")


def test_the_charged_man_is_not_the_prosecutor() -> None:
    found = triples(TEXT)
    assert ("aurora-velt", "charged", "ilias-vorne") in found, found
    assert not any(o == "aurora-velt" and r == "charged" for _, r, o in found), found


def test_a_speaker_of_no_office_of_the_law_may_be_the_one() -> None:
    # "Reval said he had been detained for a week": the speaker himself
    found = triples("Anton Reval, a miners' leader, said he had been detained for a week by the police.")
    assert ("police", "detained", "anton-reval") in found, found
