"""Who claims a relation, and whether it is negated or hedged, in the forms wire copy uses (issue 14).

Invented sentences about the fictional Valdoria (the actors of ``tests/ingest/test_extract.py``), one
relation each: the expected claimant (None: the reporter), negation and hedge. The forms: "X said in a
statement that", "according to X", "X, citing Y, reported", "X told reporters", quoted speech with the
speaker after or before the quote, a speaker in the previous sentence, "X claimed/alleged/insisted/
denied", "officials said", "it was reported", "reportedly", "allegedly", "is believed to", "X accused
Y of ...", the reporter's background inside a speaker's sentence, headlines, datelines and live-blog
time stamps.
"""

from __future__ import annotations

from typing import Any

import pytest

from graph.ingest import candidates_for_text
from tests.ingest.test_extract import ACTORS

_CACHE: dict[str, dict[str, Any]] = {}


def _result(text: str) -> dict[str, Any]:
    if text not in _CACHE:
        _CACHE[text] = candidates_for_text(text, ACTORS)
    return _CACHE[text]


def statement(text: str, subject: str, relation: str, obj: str) -> tuple[str | None, bool, bool]:
    """(the claimant's label or None for the reporter, negated, hedged) of the relation in ``text``."""
    result = _result(text)
    hits = [i for i in result["items"] if (i["subject"], i["relation"], i.get("object")) == (subject, relation, obj)]
    assert hits, f"no {subject} {relation} {obj} in {text!r}: " + "; ".join(
        f"{i['subject']} {i['relation']} {i.get('object')}" for i in result["items"])
    item = hits[0]
    who = item.get("claimant")
    label = None if who is None else str(result["actors"].get(who, {}).get("label", who))
    hedged = item["status"] == "disputed" or "hedged by" in item.get("review_note", "")
    return label, bool(item.get("negated")), hedged


R = None  # the reporter
_INTRO = "Ilya Marek ran the SBV until May.\n\nHe spoke to the Northern Wire in Tarn.\n\n"  # an interview's
ARRESTED = ("police", "arrested", "dorn")

