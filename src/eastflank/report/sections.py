"""The report's sections, one builder per section, in page order.

Each builder takes the :class:`Context` and returns a :class:`~eastflank.report.Section` whose
``data`` holds exactly the numbers the matching CLI command prints with ``--json``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from eastflank.catalog import KINDS, Catalog
from eastflank.jsonable import to_jsonable
from eastflank.report import Section
from eastflank.report.drivers import drivers_section
from eastflank.report.economy import economy_section
from eastflank.report.figures import svg
from eastflank.schema import Stage

__all__ = ["BUILDERS", "CAMPAIGN_SCENARIO", "WARNING_SCENARIOS", "Context"]

WARNING_SCENARIOS = ("suwalki-gap-closure", "northern-front-ukraine")
"""Built-in warning-time scenarios shown in the report."""

CAMPAIGN_SCENARIO = "suwalki-gap-closure"
"""Built-in campaign scenario shown in the report."""

CAMPAIGN_SAMPLES = 2000
"""Campaign Monte Carlo samples per stage (the campaign steps day by day, so fewer)."""


@dataclass
class Context:
    """What every section builder gets: the catalog, the stages, the sampling settings."""

    catalog: Catalog
    stage_ids: list[str] | None
    samples: int
    seed: int
    env: Environment
    progress: Callable[[str], None]
    articles: list[tuple[str, str]] = field(default_factory=list)
    cited: list[str] = field(default_factory=list)
    _stages: list[Stage] | None = None

    @property
    def stages(self) -> list[Stage]:
        """The stages of the report, loaded and checked once, in the order given."""
        if self._stages is None:
            from eastflank.stages import list_stages, load_stage

            ids = self.stage_ids or list_stages()
            self._stages = [load_stage(s, self.catalog) for s in ids]
        return self._stages

    @property
    def stage_list(self) -> list[str]:
        return [s.id for s in self.stages]

    def cite(self, *source_ids: str) -> Markup:
        """HTML links to the sources list for ``source_ids``; remembers them as cited."""
        links = []
        for sid in source_ids:
            if sid not in self.cited:
                self.cited.append(sid)
            links.append(f'<a class="cite" href="#src-{sid}">[{sid}]</a>')
        return Markup(" ".join(links))

    def render(self, name: str, **values: Any) -> str:
        return self.env.get_template(f"{name}.html.j2").render(cite=self.cite, **values)


def glance_section(ctx: Context) -> Section:
    """The integration stages at a glance: date, status, gist, sources."""
    ctx.progress("stages")
    rows = [
        {"id": st.id, "name": st.name, "date": st.date.isoformat(), "status": st.status.value,
         "summary": st.summary, "sources": list(st.sources)}
        for st in ctx.stages
    ]
    return Section("glance", "The system at a glance", {"stages": rows},
                   ctx.render("glance", rows=rows))


def map_section(ctx: Context) -> Section:
    """A map of the flank per stage: garrisons, the gap, the Belarus-NATO border, reach rings."""
    from eastflank.geo import default_region, gap
    from eastflank.geo.borders import belarus_nato_border, default_border_data
    from eastflank.geo.maps import RingSpec, draw_flank_map, markers_from_catalog
    from eastflank.geo.points import GeoPoint
    from eastflank.posture import deployments, stationed

    region = default_region()
    borders = default_border_data()
    the_gap = gap(region, "BY", "RU-KGD")
    per_stage: list[dict[str, Any]] = []
    figures: list[str] = []
    for st in ctx.stages:
        ctx.progress(f"map {st.id}")
        view = ctx.catalog.as_of(st.date)
        total = belarus_nato_border(region, borders, st.date, ctx.catalog)
        deployed = deployments(view)
        seen: set[tuple[str, float]] = set()
        rings: list[RingSpec] = []
        ring_rows: list[dict[str, Any]] = []
        for d in deployed:
            r = d.range_km
            if r is None or r < 100 or (d.place_id, r) in seen or r > 1500:
                continue
            seen.add((d.place_id, r))
            rings.append(RingSpec(GeoPoint(d.lat, d.lon, d.place_name, d.place_id), r,
                                  f"{d.system_name} {r:.0f} km"))
            ring_rows.append({"system": d.system_id, "system_name": d.system_name,
                              "unit": d.unit_id, "place": d.place_id,
                              "place_name": d.place_name,
                              "range_km": d.range_km, "kind": d.kind,
                              "sources": list(d.sources)})
        fig = draw_flank_map(region=region, markers=markers_from_catalog(view), rings=rings,
                             nato=borders.nato_members(st.date),
                             title=f"The eastern flank — {st.name}",
                             subtitle=f"stage {st.id}, as of {st.date}")
        figures.append(svg(fig))
        per_stage.append({
            "stage": st.id,
            "date": st.date.isoformat(),
            "garrisons": sorted({s.garrison for s in stationed(view) if s.garrison}),
            "rings": ring_rows,
            "belarus_nato_border": {
                "geometric_km": total.geometric_km, "preferred_official_km": total.preferred_km,
                "by_basis": total.by_basis, "neighbours": [p.b for p in total.pairs],
            },
            "long_range_systems": sorted({d.system_id for d in deployed
                                          if d.range_km is not None and d.range_km > 1500}),
            "long_range_system_names": sorted({d.system_name for d in deployed
                                               if d.range_km is not None
                                               and d.range_km > 1500}),
        })
    data = {
        "gap": {"a": the_gap.a, "b": the_gap.b, "distance_km": the_gap.distance_km,
                "point_a": [the_gap.point_a.lat, the_gap.point_a.lon],
                "point_b": [the_gap.point_b.lat, the_gap.point_b.lon], "scale": the_gap.scale},
        "stages": per_stage,
    }
    return Section("map", "The flank on the map, stage by stage", data,
                   ctx.render("map", data=data, figures=figures, stages=ctx.stages),
                   figures)


def command_section(ctx: Context) -> Section:
    """Who holds which authority over which forces, per stage, and what moved between stages."""
    from eastflank.command import draw_stage, stage_diff

    figures: list[str] = []
    holders: list[dict[str, Any]] = []
    for st in ctx.stages:
        ctx.progress(f"command {st.id}")
        figures.append(svg(draw_stage(st, ctx.catalog)))
        for a in st.assignments:
            holders.append({"stage": st.id, "group": a.group, "authority": str(a.authority),
                            "holder": a.holder, "status": a.status.value,
                            "vetoes": [g.consent for g in a.gates],
                            "sources": list(a.sources)})
    diffs = [stage_diff(a, b, ctx.catalog) for a, b in zip(ctx.stages, ctx.stages[1:],
                                                             strict=False)]
    overall = (stage_diff(ctx.stages[0], ctx.stages[-1], ctx.catalog)
               if len(ctx.stages) > 1 else None)
    names: dict[str, str] = {b.id: b.name for b in ctx.catalog.command_bodies.values()}
    for st in ctx.stages:
        names.update({g.id: g.name for g in st.force_groups})

    def name(rid: str) -> str:
        return names.get(rid, rid)

    matrix: dict[str, dict[str, dict[str, str]]] = {}
    for h in holders:
        cell = name(h["holder"]) + (f" (consent: {', '.join(name(v) for v in h['vetoes'])})"
                                    if h["vetoes"] else "")
        matrix.setdefault(name(h["group"]), {}).setdefault(h["authority"], {})[h["stage"]] = cell
    data = {"assignments": holders, "matrix": matrix, "names": names,
            "diffs": [to_jsonable(d) for d in diffs],
            "first_to_last": to_jsonable(overall) if overall else None}
    return Section("command", "Command authority, stage by stage", data,
                   ctx.render("command", data=data, figures=figures, stages=ctx.stages),
                   figures)


def warning_section(ctx: Context) -> Section:
    """Warning-time distributions per stage for each built-in scenario: the stage-specific
    and the controlled comparison side by side, which effect is which, and the verdicts."""
    from eastflank.scenario import load_scenario
    from eastflank.warning import plot_cdf, study_stages

    figures: list[str] = []
    comparisons: list[dict[str, Any]] = []
    controlled: list[dict[str, Any]] = []
    studies: list[dict[str, Any]] = []
    for name in WARNING_SCENARIOS:
        ctx.progress(f"warning {name}")
        sc = load_scenario(name, ctx.catalog)
        study = study_stages(sc, ctx.stages, ctx.catalog, ctx.samples, ctx.seed)
        figures.append(svg(plot_cdf(study.stage_specific)))
        figures.append(svg(plot_cdf(study.controlled)))
        comparisons.append(to_jsonable(study.stage_specific))
        controlled.append(to_jsonable(study.controlled))
        studies.append(to_jsonable({k: v for k, v in vars(study).items()
                                    if k not in ("stage_specific", "controlled")}))
    data = {"scenarios": comparisons, "controlled": controlled, "studies": studies}
    return Section("warning", "Warning time: decision to attack against NATO detection", data,
                   ctx.render("warning", data=data, figures=figures,
                              claimed_stages=[st.id for st in ctx.stages
                                              if st.status.value == "claimed"]), figures)


def reach_section(ctx: Context) -> Section:
    """Flight times and decision windows per stage, and air-defence cover."""
    from eastflank.campaign.forces import stage_date
    from eastflank.campaign.scenario import load_campaign_scenario
    from eastflank.reach.cover import air_defence_cover
    from eastflank.reach.windows import reach_windows

    sc = load_campaign_scenario(CAMPAIGN_SCENARIO, ctx.catalog)
    windows: list[dict[str, Any]] = []
    cover: list[dict[str, Any]] = []
    cover_assessed: list[dict[str, Any]] = []
    figures: list[str] = []
    for st in ctx.stages:
        ctx.progress(f"reach {st.id}")
        when = stage_date(st.id, ctx.catalog)
        windows.append(to_jsonable(reach_windows(sc, ctx.catalog, when)))
        adv = air_defence_cover(sc, ctx.catalog, when, "advertised")
        ass = air_defence_cover(sc, ctx.catalog, when, "assessed")
        cover.append(to_jsonable(adv))
        cover_assessed.append(to_jsonable(ass))
        figures.append(svg(_cover_map(ctx, st, adv, ass)))
    data = {"windows": windows, "cover": cover, "cover_assessed": cover_assessed}
    return Section("reach", "Reach: flight times, decision windows, air-defence cover", data,
                   ctx.render("reach", data=data, figures=figures,
                              system_names={w.id: w.name
                                            for w in ctx.catalog.weapon_systems.values()}),
                   figures)


def _cover_map(ctx: Context, st: Stage, adv: Any, ass: Any) -> Any:
    """A map of one stage's long-range SAM cover: advertised and assessed radii per site."""
    from eastflank.geo import default_region
    from eastflank.geo.borders import default_border_data
    from eastflank.geo.maps import RingSpec, draw_flank_map, markers_from_catalog
    from eastflank.geo.points import GeoPoint

    rings: list[RingSpec] = []
    seen: set[tuple[str, float]] = set()
    for res, basis in ((adv, "advertised"), (ass, "assessed")):
        for site in res.sites:
            r = site.range_km
            if r is None or r < 50 or (site.place, r) in seen:
                continue
            seen.add((site.place, r))
            rings.append(RingSpec(GeoPoint(site.lat, site.lon, site.place_name, site.place), r,
                                  f"{site.system.upper()} {basis} {r:.0f} km"))
    view = ctx.catalog.as_of(st.date)
    return draw_flank_map(region=default_region(), markers=markers_from_catalog(view),
                          rings=rings, nato=default_border_data().nato_members(st.date),
                          title=f"Long-range air-defence cover — {st.name}",
                          subtitle=f"stage {st.id}, as of {st.date}; rings: advertised and "
                                   "assessed (FOI) engagement radius")


