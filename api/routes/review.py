"""``/review/{source-id}``: an ingested article beside its candidate assertions, reviewed in the browser.

Reading is public. Every change needs the update token (``POWERGRAPH_UPDATE_TOKEN``) as
``Authorization: Bearer ...`` and a JSON body; the page's script (``/static/review.js``)
sends the token the reviewer entered once (kept in ``sessionStorage``). Without the token:
401 (or 403 for a wrong one, or a read-only server) and nothing changes.

CSRF: there is no cookie or other credential a browser adds by itself, so a page of
another site cannot act for the reviewer: it can neither read the token nor send an
``Authorization`` header or a JSON body to this origin (both need a CORS preflight, which
this server never grants). A plain HTML form posted from elsewhere gets 401 or 415.

Each change writes ``review.yaml`` as a hand edit would (only the changed keys' lines;
:mod:`api.pages.review_edit`). "merge" runs ``review-merge`` (validated like the build:
an error changes nothing and names the file and line) and rebuilds the graph in the
running server: the store's graphs are replaced in one transaction (readers see the old
graph or the new one), then the query workers reopen the new data.
"""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from api.context import Context
from api.http.errors import Problem
from api.http.tokens import require_token
from api.pages.corpus import corpus_dir, source_folder
from api.pages.html import render
from api.pages.marks import mark_text, place_quotes
from api.pages.review_edit import edit_candidate, link_actor
from api.routes.entity import negotiate_view
from graph.build import build_into
from graph.build.assertions import STATUSES
from graph.build.yamlfile import read_yaml
from graph.errors import AssertionFileError, NotFoundError
from graph.ingest import merge_review
from graph.ingest.files import REVIEW_FILE, read_mapping
from graph.ingest.mentions.finder import known_actors
from ontology import relation_metadata

__all__ = ["router", "review_data"]

router = APIRouter()

_DECISIONS = ("pending", "accept", "reject")
_REFS = ("subject", "object", "claimant")
_EDITABLE = ("decision", "relation", "subject", "object", "status", "claimant", "when")
_SHOWN_EXTRA = ("rule", "trigger", "corroborates", "review_note", "ambiguous", "reason", "reading")


def _review_path(ctx: Context, source_id: str) -> Path:
    path = source_folder(ctx.settings, source_id) / REVIEW_FILE
    if not path.is_file():
        raise NotFoundError(f"no review file for source {source_id!r}", hint=f"run `powergraph ingest ARTICLE.txt "
                                                                             f"--id {source_id}` first; see /review/")
    return path


def _authorize(request: Request, token: str) -> None:
    """The update token as a bearer header, and a JSON body (see the module doc)."""
    require_token(request, token, doing="changing a review",
                  hint="enter the token in the review page, or send 'Authorization: Bearer <token>'")
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise Problem(415, "unsupported_media_type", "send the change as JSON", hint="Content-Type: application/json")


async def _body(request: Request) -> dict[str, Any]:
    try:
        body = json.loads(await request.body() or b"{}")
    except ValueError:
        raise Problem(400, "bad_json", "the body is not JSON", hint='send e.g. {"set": {"decision": "accept"}}') from None
    if not isinstance(body, dict):
        raise Problem(400, "bad_json", "the body must be a JSON object", hint='send e.g. {"set": {"decision": "accept"}}')
    return body


def _actor_choices(ctx: Context, review: dict[str, Any]) -> dict[str, dict[str, Any]]:
    proposed = {str(k): {**dict(v), "new": True} for k, v in (review.get("actors") or {}).items()}
    known = {k: {"label": v.get("label", k), "type": v.get("type"), "new": False}
             for k, v in known_actors(corpus_dir(ctx.settings)).items()}
    return {**known, **proposed}


