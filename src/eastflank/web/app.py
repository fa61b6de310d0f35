"""The FastAPI application of ``eastflank serve``: a JSON API over the library, and the page.

Every endpoint calls the same library functions as the CLI and the report (catalog, geo,
posture, command, warning, campaign, reach, claims) and returns their results as JSON; the
OpenAPI schema is at ``/openapi.json``. Errors read like the CLI's: an unknown id is a 404
naming the nearest names, bad input a 422 naming the field.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from dataclasses import dataclass
from functools import cached_property
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field

from eastflank import __version__
from eastflank.catalog import Catalog, load_catalog
from eastflank.errors import ClaimInputError, EastflankError, UnknownNameError
from eastflank.jsonable import to_jsonable
from eastflank.schema import Stage
from eastflank.web import views
from eastflank.web.cite import bibtex, csl_json
from eastflank.web.params import apply_overrides, parameters
from eastflank.web.security import MAX_BODY_BYTES, BodyLimit, SecurityHeaders
from eastflank.web.worker import CheckTimeoutError, CheckWorker

__all__ = ["CHECK_TIMEOUT_S", "WebState", "create_app", "static_dir"]

CHECK_TIMEOUT_S = 30.0
"""Longest time an article check may take before it is refused."""

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
"""Largest article accepted (text, HTML or PDF)."""

MAX_SEED = 2**32 - 1


def static_dir() -> Path:
    """The folder of the page and its vendored libraries, inside the package."""
    return Path(str(files("eastflank.web") / "static"))


def _nearest(name: str, choices: list[str]) -> list[str]:
    from rapidfuzz import process

    return [n for n, s, _ in process.extract(name, choices, limit=3) if s >= 60]


@dataclass
class WebState:
    """What the app serves: the catalog, its stages, and the folder of sweep results."""

    catalog: Catalog
    sweeps: Path | None = None
    _anchors: Any = None
    check_timeout_s: float = CHECK_TIMEOUT_S

    @cached_property
    def checker(self) -> CheckWorker:
        """The worker process of article checks (started on the first check)."""
        return CheckWorker(self.catalog)

    @cached_property
    def stages(self) -> dict[str, Stage]:
        """The built-in stages, loaded and checked once, earliest first."""
        from eastflank.stages import list_stages, load_stage

        return {s: load_stage(s, self.catalog) for s in list_stages()}

    def stage(self, name: str) -> Stage:
        if name not in self.stages:
            raise UnknownNameError("stage", name, _nearest(name, list(self.stages)),
                                   field="stage")
        return self.stages[name]

    def warning_scenario(self, name: str) -> Any:
        from eastflank.scenario import list_scenarios, load_scenario

        names = list_scenarios()
        if name not in names:
            raise UnknownNameError("scenario", name, _nearest(name, names), field="scenario")
        return load_scenario(name, self.catalog)

    def campaign_scenario(self, name: str) -> Any:
        from eastflank.campaign.scenario import list_campaign_scenarios, load_campaign_scenario

        names = list_campaign_scenarios()
        if name not in names:
            raise UnknownNameError("campaign scenario", name, _nearest(name, names),
                                   field="scenario")
        return load_campaign_scenario(name, self.catalog)

    def anchor_rows(self, compute: Any) -> Any:
        """The anchors table, computed once (it runs every anchored model)."""
        if self._anchors is None:
            self._anchors = compute(self.catalog)
        return self._anchors

    def stage_sources(self, stage: Stage) -> list[str]:
        """The sources behind a stage's order of battle: the stage's and its records'."""
        view = self.catalog.as_of(stage.date)
        ids: dict[str, None] = dict.fromkeys(stage.sources)
        for kind in ("units", "facilities", "places", "command_bodies"):
            for rec in view.records[kind].values():
                ids.update(dict.fromkeys(rec.sources))
        return [s for s in ids if s in self.catalog.sources]


# -- request bodies ---------------------------------------------------------------------------
class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


Overrides = Annotated[dict[str, float], Field(
    default_factory=dict, max_length=200,
    description="Parameter path -> new value (see the scenario's parameters).")]


class WarningRun(_Body):
    """A warning-time run: stage, sampling and changed parameters."""

    stage: str = Field(description="Stage id.", max_length=100)
    samples: int = Field(20_000, ge=1, le=100_000, description="Monte Carlo samples.")
    seed: int = Field(0, ge=0, le=MAX_SEED, description="Random seed.")
    controlled: bool = Field(False, description="Same forces and the scenario's default "
                             "options at every stage (as `warning run --controlled`).")
    forces_from: str | None = Field(None, max_length=100,
                                    description="Stage id whose force positions are used.")
    overrides: Overrides