FORMS = [  # (id, text, relation, claimant label, negated, hedged)
    # a reporting verb and its that-clause
    ("said-in-a-statement", "Ilya Marek said in a statement that the police had arrested Oskar Dorn.",
     ARRESTED, "Ilya Marek", False, False),
    ("in-a-statement-said", "In a statement, the SBV said the police had released Lena Vasko.",
     ("police", "released", "vasko"), "SBV", False, False),
    ("told-reporters", "Ilya Marek told reporters that the SBV had arrested Oskar Dorn.",
     ("sbv", "arrested", "dorn"), "Ilya Marek", False, False),
    ("told-reporters-no-that", "Lena Vasko told reporters the police had beaten Oskar Dorn.",
     ("police", "assaulted", "dorn"), "Lena Vasko", False, False),
    ("confirmed-that", "The SBV confirmed that the police had arrested Oskar Dorn.", ARRESTED, "SBV", False, False),
    ("announced", "Ilya Marek announced that he had sacked Oskar Dorn.", ("marek", "dismissed", "dorn"),
     "Ilya Marek", False, False),
    ("said-on-day", "The SBV said on Friday that the police had released Lena Vasko.",
     ("police", "released", "vasko"), "SBV", False, False),
    ("claimed", "Lena Vasko claimed that the police had beaten Oskar Dorn.", ("police", "assaulted", "dorn"),
     "Lena Vasko", False, False),
    ("alleged", "Lena Vasko alleged that the SBV had arrested Oskar Dorn.", ("sbv", "arrested", "dorn"),
     "Lena Vasko", False, False),
    ("insisted-not", "Ilya Marek insisted that he had not sacked Oskar Dorn.", ("marek", "dismissed", "dorn"),
     "Ilya Marek", True, False),
    ("said-without-evidence", "The Northern Pact criticised Ilya Marek, who has said, without offering evidence, "
     "that the SBV had arrested Oskar Dorn.", ("sbv", "arrested", "dorn"), "Ilya Marek", False, False),
    ("split-name", "TARN, May 3 (Northern Wire) - Valdoria's Bureau of Vigilance and Public Order said on Friday "
     "that it had arrested Oskar Dorn.", ("bureau-of-vigilance-and-public-order", "arrested", "dorn"),
     "Bureau of Vigilance and Public Order", False, False),
    ("wrote-online", "Lena Vasko wrote on social media that the police had arrested Oskar Dorn.", ARRESTED,
     "Lena Vasko", False, False),
    ("speaking-in", "Speaking in Tarn on Monday, Ilya Marek said the police had arrested Oskar Dorn.", ARRESTED,
     "Ilya Marek", False, False),
    ("speaking-aside", "Ilya Marek, speaking in Tarn, said the police had released Lena Vasko.",
     ("police", "released", "vasko"), "Ilya Marek", False, False),
    ("it-said-next", "The SBV said on Monday it had arrested Oskar Dorn. It said the police had also detained Lena "
     "Vasko.", ("police", "detained", "vasko"), "SBV", False, False),
    ("age-apposition", "Lena Vasko, 45, said the police had arrested Oskar Dorn.", ARRESTED, "Lena Vasko", False, False),
    ("speaking-to-outlet", "Speaking to the Tarn Courier, Lena Vasko said the police had arrested Oskar Dorn.",
     ARRESTED, "Lena Vasko", False, False),
    ("in-an-interview", "Ilya Marek, in an interview with the Tarn Courier, said the police had arrested Oskar Dorn.",
     ARRESTED, "Ilya Marek", False, False),
    ("told-outlet-that", "Ilya Marek told the Tarn Courier that the police had arrested Oskar Dorn.", ARRESTED,
     "Ilya Marek", False, False),
    ("told-parliament", "Ilya Marek told parliament the police had arrested Oskar Dorn.", ARRESTED, "Ilya Marek",
     False, False),
    ("asked-about", "Ilya Marek, asked about the unrest, said the police had arrested Oskar Dorn.", ARRESTED,
     "Ilya Marek", False, False),
    ("video-online", "In a video posted online, Lena Vasko said the police had arrested Oskar Dorn.", ARRESTED,
     "Lena Vasko", False, False),
    ("statement-from-office", "A statement from Ilya Marek's office said the police had arrested Oskar Dorn.",
     ARRESTED, "Ilya Marek's office", False, False),
    ("issued-statement-saying", "The SBV issued a statement saying the police had arrested Oskar Dorn.", ARRESTED,
     "SBV", False, False),
    ("statement-website", "The SBV said in a statement on its website that the police had arrested Oskar Dorn.",
     ARRESTED, "SBV", False, False),
    ("said-in-statement-adding", "The police arrested Oskar Dorn on Monday, the SBV said in a statement, adding that "
     "Lena Vasko had been released by the police.", ("police", "released", "vasko"), "SBV", False, False),
    ("we-quote", 'Ilya Marek spoke to reporters in Tarn. "We have sacked Oskar Dorn," he said.',
     ("marek", "dismissed", "dorn"), "Ilya Marek", False, False),
    ("press-service", "The police arrested Oskar Dorn, the SBV's press service said.", ARRESTED,
     "SBV's press service", False, False),
    # the reporting clause after the report
    ("trailing-said", "The police arrested Oskar Dorn, the SBV said.", ARRESTED, "SBV", False, False),
    ("inserted-said", "The police, the SBV said, arrested Oskar Dorn on Monday.", ARRESTED, "SBV", False, False),
    ("trailing-told", "The police arrested Oskar Dorn, officials in Tarn told reporters.", ARRESTED,
     "officials in Tarn", False, False),
    ("trailing-confirmed", "Oskar Dorn was arrested by the police, the SBV confirmed.", ARRESTED, "SBV", False, False),
    ("trailing-statement", "The police arrested Oskar Dorn, a statement from the SBV said.", ARRESTED, "SBV",
     False, False),
    ("trailing-television", "The police arrested Oskar Dorn, state television reported.", ARRESTED,
     "state television", False, False),
    ("trailing-name", "The SBV sacked Oskar Dorn on Tuesday, Ilya Marek said.", ("sbv", "dismissed", "dorn"),
     "Ilya Marek", False, False),
    ("trailing-not", "The police did not arrest Oskar Dorn, the SBV said.", ARRESTED, "SBV", True, False),
    ("trailing-office", "Ilya Marek met Lena Vasko in Tarn on Monday, his office said.", ("marek", "met", "vasko"),
     "Ilya Marek's office", False, False),
    ("trailing-lawyer", "The police arrested Oskar Dorn on Monday, his lawyer said.", ARRESTED,
     "lawyer", False, False),  # the lawyer actor that also advised Dorn
    ("said-speaker-after", "The police arrested Oskar Dorn on Monday, said Lena Vasko.", ARRESTED, "Lena Vasko",
     False, False),
    ("told-outlet", "The police arrested Oskar Dorn, Lena Vasko told the Tarn Courier by telephone.", ARRESTED,
     "Lena Vasko", False, False),
    ("said-on-channel", "The police arrested Oskar Dorn, the SBV said on its Telegram channel.", ARRESTED, "SBV",
     False, False),
    ("said-in-a-post", "The police arrested Oskar Dorn, Lena Vasko said in a post on social media.", ARRESTED,
     "Lena Vasko", False, False),
    ("said-without-details", "Oskar Dorn has been arrested by the police, the SBV said, without giving details.",
     ARRESTED, "SBV", False, False),
    ("quoted-as-saying", "The police arrested Oskar Dorn, Lena Vasko was quoted as saying.", ARRESTED,
     "Lena Vasko", False, False),
    ("said-adding", "The police arrested Oskar Dorn, Ilya Marek said, adding that the SBV had beaten Lena Vasko.",
     ("sbv", "assaulted", "vasko"), "Ilya Marek", False, False),
    ("said-and-that", "Ilya Marek said the police had arrested Oskar Dorn and that the SBV had beaten Lena Vasko.",
     ("sbv", "assaulted", "vasko"), "Ilya Marek", False, False),
    ("present-says", "Lena Vasko says the police arrested Oskar Dorn.", ARRESTED, "Lena Vasko", False, False),
    ("said-no-that-day", "Ilya Marek said on Monday he had sacked Oskar Dorn.", ("marek", "dismissed", "dorn"),
     "Ilya Marek", False, False),
    ("office-said-in-statement", "Ilya Marek's office said in a statement that the police had arrested Oskar Dorn.",
     ARRESTED, "Ilya Marek's office", False, False),
    ("televised-address", "In a televised address, Ilya Marek said the police had arrested Oskar Dorn.", ARRESTED,
     "Ilya Marek", False, False),
    ("inserted-in-statement", "The SBV, in a statement, said the police had arrested Oskar Dorn.", ARRESTED, "SBV",
     False, False),
    ("believed-she", "Lena Vasko said she believed the police had arrested Oskar Dorn.", ARRESTED, "Lena Vasko",
     False, True),
    ("dismissed-reports", "Ilya Marek dismissed reports that the police had arrested Oskar Dorn.", ARRESTED,
     "Ilya Marek", True, False),
    ("rejected-claims", "The SBV rejected claims that the police had beaten Oskar Dorn.",
     ("police", "assaulted", "dorn"), "SBV", True, False),
    ("declined-comment-reports", "The SBV declined to comment on reports that the police had arrested Oskar Dorn.",
     ARRESTED, R, False, True),
    ("wife-said", "Oskar Dorn was arrested by the police on Monday, his wife said.", ARRESTED, "Oskar Dorn's wife",
     False, False),
    ("source-close", "The police arrested Oskar Dorn, a source close to the SBV said.", ARRESTED,
     "source close to the SBV", False, False),
    ("next-sentence-reporter", "Ilya Marek said the police had arrested Oskar Dorn. The SBV released Lena Vasko on "
     "Tuesday.", ("sbv", "released", "vasko"), R, False, False),
    ("quote-then-more", '"The police arrested Oskar Dorn," Lena Vasko said. "The SBV beat Ilya Marek in Tarn."',
     ("sbv", "assaulted", "marek"), "Lena Vasko", False, False),
    ("quote-then-reporter", '"The police arrested Oskar Dorn," Lena Vasko said. The SBV released Ilya Marek on '
     'Tuesday.', ("sbv", "released", "marek"), R, False, False),
    ("trailing-name-title", "The police detained Oskar Dorn, Lena Vasko, his lawyer, said.",
     ("police", "detained", "dorn"), "Lena Vasko", False, False),
    ("trailing-title-of-object", "The police detained Oskar Dorn, the SBV chief, on Monday, Lena Vasko said.",
     ("police", "detained", "dorn"), "Lena Vasko", False, False),
    ("media-reported-appended", "The police are holding Oskar Dorn, state media reported on Tuesday.",
     ("police", "detained", "dorn"), "state media", False, False),
    ("media-reported-quoting", "The police are holding Oskar Dorn, state media reported on Tuesday, quoting Lena "
     "Vasko.", ("police", "detained", "dorn"), "Lena Vasko", False, False),
    ("said-to-be-close", "The police are holding Oskar Dorn, a banker said to be close to Ilya Marek.",
     ("police", "detained", "dorn"), R, False, False),
    # according to, citing
    ("according-to-after", "The police arrested Oskar Dorn on Monday, according to the SBV.", ARRESTED, "SBV",
     False, False),
    ("according-to-before", "According to Lena Vasko, the SBV arrested Oskar Dorn in Tarn.",
     ("sbv", "arrested", "dorn"), "Lena Vasko", False, False),
    ("according-to-statement", "The police arrested Oskar Dorn, according to a statement from the SBV.", ARRESTED,
     "SBV", False, False),
    ("according-to-possessed", "The police arrested Oskar Dorn, according to the SBV's statement.", ARRESTED, "SBV",
     False, False),
    ("quoting", "The police arrested Oskar Dorn, the Tarn Courier reported, quoting Lena Vasko.", ARRESTED,
     "Lena Vasko", False, False),
    ("citing-source", "The Tarn Courier, citing Lena Vasko, reported that the police had arrested Oskar Dorn.",
     ARRESTED, "Lena Vasko", False, False),
    ("trailing-citing", "The police arrested Oskar Dorn, the Tarn Courier reported, citing Lena Vasko.",
     ARRESTED, "Lena Vasko", False, False),
    # unnamed and described speakers
    ("officials-said", "Officials said the police had arrested Oskar Dorn.", ARRESTED, "officials", False, False),
    ("witnesses-said", "Witnesses said the police had beaten the protesters.", ("police", "assaulted", "protesters"),
     "witnesses", False, False),
    ("spokesman-possessed", "Ilya Marek's spokesman said the police had arrested Oskar Dorn.", ARRESTED,
     "Ilya Marek's spokesman", False, False),
    ("spokesman-named", "A spokesman for the SBV, Ivo Rusk, said the police had arrested Oskar Dorn.", ARRESTED,
     "Ivo Rusk", False, False),
    ("spokesman-title", "SBV spokesman Ivo Rusk told reporters the police had arrested Oskar Dorn.", ARRESTED,
     "Ivo Rusk", False, False),
    # quotations
    ("quote-speaker-after", '"The police arrested Oskar Dorn last night," Lena Vasko said.', ARRESTED,
     "Lena Vasko", False, False),
    ("quote-said-speaker", '"The police arrested Oskar Dorn last night," said Lena Vasko.', ARRESTED,
     "Lena Vasko", False, False),
    ("quote-colon", 'Lena Vasko said: "The police arrested Oskar Dorn last night."', ARRESTED, "Lena Vasko",
     False, False),
    ("quote-pronoun", 'Lena Vasko spoke to reporters in Tarn. "The police beat Oskar Dorn," she said.',
     ("police", "assaulted", "dorn"), "Lena Vasko", False, False),
    ("quote-adding", '"We will not give in," Ilya Marek told reporters, adding that the SBV had arrested Oskar Dorn.',
     ("sbv", "arrested", "dorn"), "Ilya Marek", False, False),
    ("quote-two-sentences", '"The police arrested Oskar Dorn. They also beat him," the SBV said.', ARRESTED,
     "SBV", False, False),
    # a speaker of the sentence before
    ("he-added", "Ilya Marek spoke in Tarn on Monday. He added that the SBV had arrested Oskar Dorn.",
     ("sbv", "arrested", "dorn"), "Ilya Marek", False, False),
    ("she-said", "Lena Vasko arrived in Tarn on Monday. She said the police had beaten Oskar Dorn.",
     ("police", "assaulted", "dorn"), "Lena Vasko", False, False),
    # negation in a report
    ("denied-that", "The SBV denied that the police had beaten Oskar Dorn.", ("police", "assaulted", "dorn"), "SBV",
     True, False),
    ("denied-that-he", "Ilya Marek denied that he had sacked Oskar Dorn.", ("marek", "dismissed", "dorn"),
     "Ilya Marek", True, False),
    ("said-never", "Ilya Marek said he had never met Oskar Dorn.", ("marek", "met", "dorn"), "Ilya Marek", True, False),
    ("said-but-not", "The SBV said the police had arrested Oskar Dorn but had not charged him.", ARRESTED, "SBV",
     False, False),
    ("said-but-not-2", "The SBV said the police had arrested Oskar Dorn but had not charged him.",
     ("police", "charged", "dorn"), "SBV", True, False),
    ("trailing-office-not", "Ilya Marek has not sacked Oskar Dorn, his office said.", ("marek", "dismissed", "dorn"),
     "Ilya Marek's office", True, False),
    ("said-would-not", "Ilya Marek said he would not sack Oskar Dorn.", ("marek", "dismissed", "dorn"), R,
     True, False),  # his refusal, the report's fact (as "she will not negotiate" in dev 76 and 88)
    ("said-not-but", "The SBV said it had not arrested Oskar Dorn but had questioned Lena Vasko.",
     ("sbv", "arrested", "dorn"), "SBV", True, False),
    ("denied-gerund", "Lena Vasko denied meeting Oskar Dorn.", ("vasko", "met", "dorn"), "Lena Vasko", True, False),
    ("denied-ordering", "Ilya Marek has denied ordering the police to fire on the protesters.",
     ("marek", "ordered", "police"), "Ilya Marek", True, False),
    ("which-denied", "Lena Vasko said the police had arrested Oskar Dorn, which the SBV denied.", ARRESTED,
     "Lena Vasko", False, False),
    ("spokeswoman-apposition", "Lena Vasko, the SBV's spokeswoman, said the police had arrested Oskar Dorn.",
     ARRESTED, "Lena Vasko", False, False),
    ("spokeswoman-apposition-2", "Lena Vasko, the SBV's spokeswoman, said the police had arrested Oskar Dorn.",
     ("vasko", "spokespersonFor", "sbv"), R, False, False),
    ("anonymity", "Officials, speaking on condition of anonymity, said the police had arrested Oskar Dorn.", ARRESTED,
     "officials", False, False),
    # hedges
    ("could-not-confirm", "The SBV could not confirm that the police had arrested Oskar Dorn.", ARRESTED, R, False,
     True),
    ("neither-nor", "Ilya Marek would neither confirm nor deny that he had sacked Oskar Dorn.",
     ("marek", "dismissed", "dorn"), R, False, True),
    ("declined-to-say-whether", "Ilya Marek declined to say whether the police had arrested Oskar Dorn.", ARRESTED, R,
     False, True),
    ("are-alleged-to", "The police are alleged to have beaten Oskar Dorn.", ("police", "assaulted", "dorn"), R, False,
     True),
    ("appear-to", "The police appear to have arrested Oskar Dorn.", ARRESTED, R, False, True),
    ("may-trailing", "The police may have arrested Oskar Dorn, Lena Vasko said.", ARRESTED, "Lena Vasko", False, True),
    ("probably-officials", "The police probably arrested Oskar Dorn, officials said.", ARRESTED, "officials", False,
     True),
    ("said-possible", "Lena Vasko said it was possible that the police had arrested Oskar Dorn.", ARRESTED,
     "Lena Vasko", False, True),
    ("it-was-reported", "It was reported that the police had arrested Oskar Dorn.", ARRESTED, R, False, True),
    ("reportedly", "The police reportedly arrested Oskar Dorn on Monday.", ARRESTED, R, False, True),
    ("allegedly", "The police allegedly beat Oskar Dorn in Tarn.", ("police", "assaulted", "dorn"), R, False, True),
    ("is-believed-to", "Ilya Marek is believed to have sacked Oskar Dorn.", ("marek", "dismissed", "dorn"), R,
     False, True),
    ("is-said-to", "Ilya Marek is said to have sacked Oskar Dorn.", ("marek", "dismissed", "dorn"), R, False, True),
    ("are-thought-to", "The police are thought to have arrested Oskar Dorn.", ARRESTED, R, False, True),
    ("were-reported-to", "The police were reported to have arrested Oskar Dorn.", ARRESTED, R, False, True),
    ("there-were-reports", "There were reports that the police had arrested Oskar Dorn.", ARRESTED, R, False, True),
    ("said-may-have", "Ilya Marek said the police may have arrested Oskar Dorn.", ARRESTED, "Ilya Marek", False, True),
    ("said-reportedly", "Lena Vasko said the police had reportedly arrested Oskar Dorn.", ARRESTED, "Lena Vasko",
     False, True),
    # an accusation: the accuser's claim of the act it names; without an accuser, the reporter's hedge
    ("accused-of", "Lena Vasko accused the police of beating Oskar Dorn.", ("police", "assaulted", "dorn"),
     "Lena Vasko", False, False),
    ("accused-by-of", "The police were accused by Lena Vasko of beating Oskar Dorn.", ("police", "assaulted", "dorn"),
     "Lena Vasko", False, False),
    ("was-accused-of", "The police were accused of beating Oskar Dorn.", ("police", "assaulted", "dorn"), R, False,
     True),
    ("sacked-and-accused", "Ilya Marek sacked Lena Vasko and accused her of meeting Oskar Dorn in secret.",
     ("vasko", "met", "dorn"), "Ilya Marek", False, False),
    ("accused-itself", "Lena Vasko accused the police of beating Oskar Dorn.", ("vasko", "accused", "police"), R,
     False, False),
    ("unverified", "The police arrested Oskar Dorn, Lena Vasko said. The claim could not be independently verified.",
     ARRESTED, "Lena Vasko", False, True),
    # the reporter's background inside a speaker's sentence
    ("who-heads", "Lena Vasko, who heads the SBV, said the police had arrested Oskar Dorn.",
     ("vasko", "headed", "sbv"), R, False, False),
    ("who-heads-report", "Lena Vasko, who heads the SBV, said the police had arrested Oskar Dorn.", ARRESTED,
     "Lena Vasko", False, False),
    ("apposition-title", "Oskar Dorn, the head of the SBV, said the police had arrested Lena Vasko.",
     ("dorn", "headed", "sbv"), R, False, False),
    ("who-sacked", "Ilya Marek, who sacked Oskar Dorn in May, said the police had arrested Lena Vasko.",
     ("marek", "dismissed", "dorn"), R, False, False),
    ("whom-arrested", "Lena Vasko, who was arrested by the police in May, said the SBV had beaten Oskar Dorn.",
     ("police", "arrested", "vasko"), R, False, False),
    ("whom-arrested-report", "Lena Vasko, who was arrested by the police in May, said the SBV had beaten Oskar Dorn.",
     ("sbv", "assaulted", "dorn"), "Lena Vasko", False, False),
    ("spokesman-background", "A spokesman for the SBV, Ivo Rusk, said the police had arrested Oskar Dorn.",
     ("ivo-rusk", "spokespersonFor", "sbv"), R, False, False),
    ("act-and-report", "Ilya Marek sacked Oskar Dorn on Tuesday and said the police had arrested Lena Vasko.",
     ("marek", "dismissed", "dorn"), R, False, False),
    ("act-and-report-2", "Ilya Marek sacked Oskar Dorn on Tuesday and said the police had arrested Lena Vasko.",
     ("police", "arrested", "vasko"), "Ilya Marek", False, False),
    ("after-clause", "After the police arrested Oskar Dorn, Ilya Marek said the SBV had acted lawfully.", ARRESTED,
     R, False, False),
    ("thanked-saying", "Ilya Marek thanked the Northern Pact, saying it had stood by Valdoria.",
     ("marek", "thanked", "pact"), R, False, False),
    ("praised-who-he-said", "Ilya Marek praised the police, who he said had arrested Oskar Dorn.",
     ("marek", "praised", "police"), R, False, False),
    # the outlet's own correspondent is the reporter
    ("our-correspondent", "The police have arrested Oskar Dorn in Tarn, our correspondent says.", ARRESTED, R,
     False, False),
    ("our-reporter-before", "Our reporter in Tarn says the police have released Lena Vasko.",
     ("police", "released", "vasko"), R, False, False),
    ("title-inside-report", "Lena Vasko said Oskar Dorn, the head of the SBV, had been arrested by the police.",
     ("dorn", "headed", "sbv"), R, False, False),
    ("relative-inside-report", "Lena Vasko said that Oskar Dorn, who heads the SBV, had been arrested by the police.",
     ("dorn", "headed", "sbv"), R, False, False),
    ("relative-inside-report-2", "Lena Vasko said that Oskar Dorn, who heads the SBV, had been arrested by the "
     "police.", ARRESTED, "Lena Vasko", False, False),
    # the reporter's own acts around a speaker
    ("who-said-resign", "Ilya Marek, who said on Monday that he would resign, sacked Oskar Dorn.",
     ("marek", "dismissed", "dorn"), R, False, False),
    ("after-x-said", "The police arrested Oskar Dorn after Lena Vasko said he had fled.", ARRESTED, R, False, False),
    ("object-who-had-said", "The police arrested Oskar Dorn, who had said the SBV was corrupt.", ARRESTED, R, False,
     False),
    ("who-x-said-subject", "Oskar Dorn, who the SBV said had fled, was arrested by the police on Monday.", ARRESTED, R,
     False, False),
    ("and-x-said", "The police arrested Oskar Dorn, and Lena Vasko said the SBV had beaten Ilya Marek.", ARRESTED, R,
     False, False),
    ("semicolon-said", "Ilya Marek sacked Oskar Dorn; the SBV said Lena Vasko would replace him.",
     ("marek", "dismissed", "dorn"), R, False, False),
    ("thanked-for", "Ilya Marek thanked the police for arresting Oskar Dorn, saying the SBV had done well.",
     ("marek", "thanked", "police"), R, False, False),
    ("quote-said-after", '"We are shocked," Lena Vasko said after the police arrested Oskar Dorn.', ARRESTED, R,
     False, False),
    ("man-who-said", "The police arrested Oskar Dorn, the man who the SBV said had organised the protests.", ARRESTED,
     R, False, False),
    # headlines, datelines, live blogs
    ("headline-says", "SBV says police arrested Oskar Dorn\n\nTARN, May 3 (Northern Wire) - Lena Vasko was freed on "
     "Friday.", ARRESTED, "SBV", False, False),
    ("live-blog-name", "11:40 Lena Vasko says the police have arrested Oskar Dorn.\n\n12:05 The SBV released Ilya "
     "Marek.", ARRESTED, "Lena Vasko", False, False),
    ("live-blog-name-2", "11:40 Lena Vasko says the police have arrested Oskar Dorn.\n\n12:05 The SBV released Ilya "
     "Marek.", ("sbv", "released", "marek"), R, False, False),
    ("headline", "Police arrest Oskar Dorn in Tarn\n\nTARN, May 3 (Northern Wire) - The SBV said on Friday that the "
     "police had released Lena Vasko.", ARRESTED, R, False, False),
    ("dateline-report", "Police arrest Oskar Dorn in Tarn\n\nTARN, May 3 (Northern Wire) - The SBV said on Friday "
     "that the police had released Lena Vasko.", ("police", "released", "vasko"), "SBV", False, False),
    ("live-blog", "11:40 The SBV says the police have arrested Oskar Dorn.\n\n12:05 The police released Lena Vasko.",
     ARRESTED, "SBV", False, False),
    ("live-blog-2", "11:40 The SBV says the police have arrested Oskar Dorn.\n\n12:05 The police released Lena Vasko.",
     ("police", "released", "vasko"), R, False, False),
    # a relative clause after the verb of a clause a trailing reporting verb reports is reported with it
    ("trailing-relative-object", "The police arrested Oskar Dorn, who had met Ilya Marek in May, the SBV said.",
     ("dorn", "met", "marek"), "SBV", False, False),
    ("trailing-relative-pobj", "The police acted at the request of Ilya Marek, who telephoned Lena Vasko on Friday, "
     "the SBV said on Monday.", ("marek", "met", "vasko"), "SBV", False, False),
    ("trailing-relative-subject", "Oskar Dorn, who had met Ilya Marek in May, left Tarn, the SBV said.",
     ("dorn", "met", "marek"), R, False, False),
    ("trailing-relative-background", "The police arrested Oskar Dorn, who leads the SBV, Lena Vasko said.",
     ("dorn", "headed", "sbv"), R, False, False),
    ("leading-relative-object", "Lena Vasko said the police had arrested Oskar Dorn, who had met Ilya Marek in May.",
     ("dorn", "met", "marek"), R, False, False),
    # "X said A, and accused Y of B", the accusation hung on the reported clause by the parser: X's
    ("said-and-accused", "Lena Vasko said the timing was odd, and accused the police of beating Oskar Dorn.",
     ("police", "assaulted", "dorn"), "Lena Vasko", False, False),
    ("said-and-accused-2", "Lena Vasko said the arrest was a disgrace, and accused the SBV of beating Oskar Dorn.",
     ("sbv", "assaulted", "dorn"), "Lena Vasko", False, False),
    # "no" on the act a verb makes or receives negates it
    ("received-no-request", "The SBV said it had received no request from Ilya Marek.",
     ("marek", "appealedTo", "sbv"), "SBV", True, False),
    ("has-received-no-request", "The SBV has received no request from Ilya Marek.", ("marek", "appealedTo", "sbv"), R,
     True, False),
    ("made-no-request", "Ilya Marek made no request to the SBV.", ("marek", "appealedTo", "sbv"), R, True, False),
    ("received-a-request", "The SBV received a request from Ilya Marek.", ("marek", "appealedTo", "sbv"), R, False,
     False),
    # a refusal: a person saying she will not act is the report's fact that she refused
    ("refusal-says-will-not", "Lena Vasko says she will not meet Ilya Marek.", ("vasko", "met", "marek"), R, True,
     False),
    ("refusal-said-would-not", "Lena Vasko said she would not meet Ilya Marek until the count was honest.",
     ("vasko", "met", "marek"), R, True, False),
    ("refusal-saying", "Lena Vasko turned the offer down, saying she will not negotiate with Ilya Marek.",
     ("vasko", "negotiatedWith", "marek"), R, True, False),
    ("refusal-pronoun-wont", "Ilya Marek spoke in Tarn. He said he won't meet Lena Vasko.", ("marek", "met", "vasko"),
     R, True, False),
    ("denial-not-refusal", "Lena Vasko says she did not meet Ilya Marek.", ("vasko", "met", "marek"), "Lena Vasko",
     True, False),
    ("body-will-not", "The SBV said it would not release Oskar Dorn.", ("sbv", "released", "dorn"), "SBV", True, False),
    ("other-will-not", "Lena Vasko said the police would not release Oskar Dorn.", ("police", "released", "dorn"),
     "Lena Vasko", True, False),
    # interviews: an answer is the interviewee's, a broadcast's tagged turns the outlet's
    ("interview-answer", _INTRO + "Why were you dismissed?\n\nThe police arrested Oskar Dorn the day before. I said "
     "no.\n\nWill you stay?\n\nYes.", ARRESTED, "Ilya Marek", False, False),
    ("interview-me", _INTRO + "Why were you dismissed?\n\nFirst the police detained me in May.\n\nWill you stay?\n\n"
     "Yes.", ("police", "detained", "marek"), "Ilya Marek", False, False),
    ("interview-talked-with", "Lena Vasko led the party until June. She talked with the Courier on Friday.\n\nWhat "
     "happened next?\n\nThe SBV detained Oskar Dorn.\n\nAnd then?\n\nNothing.", ("sbv", "detained", "dorn"),
     "Lena Vasko", False, False),
    ("interview-q-a-tags", "Lena Vasko led the party until June. She talked with the Courier on Friday.\n\nQ: What "
     "happened next?\n\nA: The SBV detained Oskar Dorn.\n\nQ: And then?\n\nA: Nothing.", ("sbv", "detained", "dorn"),
     "Lena Vasko", False, False),
    ("interview-relative-aside", _INTRO + "Why were you dismissed?\n\nMy deputy, Oskar Dorn, whom the police arrested "
     "in May, has left.\n\nWill you stay?\n\nYes.", ARRESTED, R, False, False),
    ("interview-reported-inside", _INTRO + "Why were you dismissed?\n\nThe SBV says the police arrested Oskar Dorn."
     "\n\nWill you stay?\n\nYes.", ARRESTED, "SBV", False, False),
    ("broadcast-turns", "PRESENTER: What happened in Tarn?\n\nCORRESPONDENT: The police arrested Oskar Dorn.\n\n"
     "PRESENTER: And Vasko?\n\nCORRESPONDENT: Freed.", ARRESTED, R, False, False),
    ("explainer", "Lena Vasko was sacked on Friday.\n\nWhy was she sacked?\n\nThe SBV detained Oskar Dorn.\n\n"
     "What next?\n\nThe police released Ilya Marek.", ("sbv", "detained", "dorn"), R, False, False),
    ("interview-told", "Ilya Marek ran the SBV until May. He told the Courier in an interview why he quit.\n\n"
     "Why did you quit?\n\nThe police arrested Oskar Dorn.\n\nWill you stay?\n\nYes.", ARRESTED, "Ilya Marek",
     False, False),
    ("one-question", "Why did the police arrest Oskar Dorn? Ilya Marek said the SBV had detained Lena Vasko.",
     ("sbv", "detained", "vasko"), "Ilya Marek", False, False),
    ("quote-relative-aside", '"My deputy, Oskar Dorn, whom the police arrested in May, is innocent," Lena Vasko said.',
     ARRESTED, R, False, False),
]


