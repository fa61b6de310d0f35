"""Find the dataset's places, units, command bodies, weapon systems, events and actors in text.

The gazetteer is built once per catalog from every record's id, name and aliases. Look-up runs
over the text's word n-grams:

1. an exact match of the folded n-gram (case, diacritics, apostrophes and dashes unified);
2. the same with the last word's plural or possessive ``s`` dropped ("Iskanders",
   "Minsk's");
3. for n-grams that start with a capital letter and are at least ``min_length`` characters
   long, a rapidfuzz ratio >= ``min_score`` against names with the same number of words and
   the same first letter ("Asipovichi" for "Asipovichy", "Grodna" for "Grodno").

Matches are taken longest first and never overlap. Short all-capital aliases ("WMD", "RF")
match only in capitals, so "rf" in running text is not Russia.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from eastflank.catalog import Catalog
from eastflank.claims.model import Mention, Span
from eastflank.claims.text import fold
from eastflank.schema import Record

__all__ = ["GAZETTEER_KINDS", "Entry", "Gazetteer", "build_gazetteer"]

GAZETTEER_KINDS: tuple[str, ...] = (
    "places", "units", "command_bodies", "weapon_systems", "events", "actors", "facilities",
    "indicators",
)
"""Record kinds whose names are looked for in text."""

_TOKEN = re.compile(r"\w+", re.UNICODE)
_MAX_N = 8
_STOP = frozenset(
    [
        "the", "a", "an", "of", "and", "in", "on", "at", "to", "for", "from", "by", "with",
        "as", "is", "are", "was", "were", "be", "this", "that", "its", "it", "new", "old",
        "west", "east", "north", "south", "western", "eastern", "northern", "southern",
        "central", "military", "forces", "force", "army", "air", "state", "states", "union",
        "district", "command", "general", "staff", "group",
    ]
)


@dataclass(frozen=True)
class Entry:
    """A record a name points to."""

    kind: str
    record: str
    name: str
    case_sensitive: str | None = None


@dataclass
class Gazetteer:
    """Folded name (tuple of words) -> records; see :func:`build_gazetteer`."""

    table: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    buckets: dict[tuple[int, str], list[str]] = field(default_factory=dict)
    joined: dict[str, tuple[str, ...]] = field(default_factory=dict)
    min_score: float = 90.0
    min_length: int = 5
    _lengths: tuple[int, dict[str, frozenset[int]]] | None = field(
        default=None, init=False, repr=False, compare=False)
    """Word -> lengths of the names of ``table`` it begins (built on first use, rebuilt
    when the table's size changes)."""

    def _first_words(self) -> dict[str, frozenset[int]]:
        if self._lengths is None or self._lengths[0] != len(self.table):
            lengths: dict[str, set[int]] = defaultdict(set)
            for key in self.table:
                lengths[key[0]].add(len(key))
            self._lengths = (len(self.table),
                             {w: frozenset(ns) for w, ns in lengths.items()})
        return self._lengths[1]

    def find(self, text: str, offset: int = 0, fuzzy: bool = True) -> list[Mention]:
        """Every gazetteer name in ``text``, longest first, not overlapping.

        Parameters
        ----------
        text
            The text to scan (a sentence or a whole article).
        offset
            Added to every span (the position of ``text`` in the article).
        fuzzy
            Whether to try typo-tolerant matches after the exact ones.
        """
        folded = fold(text)
        tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(folded)]
        words = [t[2] for t in tokens]
        taken = [False] * len(tokens)
        found: list[tuple[int, int, list[Entry], float]] = []
        # where a name can begin: for an exact match, a word that begins a name of that
        # length (or, for one word, begins it but for a plural "s"); for a typo-tolerant one,
        # a capitalised word that is not a stop word
        firsts = self._first_words()
        starts: dict[int, list[int]] = defaultdict(list)
        for i, w in enumerate(words):
            ns = firsts.get(w, frozenset())
            if w.endswith("s") and 1 in firsts.get(w[:-1], ()):
                ns = ns | {1}
            for n in ns:
                starts[n].append(i)
        # a name never begins in the middle of a number ("000 soldiers" of "5,000 soldiers")
        inside_number = [t[2].isdigit() and t[0] >= 2 and folded[t[0] - 1] in ",." and
                         folded[t[0] - 2].isdigit() for t in tokens]
        upper = [i for i, t in enumerate(tokens)
                 if text[t[0] : t[0] + 1].isupper() and t[2] not in _STOP]
        # exact names first, longest first; typo-tolerant matches only on what is left, so
        # "Iskander-M missile" is the exact "Iskander-M", not a near miss of "Iskander-K missile"
        for exact in (True, False) if fuzzy else (True,):
            for n in range(min(_MAX_N, len(tokens)), 0, -1):
                if not exact and n > 4:
                    continue
                for i in starts.get(n, ()) if exact else upper:
                    if i + n > len(tokens) or any(taken[i : i + n]) or inside_number[i]:
                        continue
                    key = tuple(words[i : i + n])
                    if exact:
                        entries = self._exact(key, text, tokens[i][0], tokens[i + n - 1][1])
                        score = 100.0
                    else:
                        entries, score = self._fuzzy(key, text, tokens[i][0])
                    if entries:
                        for k in range(i, i + n):
                            taken[k] = True
                        found.append((tokens[i][0], tokens[i + n - 1][1], entries, score))
        out: list[Mention] = []
        for start, end, entries, score in sorted(found, key=lambda f: f[0]):
            surface = text[start:end]
            for e in entries:
                out.append(
                    Mention(
                        kind=e.kind,
                        record=e.record,
                        name=e.name,
                        score=round(score, 1),
                        span=Span(start=offset + start, end=offset + end, text=surface),
                    )
                )
        return out

    def _exact(self, key: tuple[str, ...], text: str, start: int, end: int) -> list[Entry]:
        entries = self.table.get(key)
        if entries is None and key[-1].endswith("s") and len(key[-1]) > 3:
            entries = self.table.get((*key[:-1], key[-1][:-1]))
        if entries is None and len(key) > 1 and key[-1] == "s":
            return []  # "Minsk's" is matched as "minsk" by the shorter n-gram
        if not entries:
            return []
        surface = text[start:end]
        return [e for e in entries if e.case_sensitive is None or e.case_sensitive in surface]

    def _fuzzy(self, key: tuple[str, ...], text: str, start: int) -> tuple[list[Entry], float]:
        joined = " ".join(key)
        if len(joined) < self.min_length or not text[start : start + 1].isupper():
            return [], 0.0
        if key[0] in _STOP or key[-1] in _STOP:
            return [], 0.0
        pool = self.buckets.get((len(key), joined[0]))
        if not pool:
            return [], 0.0
        hits = process.extract(
            joined, pool, scorer=fuzz.ratio, score_cutoff=self.min_score, limit=5
        )
        if not hits:
            return [], 0.0
        digits = [t for t in key if t.isdigit()]
        hits = [h for h in hits if [t for t in self.joined[h[0]] if t.isdigit()] == digits]
        if not hits:  # "Zapad 2021" is never a typo of "Zapad 2017"
            return [], 0.0
        best = max(h[1] for h in hits)
        entries: list[Entry] = []
        for choice, score, _ in hits:
            if score >= best - 3:
                entries += [e for e in self.table[self.joined[choice]] if e.case_sensitive is None]
        places = [e for e in entries if e.kind == "places"]
        if places:  # a typo of a town is likelier than of the range named after it
            return places, float(best)
        top = [e for e in self.table[self.joined[hits[0][0]]] if e.case_sensitive is None]
        return top, float(best)


