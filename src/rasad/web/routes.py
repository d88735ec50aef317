"""Read-only pages. Every HTML page ``/x`` has a JSON twin ``/api/x`` with the same data, and
each list in that data downloads as CSV or JSON with ``?table=NAME&format=csv|json``."""

from __future__ import annotations

import re
import sqlite3
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from . import alerts, queries, svg
from .app import ApiError, page
from .render import aliases, download, offices, segments
from .search import Filters, search
from .textindex import day_number

router = APIRouter()
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ISO3 = re.compile(r"^[A-Za-z]{3}$")
Fmt = Literal["json", "csv"]
TableQ = Annotated[str | None, Query(description="Download one list of the page's data.")]
FmtQ = Annotated[Fmt, Query(description="Download format of `table`.")]
PageQ = Annotated[int, Query(ge=1, le=100_000)]


def conn(request: Request) -> sqlite3.Connection:
    c: sqlite3.Connection = request.app.state.conns.fresh()
    return c


Conn = Annotated[sqlite3.Connection, Depends(conn)]


def _opt(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _date(value: str | None, name: str) -> str | None:
    value = _opt(value)
    if value is not None and (not DATE.match(value) or not day_number(value)):
        raise ApiError(400, "bad_request", f"{name}={value!r}: use YYYY-MM-DD (or YYYY-MM, YYYY)")
    return value


def _country(value: str | None, name: str) -> str | None:
    value = _opt(value)
    if value is not None and not ISO3.match(value):
        raise ApiError(400, "bad_request", f"{name}={value!r}: use an ISO3 code such as TUR")
    return value.upper() if value else None


def _twin(data: dict[str, Any], table: str | None, fmt: Fmt, name: str) -> Any:
    return download(data, table, fmt, name) if table else data


def qs(request: Request, **changes: Any) -> str:
    """The current query string with some parameters changed."""
    params = {k: v for k, v in request.query_params.items() if v}
    params.update({k: str(v) for k, v in changes.items() if v is not None})
    return "?" + urlencode(params)


# -- overview -----------------------------------------------------------------------------
def overview_data(request: Request) -> dict[str, Any]:
    data: dict[str, Any] = request.app.state.conns.cached("overview", queries.overview)
    return data


@router.get("/api/overview", tags=["pages"], summary="Corpus counts, latest events, dyads, rejects")
def overview_json(request: Request, table: TableQ = None, format: FmtQ = "json") -> Any:
    return _twin(overview_data(request), table, format, "overview")


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def overview_html(request: Request) -> Response:
    return page(request, "overview.html", overview_data(request), api="/api/overview")


# -- search -------------------------------------------------------------------------------
def search_data(
    c: sqlite3.Connection,
    q: str,
    actor: str | None,
    country: str | None,
    type: str | None,
    since: str | None,
    until: str | None,
    outlet: str | None,
    page_no: int,
) -> dict[str, Any]:
    filters = Filters(
        actor=_opt(actor),
        country=_country(country, "country"),
        type=_opt(type),
        since=_date(since, "since"),
        until=_date(until, "until"),
        outlet=_opt(outlet),
    )
    data = search(c, q[:500], filters, page=page_no)
    data["filters"] = vars(filters)
    return data


@router.get("/api/search", tags=["pages"], summary="Full-text search with filters")
def search_json(
    c: Conn,
    q: str = "",
    actor: str | None = None,
    country: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    page: PageQ = 1,
    table: TableQ = None,
    format: FmtQ = "json",
) -> Any:
    data = search_data(c, q, actor, country, type, since, until, outlet, page)
    return _twin(data, table, format, "search")


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_html(
    request: Request,
    c: Conn,
    q: str = "",
    actor: str | None = None,
    country: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    page_no: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
) -> Response:
    data = search_data(c, q, actor, country, type, since, until, outlet, page_no)
    return page(
        request,
        "search.html",
        data,
        api="/api/search" + qs(request),
        **_choices(request),
        qs=qs,
    )


def _choices(request: Request) -> dict[str, list[str]]:
    """The outlets and event types of the search form (cached until the store changes)."""
    conns = request.app.state.conns
    return {
        "outlets": conns.cached("outlets", queries.outlets),
        "types": conns.cached("types", queries.event_types),
    }


# -- dyad ---------------------------------------------------------------------------------
def dyad_data(
    c: sqlite3.Connection, a: str, b: str, since: str | None, until: str | None, page_no: int
) -> dict[str, Any]:
    ca, cb = _country(a, "first country"), _country(b, "second country")
    assert ca
    assert cb
    return queries.dyad(
        c, ca, cb, since=_date(since, "since"), until=_date(until, "until"), page=page_no
    )


@router.get("/api/dyad/{a}/{b}", tags=["pages"], summary="Relation between two countries")
def dyad_json(
    c: Conn,
    a: str,
    b: str,
    since: str | None = None,
    until: str | None = None,
    page: PageQ = 1,
    table: TableQ = None,
    format: FmtQ = "json",
) -> Any:
    return _twin(dyad_data(c, a, b, since, until, page), table, format, f"dyad-{a}-{b}")


@router.get("/dyad/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
def dyad_html(
    request: Request,
    c: Conn,
    a: str,
    b: str,
    since: str | None = None,
    until: str | None = None,
    page_no: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
) -> Response:
    data = dyad_data(c, a, b, since, until, page_no)
    names = {code: queries.entity(c, code) for code in data["dyad"]}
    return page(
        request,
        "dyad.html",
        data,
        api=f"/api/dyad/{a}/{b}" + qs(request),
        chart=svg.timeline(data["weeks"]),
        names=names,
        qs=qs,
    )


# -- actor --------------------------------------------------------------------------------
def actor_data(c: sqlite3.Connection, entity_id: str) -> dict[str, Any]:
    ent = queries.entity(c, entity_id)
    if ent is None:
        raise ApiError(404, "not_found", f"no entity {entity_id!r} in the store")
    data = queries.actor(c, ent)
    data["offices"] = offices(ent["id"])
    data["known_aliases"] = aliases(ent["id"])
    return data


@router.get("/api/actor/{entity_id:path}", tags=["pages"], summary="One actor")
def actor_json(c: Conn, entity_id: str, table: TableQ = None, format: FmtQ = "json") -> Any:
    return _twin(actor_data(c, entity_id), table, format, "actor")


@router.get("/actor/{entity_id:path}", response_class=HTMLResponse, include_in_schema=False)
def actor_html(request: Request, c: Conn, entity_id: str) -> Response:
    data = actor_data(c, entity_id)
    chart = svg.network(data["entity"], data["counterparts"])
    return page(request, "actor.html", data, api=f"/api/actor/{data['entity']['id']}", chart=chart)


# -- article ------------------------------------------------------------------------------
def article_data(c: sqlite3.Connection, article_id: str) -> dict[str, Any]:
    data = queries.article(c, article_id)
    if data is None:
        raise ApiError(404, "not_found", f"no article {article_id!r} in the store")
    return data


@router.get("/api/article/{article_id}", tags=["pages"], summary="One article")
def article_json(c: Conn, article_id: str, table: TableQ = None, format: FmtQ = "json") -> Any:
    return _twin(article_data(c, article_id), table, format, f"article-{article_id}")


@router.get("/article/{article_id}", response_class=HTMLResponse, include_in_schema=False)
def article_html(request: Request, c: Conn, article_id: str) -> Response:
    data = article_data(c, article_id)
    parts = segments(data["article"]["text"] or "", data["mentions"], data["evidence"])
    return page(request, "article.html", data, api=f"/api/article/{article_id}", parts=parts)


# -- story --------------------------------------------------------------------------------
def story_data(c: sqlite3.Connection, story_id: str) -> dict[str, Any]:
    data = queries.story(c, story_id)
    if data is None:
        raise ApiError(404, "not_found", f"no story {story_id!r} in the store")
    return data


@router.get("/api/story/{story_id}", tags=["pages"], summary="One story (cluster of articles)")
def story_json(c: Conn, story_id: str, table: TableQ = None, format: FmtQ = "json") -> Any:
    return _twin(story_data(c, story_id), table, format, f"story-{story_id}")


@router.get("/story/{story_id}", response_class=HTMLResponse, include_in_schema=False)
def story_html(request: Request, c: Conn, story_id: str) -> Response:
    return page(request, "story.html", story_data(c, story_id), api=f"/api/story/{story_id}")


# -- alerts (reading) ---------------------------------------------------------------------
def alerts_data(request: Request) -> dict[str, Any]:
    w = request.app.state.conns.write()
    try:
        return {"alerts": alerts.list_alerts(w)}
    finally:
        w.close()


@router.get("/api/alerts", tags=["alerts"], summary="Saved alerts and their last delivery")
def alerts_json(request: Request, table: TableQ = None, format: FmtQ = "json") -> Any:
    return _twin(alerts_data(request), table, format, "alerts")


@router.get("/alerts", response_class=HTMLResponse, include_in_schema=False)
def alerts_html(request: Request) -> Response:
    return page(request, "alerts.html", alerts_data(request), api="/api/alerts")


@router.get(
    "/alerts/{name}.atom",
    tags=["alerts"],
    summary="Atom feed of one alert",
    response_class=Response,
    responses={200: {"content": {"application/atom+xml": {}}}},
)
def alert_feed(request: Request, name: str) -> Response:
    w = request.app.state.conns.write()
    try:
        alert = alerts.get(w, name)
        body = alerts.atom(alert, alerts.matching(w, alert), str(request.base_url))
    finally:
        w.close()
    return Response(body, media_type="application/atom+xml; charset=utf-8")
