"""Every example query in graph/queries/examples runs on the article's graph and gives the known answer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from api.pages.ui import EXAMPLES_DIR, examples
from graph.build import build_into
from graph.results import rows
from graph.store import open_store
from graph.store.base import Store
from tests.api.conftest import article_memory_store

Rows = list[dict[str, object]]


FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "veloria"


@pytest.fixture(scope="module")
def store() -> Store:
    return article_memory_store()


@pytest.fixture(scope="module")
def fixture_store() -> Store:
    """The fictional many-source corpus of tests/fixtures/veloria (the article has one source only)."""
    target = open_store("memory")
    build_into(target, FIXTURE)
    return target


def _arrests(found: Rows) -> None:
    pairs = {(r["agent"], r["arrested"]) for r in found}
    assert ("Kazakhstan", "Karim Masimov") in pairs and ("Kazakhstan", "Max Bokay") in pairs
    masimov = [r for r in found if r["arrested"] == "Karim Masimov"][0]
    assert "treason" in str(masimov["quote"]) and "seize power" in str(masimov["charge"])


def _tokayev(found: Rows) -> None:
    relations = {r["relation"] for r in found}
    assert {"invited to intervene", "accused", "succeeded"} <= relations
    assert all(r["quote"] for r in found)


def _revised(found: Rows) -> None:
    by_id = {r["statement"]: r for r in found}
    assert by_id["st-unrest-death-toll-164"]["status"] == "retracted"
    assert by_id["st-unrest-attackers-20000"]["status"] == "revised"
    assert all(r["reason"] for r in found)


def _evidence(found: Rows) -> None:
    assert len(found) == 1
    row = found[0]
    assert "handpicked Tokayev" in str(row["quote"]) and int(row["quoteEnd"]) > int(row["quoteStart"])  # type: ignore[arg-type]
    assert row["voice"] == "reporter's voice"


def _signs(found: Rows) -> None:
    by_actor = {r["actor"]: r for r in found}
    assert int(by_actor["Karim Masimov"]["hostile"]) >= 2  # type: ignore[arg-type]
    assert int(by_actor["CSTO troops"]["supportive"]) >= 1  # type: ignore[arg-type]
    balances = [int(r["balance"]) for r in found]  # type: ignore[arg-type]
    assert balances == sorted(balances)


def _claims(found: Rows) -> None:
    claimants = {r["claimant"] for r in found}
    assert "Max Bokay" in claimants and "Kassym-Jomart Tokayev" in claimants


def _figures(found: Rows) -> None:
    status = {(r["figure"], str(r["value"])): r["status"] for r in found}
    assert status[("death toll", "164")] == "retracted"
    assert status[("number detained", "10000")] == "reported fact"


def _relation_types(found: Rows) -> None:
    arrested = [r for r in found if r["relation"] == "arrested"][0]
    assert (arrested["sign"], arrested["cameo"], arrested["statements"]) == (-1, "173", 3)


def _csto(found: Rows) -> None:
    invited = [r for r in found if r["relation"] == "invited to intervene"]
    assert invited and invited[0]["who"] == "Kassym-Jomart Tokayev"
    assert any(r["relation"] == "deployed to" and r["whom"] == "Kazakhstan" for r in found)


def _accusations(found: Rows) -> None:
    pairs = {(r["accuser"], r["accused"]) for r in found}
    assert ("Kassym-Jomart Tokayev", "independent media") in pairs and ("Vladimir Putin", "the West") in pairs


def _circle(found: Rows) -> None:
    assert any(r["member"] == "Karim Masimov" and r["fate"] == "arrested" for r in found)


def _timeline(found: Rows) -> None:
    starts = [str(r["start"]) for r in found]
    assert starts == sorted(starts) and starts[0].startswith("1991")
    assert all(r["relation"] != "death toll" for r in found)  # retracted: not on the normal-rank timeline


CHECKS: dict[str, Callable[[Rows], None]] = {
    "who-arrested-whom": _arrests, "tokayev-actions": _tokayev, "revised-or-retracted": _revised,
    "evidence-for-edge": _evidence, "actors-by-sign": _signs, "attributed-claims": _claims,
    "contested-figures": _figures, "relation-types": _relation_types, "csto-intervention": _csto,
    "who-accused-whom": _accusations, "nazarbayev-circle": _circle, "timeline": _timeline,
}


def _conflicts(found: Rows) -> None:
    kinds = sorted(str(r["kind"]) for r in found)
    assert kinds == ["figure"] + ["polarity"] * 3 + ["status change"] + ["time"] * 2
    assert all(r["source"] != r["otherSource"] and r["note"] for r in found)


def _independent(found: Rows) -> None:
    assert {(r["subject"], r["relation"], r["object"], r["sources"]) for r in found} == {
        ("Anton Dravic", "headed", "State Security Bureau", 3), ("Mira Solen", "arrested", "Anton Dravic", 2)}


#: the examples about many sources, checked on the fixture corpus
FIXTURE_CHECKS: dict[str, Callable[[Rows], None]] = {"conflicts": _conflicts, "independent-sources": _independent}


def test_every_example_has_a_check_and_a_header() -> None:
    names = {path.stem for path in EXAMPLES_DIR.glob("*.rq")}
    assert len(names) >= 10
    assert names == set(CHECKS) | set(FIXTURE_CHECKS), "add a check for each new example query"
    for item in examples():
        assert item["title"] != item["name"] and item["question"], f"{item['name']}.rq needs # title: and # question:"


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_example_answers(store: Store, name: str) -> None:
    text = (EXAMPLES_DIR / f"{name}.rq").read_text(encoding="utf-8")
    found = rows(store.query(text, use_default_graph_as_union=True))
    assert found, f"{name}.rq returned nothing"
    CHECKS[name](found)


@pytest.mark.parametrize("name", sorted(FIXTURE_CHECKS))
def test_many_source_example_answers(fixture_store: Store, name: str) -> None:
    text = (EXAMPLES_DIR / f"{name}.rq").read_text(encoding="utf-8")
    found = rows(fixture_store.query(text, use_default_graph_as_union=True))
    assert found, f"{name}.rq returned nothing"
    FIXTURE_CHECKS[name](found)
    assert not rows(article_memory_store().query(text, use_default_graph_as_union=True))  # one source: none