def _names(rec: Any) -> Iterable[str]:
    if isinstance(rec, Record):
        yield rec.name
        yield from rec.aliases
        # "9K720 Iskander-M" is also "Iskander-M"; "Kh-47M2 Kinzhal" also "Kinzhal"
        yield re.sub(r"\s*\([^)]*\)", "", rec.name)


def _derived(rec: Any, adjectives: Mapping[str, list[str]]) -> Iterable[str]:
    """Names a text uses for a command body or unit of a state: "Belarusian General Staff"
    for "General Staff of the Armed Forces of the Republic of Belarus"."""
    actor = getattr(rec, "actor", None)
    if not isinstance(rec, Record) or not actor or actor not in adjectives:
        return
    head = re.split(r" of the | \(", rec.name)[0].strip()
    if head and head != rec.name:
        for adj in adjectives[actor]:
            yield f"{adj} {head}"


_NOT_AN_EVENT = re.compile(r"\b(?:Sea|Ocean|Gulf|Bay|River|Lake|Region|Oblast|Strait|Gap)$|"
                         r"^(?:(?:Mechani[sz]ed|Armou?red|Motori[sz]ed|Airborne|Air|Assault|"
                         r"Tank|Infantry|Artillery|Missile|Rocket|Armed|Land|Naval|Special|"
                         r"Operations|Guards?)\s+)+(?:Brigades?|Divisions?|Regiments?|"
                         r"Battalions?|Forces|Army|Corps)$|"
                         r"^(?:Soviet|European|Warsaw|United|Russian|Security|Cold|World|"
                         r"North\s+Atlantic)\s+(?:Union|Pact|States|Nations|Kingdom|Federation|"
                         r"Council|War|Treaty|Alliance)$")
"""A phrase naming a body of water or a region ("Baltic Sea"), a kind of formation
("Mechanised Brigades", "Armed Forces"), or a state, an alliance or a war
("Soviet Union", "Security Council", "Cold War"), not an event: a record of something that
happened to it ("referendum on preserving the Soviet Union") is not named by it."""


