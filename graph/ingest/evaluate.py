"""Precision, recall and F1 of the extractor on the evaluation set (``tests/ingest/eval``) or the corpus.

Run ``python -m graph.ingest.evaluate [--half dev|heldout|all] [--format table|json]``: for every
report of a half (``NN-slug.txt`` with its gold ``NN-slug.yaml``, see the folder's README), the
extractor runs with the actors of the curated corpus, and its candidates are matched one to
one against the gold relations (the format and the rules of ``tests/ingest/eval/README.md``):

- the relation is the gold one, or the ontology inverse with subject and object swapped
  (symmetric relations also match swapped);
- subject and object each match the gold actor: the candidate actor's label or an alias
  (for a proposed actor, its label or the form the text used) equals the canonical name or
  one of the gold forms, compared without case, punctuation and a leading article;
- the quotes overlap in the text.

Gold relations marked ``negated`` do not count towards recall; a candidate that asserts one
(not negated) is a negation error; a matched candidate whose claimant differs from the gold
claimant is an attribution error, counted out of the matched candidates whose gold or whose own
claimant is someone other than the reporter (the statements where attribution is at stake). Every other candidate that matches nothing is a false
positive. ``--corpus DIR`` measures the curated corpus instead (its assertions are the gold).

>>> norm("The \u201cpeacekeeping\u201d force"), norm("Vlast.kz")
('peacekeeping force', 'vlastkz')
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml
from rdflib import URIRef
from rdflib.namespace import OWL, RDF

from graph.build.corpus import DEFAULT_CORPUS
from graph.ingest.ingest import candidates_for_text
from graph.ingest.mentions.finder import known_actors
from ontology import PG, ontology_graph, relation_metadata

__all__ = ["evaluate_half", "score", "norm", "main", "EVAL_DIR"]

EVAL_DIR = Path(__file__).resolve().parents[2] / "tests" / "ingest" / "eval"


def norm(name: str) -> str:
    """A name for comparison: lower case, no punctuation, no leading article, single spaces."""
    text = re.sub(r"[^\w\s]", "", name.lower().replace("-", " "))
    text = re.sub(r"^(?:the|a|an)\s+", "", " ".join(text.split()))
    return text


def _inverse_and_symmetric() -> tuple[dict[str, str], set[str]]:
    graph = ontology_graph()
    ids = {r.iri: r.id for r in relation_metadata().values()}
    inverse = {ids[r.iri]: str(r.inverse)[len(str(PG)):] for r in relation_metadata().values() if r.inverse}
    symmetric = {ids[s] for s in graph.subjects(RDF.type, OWL.SymmetricProperty) if isinstance(s, URIRef) and s in ids}
    return inverse, symmetric


def _names(actor_id: str | None, actors: dict[str, dict[str, Any]]) -> set[str]:
    spec = actors.get(actor_id or "", {})
    return {norm(n) for n in [spec.get("label", ""), *spec.get("aliases", [])] if n}


def _span(quote: str, text: str) -> tuple[int, int]:
    start = text.find(quote)
    return start, start + len(quote)


def _matches(cand: dict[str, Any], gold: dict[str, Any], forms: dict[str, set[str]], actors: dict[str, Any],
             inverse: dict[str, str], symmetric: set[str]) -> bool:
    if not (cand["span"][0] < gold["span"][1] and gold["span"][0] < cand["span"][1]):
        return False
    subj, obj = _names(cand.get("subject"), actors), _names(cand.get("object"), actors)
    gs, go = forms.get(gold["subject"], set()), forms.get(gold["object"], set())
    straight = cand["relation"] == gold["relation"] and bool(subj & gs) and bool(obj & go)
    swapped = (cand["relation"] == gold["relation"] and gold["relation"] in symmetric) or \
        inverse.get(cand["relation"]) == gold["relation"]
    return straight or (swapped and bool(subj & go) and bool(obj & gs))


def score(text: str, gold: dict[str, Any], actors: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Matched pairs, false positives, misses and errors of one report (see the module doc)."""
    inverse, symmetric = _inverse_and_symmetric()
    result = candidates_for_text(text, actors, published=str(gold.get("date") or "") or None)
    everyone = result["actors"]
    forms = {name: {norm(name), *(norm(str(f)) for f in fs or [])} for name, fs in (gold.get("actors") or {}).items()}
    golds = [{**g, "span": _span(str(g["quote"]), text)} for g in gold.get("relations") or []]
    cands = [c for c in result["items"] if c.get("object") is not None]
    for cand in cands:
        start = text.find(cand["quote"])
        cand["span"] = (start, start + len(cand["quote"]))
    used: set[int] = set()
    pairs, negation_errors, attribution_errors = [], [], []
    for gi, g in enumerate(golds):
        for ci, c in enumerate(cands):
            if ci in used or not _matches(c, g, forms, everyone, inverse, symmetric):
                continue
            if g.get("negated") and not c.get("negated"):
                negation_errors.append((c, g))
                used.add(ci)
                break
            if bool(c.get("negated")) != bool(g.get("negated")):
                continue
            used.add(ci)
            pairs.append((c, g))
            claimant = "reporter" if not c.get("claimant") else c["claimant"]
            gold_claimant = str(g.get("claimant") or "reporter")
            if gold_claimant == "reporter" and claimant != "reporter" or gold_claimant != "reporter" and (
                    claimant == "reporter" or not (_names(claimant, everyone) & forms.get(gold_claimant, set()))):
                attribution_errors.append((c, g))
            break
    matched_gold = {id(g) for _, g in pairs}
    attributed = sum(1 for c, g in pairs if _claimed(c) or _claimed(g))
    negated_pairs = [(c, g) for c, g in pairs if g.get("negated")]
    pairs = [(c, g) for c, g in pairs if not g.get("negated")]
    return {"pairs": pairs, "negated_pairs": negated_pairs, "false_positives": [c for i, c in enumerate(cands) if i not in used],
            "misses": [g for g in golds if id(g) not in matched_gold and not g.get("negated")],
            "gold": [g for g in golds if not g.get("negated")], "candidates": cands,
            "negation_errors": negation_errors, "attribution_errors": attribution_errors,
            "attributed": attributed}


