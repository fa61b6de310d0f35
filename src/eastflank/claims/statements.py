"""Atomic, sourced statements derived from the dataset and the models.

A claim is checked against statements, not against records: each :class:`Statement` says one
thing about one subject — a unit's garrison, an exercise's troop figure, a body's end date, a
border's length — with a typed :class:`Value`, the time it holds, its status, its sources and
its *kind*:

``official``
    a figure stated by the authority concerned (a ministry's troop number, a joint border
    commission's length);
``estimate``
    an observer's or another government's estimate;
``planned``
    a target, planned or authorised figure, or a capacity — never the actual value;
``recorded``
    a sourced fact without that distinction (a garrison, a date);
``computed``
    a model output (a distance, a flight time, a warning time), with its assumptions.

:func:`build_statements` derives the store once per catalog; distances between two places and
flight times are computed on demand (:meth:`StatementStore.distance`,
:meth:`StatementStore.flight_time`), since every pair cannot be listed.

>>> from eastflank.catalog import load_catalog
>>> store = build_statements(load_catalog())
>>> [s.value.label for s in store.about("zapad-2017", "personnel")]
['12,700', '12,400']
>>> [s.kind for s in store.about("zapad-2017", "personnel")]
['official', 'estimate']
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from eastflank.catalog import Catalog
from eastflank.claims.measure import distance_km
from eastflank.schema import Figure, Record

__all__ = [
    "Statement",
    "StatementKind",
    "StatementStore",
    "Value",
    "build_statements",
    "figure_kind",
    "superseded",
]

StatementKind = Literal["official", "estimate", "planned", "recorded", "computed"]
ValueKind = Literal["quantity", "date", "place", "entity", "text", "flag"]
Precision = Literal["day", "month", "year"]


@dataclass(frozen=True)
class Value:
    """A typed value: a quantity with its unit, a date with its precision, a place or an
    entity (a record id), a short text, or a yes/no flag."""

    kind: ValueKind
    label: str
    number: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    date: dt.date | None = None
    end: dt.date | None = None
    precision: Precision | None = None
    ref: str | None = None


@dataclass(frozen=True)
class Statement:
    """One sourced statement about one subject.

    ``valid_from``/``valid_to`` bound the time the statement holds (inclusive; ``None`` is
    open). ``text`` is the statement in words, which lexical retrieval indexes.
    """

    id: str
    subject: str
    subject_kind: str
    subject_name: str
    property: str
    value: Value
    kind: StatementKind
    status: str
    sources: tuple[str, ...]
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    assumptions: tuple[str, ...] = ()
    note: str | None = None
    text: str = ""

    def holds_on(self, day: dt.date | None) -> bool:
        """Whether the statement holds on ``day`` (always, when the day is unknown)."""
        if day is None:
            return True
        if self.valid_from is not None and day < self.valid_from:
            return False
        return not (self.valid_to is not None and day > self.valid_to)

    def describe(self) -> str:
        """One line: subject, property, value, kind, time and sources."""
        when = ""
        if self.valid_from or self.valid_to:
            when = (f" [{self.valid_from.isoformat() if self.valid_from else '…'} to "
                    f"{self.valid_to.isoformat() if self.valid_to else '…'}]")
        src = f" ({', '.join(self.sources)})" if self.sources else ""
        return (f"{self.subject_name}: {self.property.replace('_', ' ')} = {self.value.label}"
                f" ({self.kind}){when}{src}")


_PLANNED = re.compile(r"\b(?:target|planned|plan|expected|to be reached|capacity|authori[sz]ed"
                      r"|establishment|announced participation)\b", re.I)
_OFFICIAL = re.compile(r"\b(?:official\w*|ministry|MoD|announced total|defence minister)\b",
                       re.I)
_ESTIMATE = re.compile(r"\b(?:estimat\w*|observer|assess\w*|intelligence|counted|western)\b",
                       re.I)
_SEED = re.compile(r"\bseed\b", re.I)
_ROAD = re.compile(r"road_distance_to_([a-z0-9_]+)_km")


_SUPERSEDED = re.compile(r"\b(?:superseded|revised|replaced|withdrawn|cancel+ed|cut|"
                         r"scaled\s+(?:back|down))\s+(?:on|in|from)\s+"
                         r"(\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},\s+\d{4}|"
                         r"\d{4}-\d\d-\d\d|[A-Z][a-z]+\s+\d{4})")
_DAY_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%Y-%m-%d", "%B %Y",
                "%b %Y")


def superseded(note: str | None) -> dt.date | None:
    """The day a figure's note says it was superseded ("superseded on 28 May 2025"), from
    which it no longer holds; ``None`` when the note says none.

    >>> superseded('Planned participation; superseded on 28 May 2025.')
    datetime.date(2025, 5, 28)
    """
    m = _SUPERSEDED.search(note or "")
    if m is None:
        return None
    for fmt in _DAY_FORMATS:
        try:
            return dt.datetime.strptime(m.group(1), fmt).date()
        except ValueError:
            continue
    return None


def figure_kind(f: Figure) -> StatementKind:
    """The kind of a sourced figure: its ``kind`` when the dataset states it, else read from
    its quantity name and its note.

    A quantity named ``target_*``, ``planned_*``, ``*_capacity`` or ``*_authorised`` is
    ``planned``; otherwise a note calling it a target, plan or capacity makes it ``planned``,
    one calling it official (a ministry's, an announced total) ``official``, and one calling it
    an estimate, an observer's count or an assessment ``estimate``; else ``recorded``.

    >>> from eastflank.schema import Figure
    >>> figure_kind(Figure(quantity="target_personnel", value=1, sources=["x"],
    ...                    status="reported"))
    'planned'
    """
    if f.kind is not None:
        return f.kind
    q = f.quantity
    if q.startswith(("target_", "planned_")) or q.endswith(("_capacity", "_authorised")) \
            or "capacity" in q or "authorised" in q:
        return "planned"
    note = f.note or ""
    if _PLANNED.search(note):
        return "planned"
    if _OFFICIAL.search(note):
        return "official"
    if _ESTIMATE.search(note):
        return "estimate"
    return "recorded"


_UNIT_SUFFIX = (("_km2", "km2"), ("_km", "km"), ("_kmh", "km/h"), ("_mach", "Mach"), ("_kg", "kg"),
                ("_m", "m"), ("_percent", "%"))


def _property_and_unit(quantity: str) -> tuple[str, str]:
    """``range_km`` -> (``range``, ``km``); ``target_personnel`` -> (``personnel``,
    ``personnel``); ``k2_tanks_received`` -> (``k2_tanks_received``, ``count``)."""
    for suffix, unit in _UNIT_SUFFIX:
        if quantity.endswith(suffix):
            return quantity[: -len(suffix)], unit
    base = re.sub(r"^(?:target|planned(?:_peacetime)?)_", "", quantity)
    if "personnel" in base or "troops" in base:
        return "personnel" if base in ("personnel", "active_personnel") else base, "personnel"
    return base, "count"


def _fmt_number(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 100 or float(x).is_integer() else f"{x:g}"


def _quantity(number: float | None, unit: str, low: float | None = None,
              high: float | None = None) -> Value:
    if number is None:
        span = f"{_fmt_number(low)}-{_fmt_number(high)}" if low is not None and high is not None \
            else "unknown"
        label = span
    else:
        label = _fmt_number(number)
        if low is not None and high is not None and (low != number or high != number):
            label += f" ({_fmt_number(low)}-{_fmt_number(high)})"
    if unit not in ("count", "personnel"):
        label += f" {unit}"
    return Value("quantity", label, number, low, high, unit)


def _date_value(day: dt.date, precision: Precision = "day", end: dt.date | None = None
                ) -> Value:
    label = {"day": day.isoformat(), "month": day.strftime("%Y-%m"),
             "year": str(day.year)}[precision]
    if end is not None and end != day:
        label += f" to {end.isoformat()}"
    return Value("date", label, date=day, end=end, precision=precision)


def _precision(note: str | None) -> Precision:
    """Precision of a record's date from its note ("Year precision only", "month ...")."""
    text = (note or "").lower()
    if re.search(r"year precision|year only|only the year", text):
        return "year"
    if re.search(r"month precision|day is a placeholder|month only|only the month", text):
        return "month"
    return "day"


@dataclass
class StatementStore:
    """The statements of one catalog, indexed by subject; computed ones on demand."""

    catalog: Catalog
    statements: list[Statement] = field(default_factory=list)
    by_subject: dict[str, list[Statement]] = field(default_factory=dict)
    _computed: dict[tuple[str, ...], Statement | None] = field(default_factory=dict)
    _warnings: dict[tuple[str, ...], list[Statement]] = field(default_factory=dict)

    def add(self, st: Statement) -> None:
        """Add one statement (its id must be new)."""
        self.statements.append(st)
        self.by_subject.setdefault(st.subject, []).append(st)

    def __iter__(self) -> Iterator[Statement]:
        return iter(self.statements)

    def __len__(self) -> int:
        return len(self.statements)

    def about(self, subject: str, prop: str | None = None, day: dt.date | None = None,
              kinds: Iterable[str] | None = None) -> list[Statement]:
        """Statements about ``subject`` (of property ``prop``, holding on ``day``, of
        ``kinds``), in the order derived."""
        wanted = set(kinds) if kinds is not None else None
        return [s for s in self.by_subject.get(subject, [])
                if (prop is None or s.property == prop) and s.holds_on(day)
                and (wanted is None or s.kind in wanted)]

    def with_property(self, prop: str) -> list[Statement]:
        """Every statement of property ``prop``."""
        return [s for s in self.statements if s.property == prop]

    def distance(self, a: str, b: str) -> Statement | None:
        """The geodesic distance between two places of the catalog (WGS84), computed now."""
        key = ("distance", *sorted((a, b)))
        if key in self._computed:
            return self._computed[key]
        places = self.catalog.places
        out: Statement | None = None
        if a in places and b in places and a != b:
            pa, pb = places[a], places[b]
            km = distance_km(pa.lat, pa.lon, pb.lat, pb.lon)
            out = Statement(
                id=f"computed:distance:{key[1]}:{key[2]}", subject=pa.id,
                subject_kind="places", subject_name=pa.name, property="distance",
                value=Value("quantity", f"{km:,.0f} km to {pb.name}", km, unit="km",
                            ref=pb.id),
                kind="computed", status="established",
                sources=tuple(dict.fromkeys([*pa.sources, *pb.sources])),
                assumptions=("geodesic distance on the WGS84 ellipsoid between the recorded "
                             "coordinates of the two places",),
                text=f"{pa.name} {pb.name} distance km",
            )
        self._computed[key] = out
        return out

    def road_distances(self, a: str, b: str) -> list[Statement]:
        """Published road distances between two places (either way), from the places'
        ``road_distance_to_<place>_km`` figures."""
        return [s for x, y in ((a, b), (b, a)) for s in self.about(x, "road_distance")
                if s.value.ref == y]

    def flight_time(self, system: str, launch: str, target: str) -> Statement | None:
        """Flight time of ``system`` from ``launch`` to ``target`` from the reach model
        (:func:`eastflank.reach.windows.flight_between`), with its trajectory assumption;
        ``None`` when the model has no flight for the system."""
        key = ("flight", system, launch, target)
        if key in self._computed:
            return self._computed[key]
        from eastflank.errors import EastflankError
        from eastflank.reach.windows import flight_between

        out: Statement | None = None
        try:
            res = flight_between(self.catalog, system, launch, target)
        except EastflankError:
            res = None
        if res is not None:
            flights: list[Any] = list(res["flights"])  # type: ignore[call-overload]
            f = flights[0]
            minutes = float(f.flight_time_s) / 60.0
            others = ", ".join(f"{g.trajectory} {g.flight_time_s / 60:.1f} min"
                               for g in flights[1:])
            ws = self.catalog.weapon_systems[str(res["system"])]
            out = Statement(
                id=f"computed:flight_time:{system}:{launch}:{target}", subject=ws.id,
                subject_kind="weapon_systems", subject_name=ws.name, property="flight_time",
                value=Value("quantity",
                            f"{minutes:.1f} min from {res['from_name']} to {res['to_name']} "
                            f"({float(str(res['distance_km'])):,.0f} km)", minutes, unit="min",
                            ref=str(res["to"])),
                kind="computed", status="hypothetical", sources=tuple(ws.sources),
                assumptions=(str(f.assumption),) + ((f"other arcs: {others}",) if others
                                                    else ()),
                text=f"{ws.name} flight time minutes {res['from_name']} {res['to_name']}",
            )
        self._computed[key] = out
        return out


    def warning(self, scenario: str, stages: tuple[str, ...] = (), samples: int = 1000,
                seed: int = 1) -> list[Statement]:
        """Warning time of a built-in ``scenario`` per stage from the warning model
        (:func:`eastflank.warning.compare_stages`; default stages: the scenario's verdict
        stages), as computed statements: the median in hours with the 5-95 % range, and the
        scenario's verdict sentence in the assumptions. Empty when the scenario or a stage
        cannot be run."""
        key = ("warning", scenario, *stages, str(samples), str(seed))
        cached = self._warnings.get(key)
        if cached is not None:
            return cached
        from eastflank.errors import EastflankError
        from eastflank.scenario import load_scenario
        from eastflank.warning import compare_stages

        out: list[Statement] = []
        try:
            sc = load_scenario(scenario, self.catalog)
            run = list(stages) or ([sc.verdict.before, sc.verdict.after] if sc.verdict else [])
            cmp = compare_stages(sc, run, self.catalog, samples=samples, seed=seed) if run \
                else None
        except EastflankError:
            cmp = None
        if cmp is not None:
            for r in cmp.results:
                w = r.warning
                out.append(Statement(
                    id=f"computed:warning:{scenario}:{r.stage}", subject=scenario,
                    subject_kind="scenarios", subject_name=sc.name, property="warning_time",
                    value=Value("quantity", f"median {w.p50_h:,.0f} h (5-95 %: "
                                f"{w.p5_h:,.0f}-{w.p95_h:,.0f} h) at {r.stage}, P(no warning) "
                                f"{r.p_no_warning:.0%}", w.p50_h, w.p5_h, w.p95_h, unit="h",
                                ref=r.stage, date=r.stage_date),
                    kind="computed", status="hypothetical", sources=tuple(sc.sources),
                    valid_from=r.stage_date,
                    assumptions=(f"warning model, scenario {scenario}, stage {r.stage}, "
                                 f"{r.samples} samples, seed {r.seed}", cmp.verdict),
                    text=f"{sc.name} warning time {r.stage} hours days weeks",
                ))
        self._warnings[key] = out
        return out


def _indicator_kind(kind: object) -> StatementKind:
    """The statement kind of an indicator record's ``kind`` (official, planned, ...)."""
    value = getattr(kind, "value", kind)
    if value in ("official", "estimate", "planned"):
        return "official" if value == "official" else (
            "estimate" if value == "estimate" else "planned")
    return "recorded"


def _src(x: Any) -> tuple[str, ...]:
    return tuple(getattr(x, "sources", ()) or ())


class _Builder:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.store = StatementStore(catalog)
        self.n = 0

    def name(self, ref: str | None) -> str:
        if ref is None:
            return "none"
        rec = self.catalog.get(ref) if self._known(ref) else None
        return str(getattr(rec, "name", ref))

    def _known(self, ref: str) -> bool:
        return any(ref in recs for recs in self.catalog.records.values())

    def add(self, rec: Any, kind: str, prop: str, value: Value, *,
            st_kind: StatementKind = "recorded", sources: tuple[str, ...] | None = None,
            status: str | None = None, valid_from: dt.date | None = None,
            valid_to: dt.date | None = None, note: str | None = None,
            words: str = "") -> None:
        self.n += 1
        aliases = " ".join(getattr(rec, "aliases", []) or [])
        st = Statement(
            id=f"{rec.id}:{prop}:{self.n}", subject=rec.id, subject_kind=kind,
            subject_name=str(rec.name), property=prop, value=value, kind=st_kind,
            status=str(status or getattr(rec, "status", "reported")),
            sources=sources if sources is not None else _src(rec),
            valid_from=valid_from if valid_from is not None else getattr(rec, "valid_from", None),
            valid_to=valid_to if valid_to is not None else getattr(rec, "valid_to", None),
            note=note,
            text=" ".join(x for x in (str(rec.name), aliases, prop.replace("_", " "),
                                      value.label, words) if x),
        )
        self.store.add(st)

    def entity(self, ref: str, kind: ValueKind = "entity") -> Value:
        return Value(kind, self.name(ref), ref=ref)

    def figures(self, rec: Record, kind: str, skip: re.Pattern[str] | None = None) -> None:
        for f in rec.figures:
            if f.value is None and (f.low is None or f.high is None):
                continue
            if skip is not None and skip.fullmatch(f.quantity):
                continue  # stated otherwise (a place's road distances)
            prop, unit = _property_and_unit(f.quantity)
            st_kind = figure_kind(f)
            if _SEED.search(f.note or ""):
                st_kind = "recorded"
            until = superseded(f.note)
            self.add(rec, kind, prop, _quantity(f.value, unit, f.low, f.high),
                     st_kind=st_kind, sources=tuple(f.sources), status=f.status.value,
                     valid_from=f.as_of if f.as_of else None,
                     valid_to=until - dt.timedelta(days=1) if until else None, note=f.note,
                     words=f.quantity.replace("_", " "))

    def lifetime(self, rec: Record, kind: str, start_word: str, end_word: str) -> None:
        prec = _precision(rec.note)
        if rec.valid_from is not None:
            self.add(rec, kind, "valid_from", _date_value(rec.valid_from, prec),
                     valid_from=rec.valid_from, valid_to=None, words=start_word)
        if rec.valid_to is not None:
            self.add(rec, kind, "valid_to", _date_value(rec.valid_to, "day"),
                     valid_from=rec.valid_to, valid_to=None, words=end_word)

    def build(self) -> StatementStore:
        cat = self.catalog
        for u in cat.units.values():
            if u.garrison:
                self.add(u, "units", "garrison", self.entity(u.garrison, "place"),
                         words="stationed based garrisoned in")
            spans = list(getattr(u, "parents", []) or [])
            if spans:
                for sp in spans:
                    self.add(u, "units", "parent", self.entity(sp.parent),
                             sources=tuple(sp.sources), status=sp.status.value,
                             valid_from=sp.valid_from or u.valid_from,
                             valid_to=sp.valid_to or u.valid_to,
                             words="part of subordinate to under")
            elif u.parent:
                self.add(u, "units", "parent", self.entity(u.parent),
                         words="part of subordinate to under")
            self.add(u, "units", "echelon", Value("text", u.echelon), words=u.branch)
            self.add(u, "units", "actor", self.entity(u.actor), words="armed forces of")
            self.add(u, "units", "deployment", Value("text", u.deployment))
            for sid in u.weapon_systems:
                since = u.weapon_systems_from.get(sid)
                self.add(u, "units", "weapon_system", self.entity(sid),
                         valid_from=since or u.valid_from, words="equipped armed with")
            for noun, n in u.equipment.items():
                self.add(u, "units", "equipment", _quantity(float(n), "count"),
                         words=noun.replace("_", " "))
            if u.personnel is not None:
                self.add(u, "units", "personnel", _quantity(float(u.personnel), "personnel"),
                         words="troops soldiers strength")
            self.lifetime(u, "units", "formed established created", "disbanded")
            self.figures(u, "units")
        for ws in cat.weapon_systems.values():
            for prop, val, unit in (("range", ws.range_km, "km"),
                                    ("min_range", ws.min_range_km, "km"),
                                    ("max_speed", ws.max_speed_kmh, "km/h"),
                                    ("max_speed", ws.max_speed_mach, "Mach"),
                                    ("apogee", ws.apogee_km, "km"),
                                    ("ceiling", ws.ceiling_km, "km"),
                                    ("payload", ws.payload_kg, "kg"),
                                    ("cep", ws.cep_m, "m")):
                if val is not None:
                    self.add(ws, "weapon_systems", prop, _quantity(val, unit),
                             words="maximum range reach" if prop == "range" else "")
            if ws.nuclear_capable is not None:
                self.add(ws, "weapon_systems", "nuclear_capable",
                         Value("flag", "yes" if ws.nuclear_capable else "no"),
                         words="nuclear capable")
            for op in ws.operators:
                self.add(ws, "weapon_systems", "operator", self.entity(op))
            if ws.parent_system:
                self.add(ws, "weapon_systems", "parent_system", self.entity(ws.parent_system))
            self.add(ws, "weapon_systems", "origin", self.entity(ws.origin))
            self.figures(ws, "weapon_systems")
        for e in cat.events.values():
            self.add(e, "events", "date", _date_value(e.date, _precision(e.note), e.end_date),
                     valid_from=e.date, words=e.kind + " " + e.summary)
            for p in e.places:
                self.add(e, "events", "place", self.entity(p, "place"), valid_from=e.date,
                         words="held in took place")
            for a in e.actors:
                self.add(e, "events", "participant", self.entity(a), valid_from=e.date,
                         words="took part participants")
            self.figures(e, "events")
        for b in cat.command_bodies.values():
            if b.parent:
                self.add(b, "command_bodies", "parent", self.entity(b.parent),
                         words="subordinate to under command of")
            if b.seat:
                self.add(b, "command_bodies", "seat", self.entity(b.seat, "place"),
                         words="headquarters seat in")
            self.add(b, "command_bodies", "actor", self.entity(b.actor))
            self.lifetime(b, "command_bodies", "formed established created",
                          "abolished dissolved ceased to exist")
            self.figures(b, "command_bodies")
        for fac in cat.facilities.values():
            self.add(fac, "facilities", "function", Value("text", fac.kind),
                     words=fac.kind.replace("-", " "))
            self.add(fac, "facilities", "place", self.entity(fac.place, "place"),
                     words="located in at")
            self.add(fac, "facilities", "actor", self.entity(fac.actor), words="belongs to")
            if fac.operator:
                self.add(fac, "facilities", "operator", self.entity(fac.operator),
                         words="operated by")
            self.lifetime(fac, "facilities", "agreement lease opened began",
                          "lease ended closed")
            self.figures(fac, "facilities")
        for place in cat.places.values():
            self._roads(place)
            self.figures(place, "places", skip=_ROAD)
        for actor in cat.actors.values():
            for m in actor.members:
                self.add(actor, "actors", "member", self.entity(m), words="members")
            self.figures(actor, "actors")
        for rec in cat.records.get("indicators", {}).values():
            self._indicator(rec)
        self._borders()
        return self.store

    def _roads(self, place: Any) -> None:
        """Published road distances of a place: a figure ``road_distance_to_<place>_km``
        (the other place's id with ``_`` for ``-``), e.g. ``road_distance_to_moscow_km`` on
        Kaliningrad; other figures of a place as plain statements."""
        for f in place.figures:
            m = _ROAD.fullmatch(f.quantity)
            other = m.group(1).replace("_", "-") if m else None
            if other is None or other not in self.catalog.places:
                continue
            if f.value is None and (f.low is None or f.high is None):
                continue
            to = self.catalog.places[other]
            v = _quantity(f.value, "km", f.low, f.high)
            self.n += 1
            self.store.add(Statement(
                id=f"{place.id}:road_distance:{other}:{self.n}", subject=place.id,
                subject_kind="places", subject_name=place.name, property="road_distance",
                value=Value("quantity", f"{v.label} by road to {to.name}", v.number, v.low,
                            v.high, "km", ref=other),
                kind=figure_kind(f), status=f.status.value, sources=tuple(f.sources),
                valid_from=f.as_of, note=f.note,
                text=f"{place.name} {to.name} road distance km by road {v.label}",
            ))

    def _indicator(self, rec: Any) -> None:
        """An indicator record (a dated value of a series: oil throughput, exports, debt)."""
        subject = str(getattr(rec, "subject", rec.id))
        quantity = str(getattr(rec, "quantity", "value"))
        value = getattr(rec, "value", None)
        day = getattr(rec, "date", None)
        unit = str(getattr(rec, "unit", "") or "count")
        number = float(value) if isinstance(value, int | float) else None
        low, high = getattr(rec, "low", None), getattr(rec, "high", None)
        lo = float(low) if isinstance(low, int | float) else None
        hi = float(high) if isinstance(high, int | float) else None
        suffix = "" if unit in ("count", "") else f" {unit}"
        if number is not None:
            label = _fmt_number(number) + suffix
        elif lo is not None and hi is not None:
            label = f"{_fmt_number(lo)}-{_fmt_number(hi)}{suffix}"
        else:
            label = str(value)
        val = Value("quantity" if number is not None or lo is not None else "text", label,
                    number, lo, hi, unit=unit)
        self.n += 1
        st = Statement(
            id=f"{rec.id}:{quantity}:{self.n}", subject=subject, subject_kind="indicators",
            subject_name=str(getattr(rec, "name", subject)), property=quantity, value=val,
            kind=_indicator_kind(getattr(rec, "kind", None)),
            status=str(getattr(rec, "status", "reported")),
            sources=_src(rec), valid_from=day if isinstance(day, dt.date) else None,
            note=getattr(rec, "note", None),
            text=" ".join(str(x) for x in (getattr(rec, "name", ""), subject,
                                           quantity.replace("_", " "), label,
                                           getattr(rec, "note", "") or "")),
        )
        self.store.add(st)

    def _borders(self) -> None:
        from eastflank.geo.borders import default_border_data

        for b in default_border_data().borders:
            a, c = b.territories
            names = [self.name(t) if self._known(t) else t for t in (a, c)]
            for length in b.lengths:
                self.n += 1
                kind: StatementKind = "official" if length.basis == "national" else "recorded"
                self.store.add(Statement(
                    id=f"border:{b.id}:{self.n}", subject=b.id, subject_kind="borders",
                    subject_name=f"{names[0]}-{names[1]} border", property="border_length",
                    value=_quantity(length.value_km, "km"), kind=kind,
                    status=length.status.value, sources=tuple(length.sources),
                    valid_from=length.as_of, note=length.note,
                    text=f"{names[0]} {names[1]} border length long km {length.basis}",
                ))


def build_statements(catalog: Catalog) -> StatementStore:
    """Derive the statement store of ``catalog`` (every record kind, the border lengths and
    the indicator series if the dataset has them)."""
    return _Builder(catalog).build()