@pytest.mark.parametrize(("text", "relation", "claimant", "negated", "hedged"), [f[1:] for f in FORMS],
                         ids=[f[0] for f in FORMS])
def test_attribution_form(text: str, relation: tuple[str, str, str], claimant: str | None, negated: bool,
                          hedged: bool) -> None:
    label, was_negated, was_hedged = statement(text, *relation)
    assert (label.lower() if label else None, was_negated, was_hedged) == (
        claimant.lower() if claimant else None, negated, hedged)


@pytest.mark.xfail(strict=True, reason="the parser reads 'whom the police arrested in May, said' as 'the police said'")
def test_a_relative_object_before_the_reporting_verb() -> None:
    text = "Lena Vasko, whom the police arrested in May, said the SBV had beaten Oskar Dorn."
    assert statement(text, "sbv", "assaulted", "dorn") == ("Lena Vasko", False, False)


def test_a_claim_rejected_is_the_reporters_summary() -> None:
    text = "The SBV said the police had arrested Oskar Dorn, a claim Lena Vasko rejected."
    rejected = [i for i in _result(text)["items"] if i["relation"] == "rejected"]
    assert rejected and all(i["subject"] == "vasko" and i.get("claimant") is None for i in rejected)
    assert statement(text, *ARRESTED) == ("SBV", False, False)


def test_a_speaker_the_parser_hung_on_the_dateline_or_split_at_and() -> None:
    actors = {**ACTORS, "bvpo": {"type": "SecurityService", "label": "Bureau of Vigilance and Public Order",
                                 "aliases": ["BVPO"]}}
    text = ("TARN, May 3 (Northern Wire) - Valdoria's Bureau of Vigilance and Public Order (BVPO) said on Friday that "
            "it had arrested Oskar Dorn.")
    item = next(i for i in candidates_for_text(text, actors)["items"] if i["relation"] == "arrested")
    assert (item["subject"], item.get("claimant")) == ("bvpo", "bvpo")


def test_the_forms_are_many_and_distinct() -> None:
    assert len(FORMS) >= 60 and len({f[0] for f in FORMS}) == len(FORMS)


@pytest.mark.parametrize("text", ["Ilya Marek had meant to sack Oskar Dorn.",
                                  "Ilya Marek denied that he had meant to sack Oskar Dorn.",
                                  "Ilya Marek says he never meant to sack Oskar Dorn.",
                                  "Ilya Marek planned to sack Oskar Dorn."])
def test_an_intention_is_no_relation(text: str) -> None:
    assert not [i for i in _result(text)["items"] if i["relation"] == "dismissed"]