def campaign_section(ctx: Context) -> Section:
    """The Suwałki campaign per stage: force ratio over time, P(gap closed first)."""
    import matplotlib.pyplot as plt

    from eastflank.campaign.forces import stage_date
    from eastflank.campaign.model import model_warning_hours, run_campaign
    from eastflank.campaign.scenario import load_campaign_scenario

    sc = load_campaign_scenario(CAMPAIGN_SCENARIO, ctx.catalog)
    runs: list[dict[str, Any]] = []
    samples = min(ctx.samples, CAMPAIGN_SAMPLES)
    fig, ax = plt.subplots(figsize=(8, 4.5))
    styles = [("o", "-"), ("s", "--"), ("^", "-."), ("D", ":"), ("v", "-"), ("P", "--")]
    for i, st in enumerate(ctx.stages):
        ctx.progress(f"campaign {st.id}")
        when = stage_date(st.id, ctx.catalog)
        hours, label = model_warning_hours(ctx.catalog, sc.id, when.stage, samples, ctx.seed)
        res = run_campaign(sc, ctx.catalog, when, samples=samples, seed=ctx.seed,
                           warning_hours=hours, warning_label=label)
        runs.append(to_jsonable(res))

        def arr(xs: list[float | None]) -> list[float]:
            return [float("nan") if x is None else x for x in xs]

        marker, dash = styles[i % len(styles)]
        line, = ax.plot(res.force_ratio_days, arr(res.force_ratio_median), marker=marker,
                        ms=4, ls=dash, lw=1.4,
                        label=f"{st.id}: P(closed first) "
                              f"{100 * res.p_closed_before_reinforcement:.0f}%")
        ax.fill_between(res.force_ratio_days, arr(res.force_ratio_p10),
                        arr(res.force_ratio_p90), color=line.get_color(), alpha=0.12, lw=0)
    from matplotlib.ticker import FixedLocator, NullFormatter, NullLocator

    ax.axhline(3.0, color="grey", lw=0.8, ls=":")
    ax.axhline(1.0, color="grey", lw=0.8, ls="--")
    last_day = max((float(d) for r in runs for d in r["force_ratio_days"]), default=1.0)
    ax.text(last_day, 3.0, "3:1 ", ha="right", va="bottom", fontsize=8, color="grey")
    ax.text(last_day, 1.0, "1:1 ", ha="right", va="bottom", fontsize=8, color="grey")
    ax.set_yscale("log")
    ticks = [0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0]
    ax.yaxis.set_major_locator(FixedLocator(ticks))
    ax.yaxis.set_major_formatter(lambda v, _pos: f"{v:g}")
    ax.yaxis.set_minor_locator(NullLocator())
    ax.yaxis.set_minor_formatter(NullFormatter())
    ax.set_xlabel("end of day after the attack starts (day 1 = first 24 h)")
    ax.set_ylabel("force ratio Red : Blue (log scale)\nmedian line, p10–p90 band")
    ax.set_xlim(left=1)
    ax.set_title(f"{CAMPAIGN_SCENARIO}: force ratio in the gap sector")
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=2,
              frameon=False)
    ax.grid(alpha=0.3)
    figures = [svg(fig)]
    data = {"scenario": CAMPAIGN_SCENARIO, "samples": samples, "runs": runs}
    return Section("campaign", "The Suwałki campaign", data,
                   ctx.render("campaign", data=data, figures=figures), figures)