class CampaignRun(_Body):
    """A campaign run: stage, sampling, warning source and changed parameters."""

    stage: str = Field(description="Stage id.", max_length=100)
    samples: int = Field(2_000, ge=1, le=20_000, description="Monte Carlo samples.")
    seed: int = Field(0, ge=0, le=MAX_SEED, description="Random seed.")
    warning: Literal["model", "scenario"] = Field(
        "model", description="Warning time from the warning model or from the scenario.")
    overrides: Overrides


class ArticleText(_Body):
    """Pasted text of an article."""

    text: str = Field(min_length=1, max_length=MAX_ARTICLE_BYTES)
    date: dt.date | None = Field(None, description="The article's date, if known.")
    source: str | None = Field(None, max_length=200, description="Name shown in the result.")


AsOf = Annotated[dt.date, Query(description="The dataset as of this date (YYYY-MM-DD).",
                                ge=dt.date(1900, 1, 1), le=dt.date(2100, 12, 31))]
StageQ = Annotated[str, Query(description="Stage id.", max_length=100)]


# -- the app ----------------------------------------------------------------------------------
def _host_patterns(hosts: list[str]) -> list[str]:
    """``hosts`` with each IPv6 address also in brackets, as it stands in a Host header."""
    import ipaddress

    out: list[str] = []
    for h in hosts:
        bare = h[1:-1] if h.startswith("[") and h.endswith("]") else h
        try:
            is_v6 = isinstance(ipaddress.ip_address(bare), ipaddress.IPv6Address)
        except ValueError:
            is_v6 = False
        out += [bare, f"[{bare}]"] if is_v6 else [h]
    return list(dict.fromkeys(out))