def _claimed(statement: dict[str, Any]) -> bool:
    """Whether a candidate or gold relation is someone's claim rather than the reporter's.

    >>> _claimed({"claimant": "police"}), _claimed({"claimant": "reporter"}), _claimed({})
    (True, False, False)
    """
    return str(statement.get("claimant") or "reporter") != "reporter"


def _row(key: str, gold: int, cands: int, matched: int, matched_cands: int | None = None) -> dict[str, Any]:
    mc = matched if matched_cands is None else matched_cands
    p = round(mc / cands, 3) if cands else None
    r = round(matched / gold, 3) if gold else None
    f = round(2 * p * r / (p + r), 3) if p and r else None
    return {"key": key, "gold": gold, "candidates": cands, "matched": matched, "precision": p, "recall": r, "f1": f}


def _tables(scores: list[dict[str, Any]]) -> dict[str, Any]:
    by_rel: dict[str, list[int]] = {}
    by_phen: dict[str, list[int]] = {}
    for s in scores:
        for g in s["gold"]:
            by_rel.setdefault(g["relation"], [0, 0, 0])[0] += 1
            for ph in g.get("phenomena") or ["plain"]:
                by_phen.setdefault(ph, [0, 0, 0])[0] += 1
        for c in s["candidates"]:
            by_rel.setdefault(c["relation"], [0, 0, 0])[1] += 1
        for _, g in s["pairs"]:
            by_rel[g["relation"]][2] += 1
            for ph in g.get("phenomena") or ["plain"]:
                by_phen[ph][2] += 1
    gold = sum(len(s["gold"]) for s in scores)
    cands = sum(len(s["candidates"]) for s in scores)
    matched = sum(len(s["pairs"]) for s in scores)
    right = cands - sum(len(s["false_positives"]) for s in scores)
    return {"overall": _row("ALL", gold, cands, matched, right),
            "relations": [_row(k, *v) for k, v in sorted(by_rel.items())],
            "phenomena": [{**_row(k, v[0], 0, v[2]), "precision": None, "f1": None} for k, v in sorted(by_phen.items())],
            "negation_errors": sum(len(s["negation_errors"]) for s in scores),
            "attribution_errors": sum(len(s["attribution_errors"]) for s in scores),
            "attributed": sum(s["attributed"] for s in scores), "reports": len(scores)}


