"""Economic claims in English text: money amounts, tonnages, shares of GDP and the economic
topics the indicator series cover (potash exports and their routes, debt to Russia, energy
subsidies and the gas price, oil transit, defence expenditure as a share of GDP).

A money amount has a currency and a scale ("$8 billion", "USD 7.9bn", "€300 million",
"8 billion dollars"); a tonnage a scale and a tonne unit ("3 million tonnes", "8.4 Mt",
"10.5 million t"). Both are normalised to plain units (``USD``, ``EUR``, ``RUB``; ``t``) and
keep their hedge (``about``, ``over`` ...), which :mod:`eastflank.claims.resolvers.economic`
applies with the ``economic`` tolerance.

A topic is what an economic claim is about, and names the indicator quantities (the
``quantity`` field of an indicator record) whose statements may judge it. A claim about the
debt owed *to Russia* is never judged by a total or external-debt figure, nor the reverse;
a claim about export *volume* never by the volume of one *route*.

>>> [(m.value, m.unit, m.hedge) for m in find_amounts("the refinancing of Minsk's $8 billion debt")]
[(8000000000.0, 'USD', None)]
>>> [(m.value, m.unit) for m in find_amounts("about 3 million tonnes went via Russian ports")]
[(3000000.0, 't')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Amount", "Topic", "find_amounts", "find_topics"]

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
          "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
_SCALE_RE = r"trillion|billion|million|thousand|bln|mln|bn|mn|tn|k|b|m"
_CURRENCY = {"$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
             "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
             "rub": "RUB", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
             "pln": "PLN", "zloty": "PLN", "zlotys": "PLN", "zlotych": "PLN", "złoty": "PLN",
             "złotys": "PLN", "zł": "PLN"}
_HEDGE = (r"(?P<hedge>about|around|some|approximately|roughly|nearly|almost|close\s+to|circa|~|"
          r"an\s+estimated|estimated|more\s+than|over|above|at\s+least|in\s+excess\s+of|"
          r"exceeding|less\s+than|under|below|up\s+to|at\s+most|no\s+more\s+than)\s+")
_MONEY = re.compile(
    rf"(?<![\w.])(?:{_HEDGE})?(?:"
    rf"(?P<cur1>US\$|\$|€|USD|EUR|RUB|PLN)\s?(?P<num1>{_NUM})\s?(?P<sc1>{_SCALE_RE})\b"
    rf"|(?P<num2>{_NUM})\s?(?P<sc2>trillion|billion|million|bln|mln|bn|mn)\s+"
    rf"(?P<cur2>US\s+dollars|dollars|euros?|roubles|rubles|USD|EUR|RUB|PLN|zlotys?|zlotych|"
    rf"złotys?|zł)(?!\w))",
    re.I)
_GDP_SHARE = re.compile(
    rf"(?<![\w.])(?:{_HEDGE})?(?P<num>\d{{1,2}}(?:\.\d{{1,2}})?)\s?(?:%|per\s?cent\b|percent\b)"
    r"\s+of\s+(?:(?:its|their|the|the\s+country's|the\s+nation's|national|annual|"
    r"[A-Z][a-z]+(?:'s|’s))\s+)?(?:GDP|gross\s+domestic\s+product)\b",
    re.I)
"""A share of GDP ("4.12% of GDP", "about 3 percent of its gross domestic product")."""
_GDP = re.compile(r"\b(?:GDP|gross\s+domestic\s+product)\b", re.I)
_LISTED_SHARE = re.compile(
    rf"(?:(?<=[–—])|(?<=[–—]\s)|(?<=\()|(?<=\(\s)|(?<=:\s))(?:{_HEDGE})?"
    r"(?P<num>\d{1,2}(?:\.\d{1,2})?)\s?(?:%|per\s?cent\b|percent\b)(?!\s+of\b)", re.I)
"""A share in a list after a sentence has said it speaks of shares of GDP ("the highest
percentage of GDP allocated to defense — 4.48%, followed by Lithuania (4%)"): a figure after
a dash, a colon or an opening bracket."""
_RANGE_BEFORE = re.compile(r"(?:\bbetween\s+\d+(?:\.\d+)?\s*(?:%|per\s?cent|percent)?\s+and|"
                           r"\d\s*(?:%|per\s?cent|percent)?\s*(?:-|–|to))\s*$", re.I)
"""What puts a figure at the top of a range ("between 5 and", "5-", "5 to")."""
_TONNES = re.compile(
    rf"(?<![\w.])(?:{_HEDGE})?(?P<num>{_NUM})\s?(?:(?P<sc>million|thousand|mln|mn)\s+"
    rf"(?:metric\s+)?(?:tonnes|tons|t|mt)\b|(?P<mt>Mt|mmt)\b)",
    re.I)


@dataclass(frozen=True)
class Amount:
    """A money amount or a tonnage: value in plain units, unit, hedge and offsets."""

    value: float
    unit: str
    hedge: str | None
    start: int
    end: int
    text: str
    digits: str
    """The number as written (without separators), whose last non-zero digit sets the
    rounding a plain figure implies."""


def _hedge(raw: str | None) -> str | None:
    return re.sub(r"\s+", " ", raw.lower()) if raw else None


def find_amounts(text: str) -> list[Amount]:
    """Money amounts and tonnages of ``text``, in text order."""
    out: list[Amount] = []
    for m in _MONEY.finditer(text):
        num = m.group("num1") or m.group("num2")
        scale = (m.group("sc1") or m.group("sc2")).lower()
        cur = (m.group("cur1") or m.group("cur2")).lower()
        cur = "usd" if "dollar" in cur else cur
        if scale in ("m", "b", "k") and m.group("cur1") is None:
            continue
        digits = num.replace(",", "")
        out.append(Amount(float(digits) * _SCALE[scale], _CURRENCY.get(cur, cur.upper()),
                          _hedge(m.group("hedge")), m.start(), m.end(), m.group(0), digits))
    for m in _TONNES.finditer(text):
        digits = m.group("num").replace(",", "")
        scale = 1e6 if m.group("mt") else _SCALE[m.group("sc").lower()]
        out.append(Amount(float(digits) * scale, "t", _hedge(m.group("hedge")), m.start(),
                          m.end(), m.group(0), digits))
    for m in _GDP_SHARE.finditer(text):
        if _RANGE_BEFORE.search(text, 0, m.start()):
            continue  # "between 5 and 6 percent", "5-6% of GDP": a range, not one figure
        digits = m.group("num")
        out.append(Amount(float(digits), "percent", _hedge(m.group("hedge")), m.start(),
                          m.end(), m.group(0), digits))
    said = _GDP.search(text)
    if said is not None:
        taken = [(a.start, a.end) for a in out]
        for m in _LISTED_SHARE.finditer(text, said.end()):
            if any(lo <= m.start() < hi for lo, hi in taken):
                continue
            digits = m.group("num")
            out.append(Amount(float(digits), "percent", _hedge(m.group("hedge")), m.start(),
                              m.end(), m.group(0), digits))
    return sorted(out, key=lambda a: a.start)


@dataclass(frozen=True)
class Topic:
    """An economic topic found in a sentence: its name, the indicator quantities that may
    judge it (empty when the dataset keeps no series of that scope), its offsets and, for a
    qualitative claim, the trend it asserts (``collapse``, ``growth``, ``continued``)."""

    name: str
    quantities: tuple[str, ...]
    start: int
    end: int
    text: str
    trend: str | None = None
    scope_note: str = ""


_POTASH = re.compile(r"\bpotash\b", re.I)
_ROUTE = re.compile(r"\b(?:transit\w*|route\w*|rerout\w*|ports?|Klaip[eė]da|rail\w*|"
                    r"shipp\w*|transship\w*|via|through)\b", re.I)
_EXPORTS = re.compile(r"\bexports?\w*\b|\bsales\b|\bshipments\b", re.I)
_DEBT = re.compile(r"\b(?:debts?|loans?|borrowing\w*|liabilit\w*|ow(?:es|ed|ing))\b", re.I)
_RUSSIA_LENDER = re.compile(r"\b(?:to|from|with|owe[sd]?)\s+(?:Russia|Moscow|the\s+Kremlin)\b|"
                            r"\bRussian\s+(?:loans?|credits?)\b|\bintergovernmental\b|"
                            r"\bKremlin\b|\bMoscow\b|\bPutin\b", re.I)
_OTHER_DEBT = re.compile(r"\b(?:external|foreign|total|gross|public|sovereign|national)\s+"
                         r"(?:state\s+)?debt\b|\bdebt\s+to\s+(?:China|the\s+IMF|Western|"
                         r"Eurobond)\w*", re.I)
_ENERGY = re.compile(r"\b(?:energy\s+subsid\w*|gas\s+prices?|price\s+of\s+(?:Russian\s+)?gas|"
                     r"subsidi[sz]ed\s+(?:gas|oil|energy)|oil\s+subsid\w*|gas\s+subsid\w*|"
                     r"cheap\s+(?:Russian\s+)?(?:gas|oil|energy))\b", re.I)
_DEFENCE = re.compile(r"\b(?:defen[cs]e|military|armed\s+forces|army)\b", re.I)
"""What a share of GDP spent on defence names ("4% of GDP on defence", "military spending")."""
_COLLAPSE = re.compile(r"\b(?:collaps\w*|plung\w*|plummet\w*|slump\w*|crash\w*|halv\w*|"
                       r"dried\s+up|wiped\s+out|ground\s+to\s+a\s+halt)\b", re.I)
_GROWTH = re.compile(r"\b(?:surg\w*|soar\w*|boom\w*|doubl\w*|recover\w*|rebound\w*)\b", re.I)
_CONTINUED = re.compile(r"\b(?:continu\w*|maintain\w*|preserv\w*|extend\w*)\b", re.I)

DEFENCE_SHARE = ("defence_expenditure_gdp_share",)
"""Defence expenditure as a share of GDP, per state and year (data/indicators)."""
DEBT_TO_RUSSIA = ("state_debt_owed_to_russia", "owed_to_russia_world_bank")
"""Stock of debt owed to Russia (two scopes; see data/indicators/debt.yaml)."""
POTASH_VOLUME = ("potash_exports_total",)
POTASH_ROUTES = ("potash_via_klaipeda", "potash_via_russian_ports", "potash_rail_to_china",
                 "potash_via_russian_ports_contracted")
GAS_PRICE = ("gas_price",)


def _trend(text: str) -> str | None:
    if _COLLAPSE.search(text):
        return "collapse"
    if _GROWTH.search(text):
        return "growth"
    if _CONTINUED.search(text):
        return "continued"
    return None


def find_topics(text: str, context: str = "") -> list[Topic]:
    """Economic topics of a sentence (``context``: the sentences before, for the lender of a
    debt), in text order."""
    out: list[Topic] = []
    m = _POTASH.search(text)
    if m:
        w0 = max(0, m.start() - 60)
        window = text[w0: m.end() + 80]
        exports = _EXPORTS.search(window)
        route = _ROUTE.search(window)
        start, end = m.start(), m.end()
        quantities: tuple[str, ...]
        if exports:
            # "potash exports" is the volume, whatever route the sentence says was closed
            quantities, scope = POTASH_VOLUME, "export volume"
            start, end = min(start, w0 + exports.start()), max(end, w0 + exports.end())
        elif route:
            quantities, scope = POTASH_ROUTES, "export route"
        else:
            quantities, scope = (), "potash (no property named)"
        out.append(Topic("potash", quantities, start, end, "", _trend(window), scope))
    for m in _DEBT.finditer(text):
        window = text[max(0, m.start() - 80): m.end() + 60]
        if _OTHER_DEBT.search(window):
            out.append(Topic("debt", (), m.start(), m.end(), "", _trend(window),
                             "total or external debt (no series of that scope)"))
        elif _RUSSIA_LENDER.search(text) or _RUSSIA_LENDER.search(context):
            out.append(Topic("debt", DEBT_TO_RUSSIA, m.start(), m.end(), "", _trend(window),
                             "debt owed to Russia"))
        else:
            out.append(Topic("debt", (), m.start(), m.end(), "", _trend(window),
                             "debt of unnamed lender"))
        break
    share = _GDP_SHARE.search(text)
    said = _GDP.search(text)
    if share is not None or (said is not None and _LISTED_SHARE.search(text, said.end())):
        m = _DEFENCE.search(text)
        if m is not None:
            out.append(Topic("defence", DEFENCE_SHARE, m.start(), m.end(), "",
                             None, "defence expenditure as a share of GDP"))
    m = _ENERGY.search(text)
    if m:
        window = text[max(0, m.start() - 60): m.end() + 20]
        out.append(Topic("energy", GAS_PRICE, m.start(), m.end(), "", _trend(window),
                         "energy subsidies (gas price)"))
    return sorted((Topic(t.name, t.quantities, t.start, t.end, text[t.start:t.end], t.trend,
                         t.scope_note) for t in out), key=lambda t: t.start)
