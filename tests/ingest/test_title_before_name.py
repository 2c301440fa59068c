"""A title "of" a body or place before the name it belongs to: "The mayor of Veldora, Anna Brisk, resigned".

The recogniser may run one entity over the comma ("Veldora, Anna Brisk") and the parser may hang the name on
the body rather than on the title; the holder is still a person who heads the body.
"""

from __future__ import annotations

import pytest

from graph.ingest.evaluate import DEFAULT_CORPUS, candidates_for_text, known_actors


def _found(text: str) -> tuple[set[tuple[str, str, str]], dict[str, str]]:
    result = candidates_for_text(text, known_actors(DEFAULT_CORPUS), published="2022-01-20")
    types = {a: str(spec.get("type")) for a, spec in result["actors"].items()}
    return {(i.get("subject"), i["relation"], i.get("object")) for i in result["items"]}, types


@pytest.mark.parametrize(("text", "holder", "body"), [
    ("The mayor of Veldora, Anna Brisk, resigned on Monday.\n", "anna-brisk", "veldora"),
    ("The head of the Ostrava Port Authority, Milan Vesk, was detained by police.\n", "milan-vesk",
     "ostrava-port-authority"),
])
def test_the_holder_of_a_title_before_his_name_heads_the_body(text: str, holder: str, body: str) -> None:
    found, types = _found(text)
    assert (holder, "headed", body) in found
    assert types[holder] == "Person"