def _check_changes(changes: Any, actors: dict[str, Any]) -> dict[str, Any]:
    if not isinstance(changes, dict) or not changes:
        raise Problem(422, "invalid_change", "'set' must name the keys to change", hint=f"keys: {', '.join(_EDITABLE)}")
    relations = {r.id for r in relation_metadata().values()}
    allowed: dict[str, Any] = {"decision": _DECISIONS, "relation": relations, "status": tuple(STATUSES)}
    for key, value in changes.items():
        if key not in _EDITABLE:
            raise Problem(422, "invalid_change", f"{key!r} cannot be changed here", hint=f"keys: {', '.join(_EDITABLE)}")
        if key in allowed and value not in allowed[key]:
            raise Problem(422, "invalid_change", f"{key}: {value!r} is not one of the allowed values",
                          hint=", ".join(sorted(allowed[key])) if key != "relation" else "see /ontology")
        if key in _REFS and value is not None and value not in actors:
            raise Problem(422, "invalid_change", f"{key}: no actor {value!r}",
                          hint="choose an actor of the corpus, or a proposed one of this review")
        if key == "claimant" and value is None or key == "when" and value in (None, ""):
            changes[key] = None
        elif key == "when" and (not isinstance(value, str | int) or len(str(value)) > 200):
            raise Problem(422, "invalid_change", "when: write a date or a time expression (at most 200 characters)",
                          hint="e.g. 2022-01-14, 2022-01, on Friday, last week")
    return changes


def review_data(ctx: Context, source_id: str) -> dict[str, Any]:
    """The review as plain data: the source, its text, the candidates (with their quotes placed) and the actors."""
    path = _review_path(ctx, source_id)
    review = read_mapping(path, keys={"actors", "assertions"})
    folder = path.parent
    meta = read_yaml(folder / "source.yaml") or {}
    text = (folder / str(meta.get("text", "article.txt"))).read_text(encoding="utf-8")
    actors = _actor_choices(ctx, review)
    candidates = []
    for item in review.get("assertions") or []:
        quote_text = str(item.get("quote") or "")
        starts = [m.start() for m in re.finditer(re.escape(quote_text), text)] if quote_text else []
        index = int(item.get("occurrence") or 1) - 1
        at = starts[index] if 0 <= index < len(starts) else None
        candidates.append({
            **{k: item.get(k) for k in ("id", "subject", "relation", "object", "value", "status", "claimant", "when",
                                        "decision", "key", "occurrence")},
            "quote": quote_text, "start": at, "end": at + len(quote_text) if at is not None else None,
            "extra": {k: item[k] for k in _SHOWN_EXTRA if k in item}, "line": item.line,
            "labels": {k: actors.get(str(item.get(k)), {}).get("label") for k in _REFS},
            "new_actors": [str(item.get(k)) for k in _REFS if actors.get(str(item.get(k)), {}).get("new")]})
    return {"source": {"id": source_id, "title": meta.get("title", source_id), "published": meta.get("published"),
                       "published_is_assumption": bool(meta.get("published_is_assumption")),
                       "published_note": meta.get("published_note")},
            "file": str(path), "text": text, "candidates": candidates,
            "proposed": {k: v for k, v in actors.items() if v.get("new")},
            "actors": sorted(({"id": k, "label": v.get("label"), "new": v.get("new")} for k, v in actors.items()),
                             key=lambda a: (not a["new"], str(a["label"]).lower())),
            "relations": sorted(r.id for r in relation_metadata().values()), "statuses": list(STATUSES),
            "decisions": list(_DECISIONS), "read_only": not ctx.settings.update_token,
            "links": {"json": f"/review/{quote(source_id)}?format=json", "source": f"/source/{quote(source_id)}"}}


@router.get("/review/", tags=["review"], summary="The sources with a review file")
async def reviews(request: Request) -> Response:
    """Every source of the corpus that has a review file, with how many candidates are undecided."""
    ctx: Context = request.app.state.pg
    found = []
    for path in sorted(corpus_dir(ctx.settings).glob(f"*/{REVIEW_FILE}")):
        items = read_mapping(path, keys={"actors", "assertions"}).get("assertions") or []
        found.append({"id": path.parent.name, "page": f"/review/{quote(path.parent.name)}", "candidates": len(items),
                      "pending": sum(1 for i in items if isinstance(i, dict) and i.get("decision") == "pending")})
    if negotiate_view(request, None) != "html":
        return JSONResponse({"reviews": found}, headers={"Vary": "Accept"})
    return render(request, "reviews.html", reviews=found)


