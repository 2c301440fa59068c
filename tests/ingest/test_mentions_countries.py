"""Unknown countries typed State from what the text says of them, in sentences of our own (fictional states).

The recogniser takes an unknown one-word country for a place or an organisation. A name the text writes with
its people's adjective ("Velmora" and "the Velmoran army"), or gives what only a country has ("Ostrava's
president", "the parliament of Ostrava"), is a State; a name the text makes a town is not.
"""

from __future__ import annotations

import pytest

from graph.ingest.mentions.finder import find_mentions
from graph.ingest.nlp import parse


def _type(text: str, actor: str) -> str | None:
    found = find_mentions(parse(text), {})
    return found["actors"].get(actor, {}).get("type")


@pytest.mark.parametrize("text, actor", [
    ("Troops moved into Velmora on Monday. The Velmoran army said the border was calm.", "velmora"),
    ("Talks opened in Geneva. Maldaria's president left early.", "maldaria"),
    ("Delegates flew in from Tessany. The parliament of Tessany met on Friday.", "tessany"),
])
def test_a_name_with_a_people_s_adjective_or_a_country_s_office_is_a_state(text: str, actor: str) -> None:
    assert _type(text, actor) == "State"


def test_a_name_the_text_makes_a_town_stays_a_place() -> None:
    text = "Police moved into the town of Varlo on Monday. Varlo's mayor, a Varloan lawyer, called for calm."
    assert _type(text, "varlo") != "State"