def anchors_section(ctx: Context) -> Section:
    """The model beside published results (RAND, CEPA, the 2025 German wargame, FOI)."""
    from eastflank.anchors import anchor_rows

    ctx.progress("anchors")
    rows = to_jsonable(anchor_rows(ctx.catalog))
    data = {"rows": rows}
    return Section("anchors", "The model beside published studies", data,
                   ctx.render("anchors", data=data))


def claims_section(ctx: Context) -> Section:
    """The given articles (by default both seeds), claim by claim, with verdicts."""
    from eastflank.claims import check_text

    results: list[dict[str, Any]] = []
    for name, text in ctx.articles:
        ctx.progress(f"claims {name}")
        res = check_text(text, ctx.catalog, None, source=name)
        results.append(res.model_dump(mode="json"))
    data = {"articles": results}
    return Section("claims", "The seeds, claim-checked", data,
                   ctx.render("claims", data=data))


def dataset_section(ctx: Context) -> Section:
    """What the dataset holds: records by kind, actor and status."""
    ctx.progress("dataset")
    cat = ctx.catalog
    by_status: Counter[str] = Counter()
    by_actor: dict[str, Counter[str]] = {}
    for kind in KINDS:
        if kind in ("sources", "actors"):
            continue
        for rec in cat.records[kind].values():
            by_status[rec.status.value] += 1
            by_actor.setdefault(cat.actor_of(rec) or "none", Counter())[kind] += 1
    data = {
        "counts": cat.counts(),
        "by_status": dict(sorted(by_status.items())),
        "by_actor": {a: dict(sorted(c.items())) for a, c in sorted(by_actor.items())},
    }
    return Section("dataset", "The dataset", data, ctx.render("dataset", data=data))


def sources_section(ctx: Context) -> Section:
    """Every source the report cites, then the rest of the dataset's sources."""
    ctx.progress("sources")
    cat = ctx.catalog
    order = [s for s in ctx.cited if s in cat.sources]
    order += [s for s in cat.sources if s not in order]
    rows = [cat.sources[s].model_dump(mode="json", exclude_none=True) for s in order]
    data = {"sources": [r["id"] for r in rows], "cited_in_report": ctx.cited}
    cited = {s for s in ctx.cited if s in cat.sources}
    # the sources the report cites are listed open; the rest of the dataset's (thousands) are
    # folded away, so that the page stays short enough to read and to print
    return Section("sources", "Sources", data, ctx.render(
        "sources", rows=[r for r in rows if r["id"] in cited],
        rest=[r for r in rows if r["id"] not in cited]))


BUILDERS: list[Callable[[Context], Section | None]] = [
    glance_section,
    map_section,
    command_section,
    warning_section,
    reach_section,
    campaign_section,
    anchors_section,
    drivers_section,
    claims_section,
    economy_section,
    dataset_section,
    sources_section,
]
"""Section builders in page order (the sources list comes last so it sees every citation)."""