@router.get("/review/{source_id}", tags=["review"], summary="Review the candidates of an ingested article")
async def review(request: Request, source_id: str) -> Response:
    """The article with each candidate's quote marked, and the candidates to accept, reject or edit."""
    ctx: Context = request.app.state.pg
    data = await asyncio.to_thread(review_data, ctx, source_id)
    if negotiate_view(request, None) != "html":
        return JSONResponse(data, headers={"Vary": "Accept"})
    placed, _ = place_quotes(data["text"], [{**c, "id": f"cand-{c['id']}"} for c in data["candidates"]])
    marked = mark_text(data["text"], placed, href=lambda anchor: "#card-" + anchor[len("cand-"):])
    return render(request, "review.html", data=data, marked=marked)


@router.post("/review/{source_id}/candidate/{item_id}", tags=["review"], summary="Decide or edit one candidate")
async def change_candidate(request: Request, source_id: str, item_id: str) -> dict[str, Any]:
    """Set keys of one candidate (``{"set": {"decision": "accept", "subject": "tokayev", ...}}``); needs the token."""
    ctx: Context = request.app.state.pg
    _authorize(request, ctx.settings.update_token)
    body = await _body(request)
    path = _review_path(ctx, source_id)
    async with ctx.update_lock:
        review_file = await asyncio.to_thread(read_mapping, path, keys={"actors", "assertions"})
        changes = _check_changes(body.get("set"), _actor_choices(ctx, review_file))
        item = await asyncio.to_thread(edit_candidate, path, item_id, changes)
    return {"candidate": item, "file": str(path)}


@router.post("/review/{source_id}/link", tags=["review"], summary="Link a proposed actor to an existing one")
async def link(request: Request, source_id: str) -> dict[str, Any]:
    """Replace a proposed actor by an actor of the corpus everywhere in the review (``{"actor", "to"}``); needs the token."""
    ctx: Context = request.app.state.pg
    _authorize(request, ctx.settings.update_token)
    body = await _body(request)
    path = _review_path(ctx, source_id)
    async with ctx.update_lock:
        known = known_actors(corpus_dir(ctx.settings))
        if body.get("to") not in known:
            raise Problem(422, "invalid_change", f"no actor {body.get('to')!r} in the corpus",
                          hint="link to an actor id of the corpus (see /entity/)")
        changed = await asyncio.to_thread(link_actor, path, str(body.get("actor")), str(body["to"]), (*_REFS, "place"))
    return {"linked": body.get("actor"), "to": body["to"], "candidates": changed}


@router.post("/review/{source_id}/merge", tags=["review"], summary="Merge the decisions and rebuild the graph")
async def merge(request: Request, source_id: str) -> dict[str, Any]:
    """``review-merge``, then the graph rebuilt in this server (atomically); needs the token.

    A validation error changes nothing (422, with the file and line).
    """
    ctx: Context = request.app.state.pg
    _authorize(request, ctx.settings.update_token)
    _review_path(ctx, source_id)
    corpus = corpus_dir(ctx.settings)
    async with ctx.update_lock:
        summary = await asyncio.to_thread(merge_review, corpus, source_id)
        try:
            built = await asyncio.to_thread(build_into, ctx.store, corpus)
        except AssertionFileError as err:  # merge_review validated the same corpus: only a change made meanwhile
            raise AssertionFileError(f"merged into the files, but the graph was not rebuilt: {err.message}",
                                     file=err.file, line=err.line, hint="fix it, then run `powergraph build`") from None
        finally:
            await asyncio.to_thread(ctx.changed)
    return {"merge": summary, "graph": built.stats,
            "statements": [f"/entity/st-{i.id}" for c in built.curated if c.source.id == source_id for i in c.assertions]}