def create_app(catalog: Catalog | None = None, *, sweeps: Path | None = None,
               data: list[Path] | None = None, trusted_hosts: list[str] | None = None,
               check_timeout_s: float = CHECK_TIMEOUT_S) -> Any:
    """The ASGI app: FastAPI wrapped in the request-size limit and the security headers.

    Parameters
    ----------
    catalog
        The dataset; default: the packaged one plus ``data`` folders.
    sweeps
        Folder holding sweep results (Parquet files), if any.
    trusted_hosts
        Host names the app answers to (a loopback server refuses others, against DNS
        rebinding); default: any. An IPv6 address is accepted with or without brackets
        (``::1`` also allows the ``[::1]:port`` a browser sends).
    check_timeout_s
        Time an article check may take; the worker process doing it is stopped after it.
    """
    state = WebState(catalog or load_catalog(extra=tuple(data or ())), sweeps,
                     check_timeout_s=check_timeout_s)
    api = FastAPI(title="eastflank", version=__version__, docs_url=None, redoc_url=None,
                  description="The eastflank model over HTTP: every view's data as JSON.")
    api.state.web = state

    @api.exception_handler(UnknownNameError)
    async def _unknown(_: Request, exc: UnknownNameError) -> JSONResponse:
        return JSONResponse(status_code=404, content={
            "detail": str(exc), "kind": exc.kind, "name": exc.name,
            "suggestions": exc.suggestions, "field": exc.field})

    @api.exception_handler(EastflankError)
    async def _bad(_: Request, exc: EastflankError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": str(exc), "field": exc.field})

    if trusted_hosts:
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        api.add_middleware(TrustedHostMiddleware, allowed_hosts=_host_patterns(trusted_hosts))
    _routes(api, state)
    static = static_dir()
    api.mount("/static", StaticFiles(directory=static, check_dir=False), name="static")

    @api.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(static / "index.html", media_type="text/html")

    return SecurityHeaders(BodyLimit(api, MAX_BODY_BYTES))


def fastapi_of(app: Any) -> FastAPI:
    """The FastAPI app inside the middleware returned by :func:`create_app`."""
    while not isinstance(app, FastAPI):
        app = app.app
    return app


def _routes(api: FastAPI, state: WebState) -> None:
    cat = state.catalog

    @api.get("/api/meta", tags=["dataset"])
    def meta() -> dict[str, Any]:
        """Version, stages, scenarios, tables and the date range of the dataset."""
        from eastflank.campaign.scenario import list_campaign_scenarios
        from eastflank.scenario import list_scenarios

        dates = [d for rec in cat.iter_records(["units", "facilities"])
                 for d in (rec.valid_from, rec.valid_to) if d is not None]
        dates += [s.date for s in state.stages.values()]
        return {
            "version": __version__,
            "stages": [{"id": s.id, "name": s.name, "date": s.date.isoformat(),
                        "status": s.status.value, "summary": s.summary,
                        "sources": list(s.sources)} for s in state.stages.values()],
            "date_min": min(dates).isoformat(), "date_max": max(dates).isoformat(),
            "warning_scenarios": list_scenarios(),
            "campaign_scenarios": list_campaign_scenarios(),
            "tables": list(views.TABLES), "counts": cat.counts(),
        }

    # -- map ----------------------------------------------------------------------------
    @api.get("/api/map/basemap", tags=["map"])
    def basemap() -> dict[str, Any]:
        """Territories of the region (Natural Earth 1:10m, simplified) as GeoJSON."""
        return views.basemap()

    @api.get("/api/map/units", tags=["map"])
    def units(as_of: AsOf) -> dict[str, Any]:
        """Units located at their garrisons as of a date (GeoJSON)."""
        return views.units_geojson(cat, as_of)

    @api.get("/api/map/facilities", tags=["map"])
    def facilities(as_of: AsOf) -> dict[str, Any]:
        """Facilities as of a date (GeoJSON)."""
        return views.facilities_geojson(cat, as_of)

    @api.get("/api/map/rings", tags=["map"])
    def rings(as_of: AsOf) -> dict[str, Any]:
        """Range rings of the strike systems deployed as of a date (GeoJSON)."""
        return views.rings_geojson(cat, as_of)

    @api.get("/api/map/cover", tags=["map"])
    def cover(as_of: AsOf, basis: Literal["advertised", "assessed"] = "advertised",
              scenario: Annotated[str, Query(max_length=100)] = "suwalki-gap-closure",
              ) -> dict[str, Any]:
        """Air-defence cover in Belarus and Kaliningrad as of a date (GeoJSON and shares)."""
        from eastflank.campaign.forces import StageDate
        from eastflank.reach.cover import air_defence_cover

        sc = state.campaign_scenario(scenario)
        result = air_defence_cover(sc, cat, StageDate(as_of.isoformat(), as_of, "as of"), basis)
        return views.cover_geojson(result)

    @api.get("/api/map/gap", tags=["map"])
    def the_gap() -> dict[str, Any]:
        """The Suwałki Gap: the shortest Belarus-Kaliningrad segment (GeoJSON)."""
        from eastflank.geo import default_region, gap

        return views.gap_geojson(gap(default_region(), "BY", "RU-KGD"))

    # -- records ------------------------------------------------------------------------
    @api.get("/api/records/{record_id}", tags=["dataset"])
    def record(record_id: str) -> dict[str, Any]:
        """A record with its status, sources, references and its history at each stage."""
        out = cat.describe(record_id)
        out["history"] = views.history(cat, record_id, state.stages.values())
        return out

    @api.get("/api/tables/{table}", tags=["dataset"])
    def table(table: str, as_of: Annotated[dt.date | None, Query()] = None) -> dict[str, Any]:
        """One dataset table (optionally as of a date) as JSON rows."""
        view = _table_view(table, as_of)
        return {"table": table, "as_of": as_of.isoformat() if as_of else None,
                "rows": [r.model_dump(mode="json") for r in view.records[table].values()]}

    def _table_view(table: str, as_of: dt.date | None) -> Catalog:
        if table not in views.TABLES:
            raise UnknownNameError("table", table, _nearest(table, list(views.TABLES)),
                                   field="table")
        return cat.as_of(as_of) if as_of else cat

    # -- command ------------------------------------------------------------------------
    @api.get("/api/command/{stage}", tags=["command"])
    def command(stage: str, diff_from: Annotated[str | None, Query(max_length=100)] = None,
                ) -> dict[str, Any]:
        """The authority graph of a stage as Cytoscape elements, with the diff from another."""
        from eastflank.command import authority_graph, stage_diff

        st = state.stage(stage)
        diff = stage_diff(state.stage(diff_from), st, cat) if diff_from else None
        return {"stage": st.id, "name": st.name, "date": st.date.isoformat(),
                "status": st.status.value, "summary": st.summary,
                "elements": views.command_elements(authority_graph(st, cat), diff),
                "diff": to_jsonable(diff) if diff is not None else None,
                "assignments": [
                    {"group": a.group, "authority": a.authority.value, "holder": a.holder,
                     "via": list(a.via), "consents": [g.consent for g in a.gates],
                     "status": a.status.value, "sources": list(a.sources), "note": a.note}
                    for a in st.assignments]}

    @api.get("/api/command-diff", tags=["command"])
    def command_diff(a: StageQ, b: StageQ) -> Any:
        """What moved between two stages (as ``eastflank command diff``)."""
        from eastflank.command import stage_diff

        return to_jsonable(stage_diff(state.stage(a), state.stage(b), cat))

    # -- warning and campaign -----------------------------------------------------------
    @api.get("/api/warning/{scenario}/parameters", tags=["warning"])
    def warning_parameters(scenario: str) -> dict[str, Any]:
        """Every editable number of a warning scenario with its range, status and sources."""
        sc = state.warning_scenario(scenario)
        return {"scenario": sc.id, "name": sc.name, "objective": sc.objective,
                "status": sc.status.value, "parameters": to_jsonable(parameters(sc))}

    @api.post("/api/warning/{scenario}/run", tags=["warning"])
    def warning_run(scenario: str, run: WarningRun) -> Any:
        """Run the warning-time model (as ``eastflank warning run``) with changed parameters."""
        from eastflank.warning import run_warning

        sc = apply_overrides(state.warning_scenario(scenario), run.overrides)
        forces_from = state.stage(run.forces_from).id if run.forces_from else None
        result = run_warning(sc, state.stage(run.stage), cat, run.samples, run.seed,
                             controlled=run.controlled, forces_from=forces_from)
        return {"result": to_jsonable(result), "overrides": run.overrides}

    @api.get("/api/campaign/{scenario}/parameters", tags=["campaign"])
    def campaign_parameters(scenario: str) -> dict[str, Any]:
        """Every editable number of a campaign scenario with its range, status and sources."""
        sc = state.campaign_scenario(scenario)
        return {"scenario": sc.id, "name": sc.name, "status": sc.status.value,
                "parameters": to_jsonable(parameters(sc.campaign))}

    @api.post("/api/campaign/{scenario}/run", tags=["campaign"])
    def campaign_run(scenario: str, run: CampaignRun) -> Any:
        """Run the gap campaign (as ``eastflank campaign run``) with changed parameters."""
        from eastflank.campaign.forces import StageDate
        from eastflank.campaign.model import model_warning_hours, run_campaign

        sc = state.campaign_scenario(scenario)
        sc = sc.model_copy(update={"campaign": apply_overrides(sc.campaign, run.overrides)})
        st = state.stage(run.stage)
        when = StageDate(st.id, st.date, "stage file")
        hours = label = None
        if run.warning == "model":
            hours, label = model_warning_hours(cat, sc.id, st.id, run.samples, run.seed)
        result = run_campaign(sc, cat, when, samples=run.samples, seed=run.seed,
                              warning_hours=hours, warning_label=label)
        return {"result": to_jsonable(result), "overrides": run.overrides}

    # -- sweeps and anchors -------------------------------------------------------------
    def _sweep_files() -> dict[str, Path]:
        folder = state.sweeps
        if folder is None or not folder.is_dir():
            return {}
        found = [*folder.glob("*.parquet"), *folder.glob("*/results.parquet")]
        return {p.relative_to(folder).as_posix(): p for p in sorted(found) if p.is_file()}

    @api.get("/api/sweeps", tags=["results"])
    def sweeps() -> dict[str, Any]:
        """Sweep results in the sweeps folder: its Parquet files and the ``results.parquet``
        of each sweep folder in it (``eastflank sweep``)."""
        folder = state.sweeps
        return {"folder": str(folder) if folder else None,
                "files": [{"name": n, "bytes": p.stat().st_size}
                          for n, p in _sweep_files().items()]}

    @api.get("/api/sweeps/{name:path}", tags=["results"])
    def sweep(name: str, limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> dict[str, Any]:
        """The first rows of one sweep result file (read with DuckDB)."""
        import duckdb

        known = _sweep_files()
        if name not in known:
            raise UnknownNameError("sweep result", name, _nearest(name, list(known)))
        path = str(known[name])
        con = duckdb.connect(":memory:")
        try:
            cur = con.execute("SELECT * FROM read_parquet(?) LIMIT ?", [path, limit])
            columns = [d[0] for d in cur.description]
            rows = [[to_jsonable(v) for v in row] for row in cur.fetchall()]
            total = con.execute("SELECT count(*) FROM read_parquet(?)", [path]).fetchone()
        finally:
            con.close()
        return {"name": name, "columns": columns, "rows": rows,
                "total_rows": int(total[0]) if total else len(rows)}

    @api.get("/api/anchors", tags=["results"])
    def anchors() -> dict[str, Any]:
        """Published results beside the model's figures (as ``eastflank anchors``), when
        :mod:`eastflank.anchors` is installed."""
        if importlib.util.find_spec("eastflank.anchors") is None:
            return {"available": False, "detail": "eastflank.anchors is not installed"}
        from eastflank.anchors import anchor_rows

        return {"available": True, "result": to_jsonable(state.anchor_rows(anchor_rows))}

    # -- claims -------------------------------------------------------------------------
    async def _check(data: bytes | str, source: str, day: dt.date | None,
                     suffix: str = "") -> dict[str, Any]:
        timeout = state.check_timeout_s
        try:
            return await run_in_threadpool(state.checker.check, data, source, day, suffix,
                                           timeout)
        except CheckTimeoutError:
            raise ClaimInputError(f"checking took longer than {timeout:g} s; "
                                  "expected a shorter article", file=source) from None

    @api.post("/api/check/text", tags=["claims"])
    async def check_pasted(article: ArticleText) -> dict[str, Any]:
        """Check pasted text: its claims with verdicts, evidence and sources."""
        return await _check(article.text, article.source or "pasted text", article.date)

    @api.post("/api/check/file", tags=["claims"], openapi_extra={"requestBody": {
        "required": True, "content": {"application/octet-stream": {
            "schema": {"type": "string", "format": "binary"}}}}})
    async def check_file(request: Request,
                         filename: Annotated[str, Query(max_length=200)] = "upload.txt",
                         date: Annotated[dt.date | None, Query()] = None) -> dict[str, Any]:
        """Check an uploaded article (text, HTML or PDF, at most 5 MB; the body is the file)."""
        data = await request.body()
        if len(data) > MAX_ARTICLE_BYTES:
            raise HTTPException(413, f"article is {len(data) / 1e6:.1f} MB; the limit is 5 MB")
        name = Path(filename).name or "upload"
        return await _check(data, name, date, Path(name).suffix)

    # -- exports ------------------------------------------------------------------------
    @api.get("/api/export/orbat.geojson", tags=["export"])
    def export_geojson(stage: StageQ) -> Response:
        """The order of battle of a stage (units at their garrisons) as GeoJSON."""
        st = state.stage(stage)
        body = views.units_geojson(cat, st.date)
        body["stage"] = st.id
        return Response(json.dumps(body, ensure_ascii=False), media_type="application/geo+json",
                        headers=_attachment(f"orbat-{st.id}.geojson"))

    @api.get("/api/export/orbat.kml", tags=["export"])
    def export_kml(stage: StageQ) -> Response:
        """The order of battle of a stage as KML."""
        st = state.stage(stage)
        body = views.kml(views.units_geojson(cat, st.date), f"eastflank {st.id}")
        return Response(body, media_type="application/vnd.google-earth.kml+xml",
                        headers=_attachment(f"orbat-{st.id}.kml"))

    @api.get("/api/export/table/{table}.csv", tags=["export"])
    def export_csv(table: str, as_of: Annotated[dt.date | None, Query()] = None
                   ) -> PlainTextResponse:
        """One dataset table as CSV (optionally as of a date)."""
        view = _table_view(table, as_of)
        return PlainTextResponse(views.table_csv(view, table), media_type="text/csv",
                                 headers=_attachment(f"{table}.csv"))

    def _sources(stage: str | None) -> list[Any]:
        ids = state.stage_sources(state.stage(stage)) if stage else list(cat.sources)
        return [cat.sources[s] for s in ids]

    @api.get("/api/export/sources.bib", tags=["export"])
    def export_bib(stage: Annotated[str | None, Query(max_length=100)] = None
                   ) -> PlainTextResponse:
        """The sources behind a stage's view (default: every source) as BibTeX."""
        return PlainTextResponse(bibtex(_sources(stage)), media_type="application/x-bibtex",
                                 headers=_attachment("sources.bib"))

    @api.get("/api/export/sources.json", tags=["export"])
    def export_csl(stage: Annotated[str | None, Query(max_length=100)] = None) -> Response:
        """The sources behind a stage's view (default: every source) as CSL-JSON."""
        return Response(json.dumps(csl_json(_sources(stage)), ensure_ascii=False, indent=1),
                        media_type="application/vnd.citationstyles.csl+json",
                        headers=_attachment("sources.json"))


def _attachment(name: str) -> dict[str, str]:
    return {"content-disposition": f'attachment; filename="{name}"'}