def build_gazetteer(
    catalog: Catalog,
    kinds: Iterable[str] = GAZETTEER_KINDS,
    min_score: float = 90.0,
    min_length: int = 5,
) -> Gazetteer:
    """Build the gazetteer of ``catalog``'s names and aliases.

    Examples
    --------
    >>> from eastflank.catalog import load_catalog
    >>> g = build_gazetteer(load_catalog())
    >>> [m.record for m in g.find("troops near Grodno") if m.kind == "places"]
    ['hrodna']
    """
    table: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
    records: Mapping[str, Mapping[str, Any]] = catalog.records
    adjectives = {
        aid: [n for n in (a.name, *a.aliases) if re.fullmatch(r"[A-Z][a-z]+(?:ian|ish|an)", n)]
        for aid, a in catalog.actors.items()
    }
    for kind in kinds:
        for rid, rec in records.get(kind, {}).items():
            name = getattr(rec, "name", rid)
            derived = list(_derived(rec, adjectives)) if kind == "command_bodies" else []
            for given in [*_names(rec), *derived]:
                raw = given.strip()
                key = tuple(_TOKEN.findall(fold(raw)))
                if not key or (len(key) == 1 and len(key[0]) < 3 and not raw.isupper()):
                    continue
                if len(key) == 1 and key[0] in _STOP:
                    continue
                case = raw if raw.isupper() and len(raw) <= 5 else None
                entry = Entry(kind, rid, name, case)
                if all(e.record != rid or e.kind != kind for e in table[key]):
                    table[key].append(entry)
    for rec in records.get("weapon_systems", {}).values() if "weapon_systems" in kinds else ():
        for raw in _names(rec):  # "Iskander" for "Iskander-M", unless it names another record
            m = re.fullmatch(r"([A-Za-z]{4,})-[A-Z0-9]{1,2}", raw.strip())
            if m and (fold(m.group(1)),) not in table:
                base = fold(m.group(1))
                owner = next(
                    (r for r in records["weapon_systems"].values()
                     if fold(r.name).startswith(base + " ")),
                    rec,
                )
                table[(base,)].append(Entry("weapon_systems", owner.id, owner.name))
    inner: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    for rid, rec in records.get("events", {}).items() if "events" in kinds else ():
        # "East Shield" in "Poland announces East Shield (Tarcza Wschód)": the proper names
        # inside an event's descriptive name, when they name nothing else
        phrases = re.findall(r"(?:[A-Z][\w-]*(?:\s+|$)){2,5}", rec.name)
        phrases += re.findall(r"\b[A-Z][a-z]+-\d{4}\b", rec.name)  # "Zapad-2021"
        for phrase in phrases:
            key = tuple(_TOKEN.findall(fold(phrase.strip())))
            if key and not _NOT_AN_EVENT.search(phrase.strip()):
                inner[rid].append((phrase, key))
    named = {k: list(v) for k, v in table.items()}  # (the names proper, before the phrases)
    phrase_of: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for rid, pairs in inner.items():
        rec = records["events"][rid]
        if getattr(rec, "kind", None) == "statement":
            continue  # "Tusk on ... since World War II": what was spoken of names no statement
        for _phrase, key in pairs:
            if len(key) < 2 or key in named or set(key) & {"putin", "lukashenko"}:
                continue
            prefix = " ".join(key)
            if any(" ".join(k).startswith(prefix) and any(e.record != rid for e in entries)
                   for k, entries in named.items()):
                continue  # "Regional Grouping" begins a command body's name
            if rid not in phrase_of[key]:
                phrase_of[key].append(rid)
    for key, rids in phrase_of.items():
        # every event whose name holds the phrase, the earliest first ("East Shield": the
        # plan's announcement, then the loans later asked for it)
        for rid in sorted(rids, key=lambda r: (records["events"][r].date, r)):
            table[key].append(Entry("events", rid, records["events"][rid].name))
    series: dict[str, str] = {}
    for rid, rec in records.get("indicators", {}).items() if "indicators" in kinds else ():
        # an indicator series is named by its subject ("druzhba-northern-branch"): the
        # subject's words, and its first word alone when that names nothing else ("Druzhba")
        subject = getattr(rec, "subject", None)
        if isinstance(subject, str) and subject not in series:
            series[subject] = rid
    for subject, rid in series.items():
        words = tuple(_TOKEN.findall(fold(subject.replace("-", " "))))
        label = subject.replace("-", " ")
        for key in (words, words[:1]):
            if key and len(" ".join(key)) >= 5 and key not in table:
                table[key].append(Entry("indicators", rid, label))
    gaz = Gazetteer(dict(table), min_score=min_score, min_length=min_length)
    buckets: dict[tuple[int, str], list[str]] = defaultdict(list)
    for key in gaz.table:
        joined = " ".join(key)
        if len(joined) >= min_length:
            buckets[(len(key), joined[0])].append(joined)
            gaz.joined[joined] = key
    gaz.buckets = dict(buckets)
    return gaz