def evaluate_half(half: str, *, folder: Path = EVAL_DIR, corpus: Path = DEFAULT_CORPUS) -> dict[str, Any]:
    """The tables of one half of the evaluation set (``dev`` or ``heldout``)."""
    actors = known_actors(corpus)
    scores = []
    for gold_path in sorted((folder / half).glob("*.yaml")):
        text = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        scores.append(score(text, gold, actors))
    return {"half": half, **_tables(scores), "scores": scores}


def _fmt(v: Any) -> str:
    return "-" if v is None else f"{v:.2f}"


def _print(table: dict[str, Any]) -> None:
    o = table["overall"]
    print(f"== {table['half']}: {table['reports']} reports, {o['gold']} gold relations (not negated), "
          f"{o['candidates']} candidates, {o['matched']} matched")
    print(f"precision {_fmt(o['precision'])}  recall {_fmt(o['recall'])}  F1 {_fmt(o['f1'])}  "
          f"negation errors {table['negation_errors']}  attribution errors {table['attribution_errors']} "
          f"of {table['attributed']} attributed")
    for section in ("relations", "phenomena"):
        print(f"{section[:-1] if section == 'relations' else 'phenomenon':<20} {'gold':>5} {'cands':>6} {'match':>6} "
              f"{'precision':>9} {'recall':>7} {'f1':>5}")
        for row in table[section]:
            print(f"{row['key']:<20} {row['gold']:>5} {row['candidates'] or '':>6} {row['matched']:>6} "
                  f"{_fmt(row['precision']):>9} {_fmt(row['recall']):>7} {_fmt(row['f1']):>5}")


def _corpus_gold(corpus: Path) -> list[tuple[str, dict[str, Any]]]:
    """The curated corpus as gold reports (for ``--corpus``)."""
    out = []
    for folder in sorted(p for p in corpus.iterdir() if (p / "assertions.yaml").is_file()):
        raw = yaml.safe_load((folder / "assertions.yaml").read_text(encoding="utf-8")) or {}
        meta = yaml.safe_load((folder / "source.yaml").read_text(encoding="utf-8")) or {}
        text = (folder / str(meta.get("text", "article.txt"))).read_text(encoding="utf-8")
        actors = {k: [v.get("label"), *(v.get("aliases") or [])] for k, v in (raw.get("actors") or {}).items()}
        rels = [{"subject": a.get("subject"), "relation": a["relation"], "object": a.get("object"), "quote": a["quote"],
                 "claimant": a.get("claimant") or "reporter", "negated": bool(a.get("negated"))}
                for a in raw.get("assertions") or [] if a.get("object") is not None]
        out.append((text, {"date": meta.get("published"), "actors": actors, "relations": rels}))
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the tables (or JSON)."""
    parser = argparse.ArgumentParser(prog="python -m graph.ingest.evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", choices=("dev", "heldout", "all"), default="all")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--corpus", type=Path, help="measure this curated corpus instead of the evaluation set")
    args = parser.parse_args(argv)
    if args.corpus:
        actors = known_actors(args.corpus)
        tables = [{"half": f"corpus {args.corpus}", **_tables([score(t, g, actors) for t, g in _corpus_gold(args.corpus)])}]
    else:
        halves = ("dev", "heldout") if args.half == "all" else (args.half,)
        tables = [evaluate_half(h) for h in halves if (EVAL_DIR / h).is_dir()]
    for table in tables:
        table.pop("scores", None)
    if args.format == "json":
        print(json.dumps(tables, indent=1))
    else:
        for table in tables:
            _print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
