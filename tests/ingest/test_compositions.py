"""A whole and its parts, in sentences of our own about fictional states: each part of "an alliance made up of
Ardonia, Velmar and Tosk" is a member of it."""

from __future__ import annotations

from graph.ingest import candidates_for_text


def _members(text: str) -> set[tuple[object, ...]]:
    return {(i["subject"], i["object"]) for i in candidates_for_text(text, {})["items"] if i["relation"] == "memberOf"}


def test_the_parts_of_a_reduced_relative_are_members() -> None:
    found = _members("Troops of the Northern Compact, made up of Ardonia, Velmar and Tosk, landed in Tarn.")
    assert {("ardonia", "northern-compact"), ("velmar", "northern-compact"), ("tosk", "northern-compact")} <= found, found


def test_the_parts_of_a_relative_and_of_an_active_verb_are_members() -> None:
    found = _members("The Northern Compact, which is made up of Ardonia and Velmar, met in Tarn. "
                     "The Southern League comprises Tosk and Marren.")
    assert {("ardonia", "northern-compact"), ("velmar", "northern-compact"), ("tosk", "southern-league"),
            ("marren", "southern-league")} <= found, found


def test_parts_that_are_no_actors_make_no_members() -> None:
    assert not _members("The charges against Ilse Marrow comprise fraud and bribery.")
