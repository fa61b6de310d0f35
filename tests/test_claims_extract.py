"""Extraction of the claim checker: quantities, dates, names, attributions, input reading."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eastflank.claims.attribution import find_attributions
from eastflank.claims.dates import find_dates
from eastflank.claims.gazetteer import build_gazetteer
from eastflank.claims.io import MAX_BYTES, read_article, read_bytes
from eastflank.claims.quantities import find_quantities
from eastflank.claims.text import fold, split_sentences
from eastflank.claims.tolerances import load_tolerances
from eastflank.errors import ClaimInputError, DataError


@pytest.mark.parametrize(
    ("text", "value", "unit", "bound"),
    [
        ("within 200 kilometers of Warsaw", 200.0, "km", "at-most"),
        ("the 45,000-strong Belarusian force", 45000.0, "personnel", "exact"),
        ("about 1,200 km", 1200.0, "km", "about"),
        ("a range of 300 miles", 482.8, "km", "exact"),
        ("almost 9,000 Russian troops", 9000.0, "personnel", "about"),
        ("up to 200 thousand troops", 200000.0, "personnel", "at-most"),
        ("over 2,000 kilometers", 2000.0, "km", "at-least"),
        ("about 300 tanks", 300.0, "tanks", "about"),
        ("fly for 10 minutes", 10.0, "min", "exact"),
    ],
)
def test_quantities(text: str, value: float, unit: str, bound: str) -> None:
    (q,) = find_quantities(text)
    assert q.value == pytest.approx(value, rel=1e-3)
    assert (q.unit, q.bound) == (unit, bound)
    assert text[q.span.start : q.span.end] == q.span.text


def test_vague_and_ranges_and_conversions() -> None:
    (q,) = find_quantities("hundreds of kilometers westward")
    assert (q.low, q.high, q.bound) == (200.0, 999.0, "vague")
    (r,) = find_quantities("3,000-5,000 troops in each country")
    assert (r.low, r.high, r.bound) == (3000.0, 5000.0, "range")
    # the bracketed conversion repeats the claim and is not a second quantity
    assert [x.span.text for x in find_quantities("up to 500 km (310 mi)")] == ["up to 500 km"]
    # years, model numbers and bare numbers are not quantities
    assert find_quantities("in 2023 the Su-27 fighters and 12 months") == []


@given(st.integers(min_value=1, max_value=9_999_999))
@settings(max_examples=50, deadline=None)
def test_thousands_separators_roundtrip(n: int) -> None:
    (q,) = find_quantities(f"some {n:,} km away")
    assert q.value == pytest.approx(n)


def test_dates() -> None:
    ref = dt.date(2025, 12, 18)
    got = [(d.date.isoformat(), d.precision) for d in find_dates(
        "On January 6, 2026 and 6 January 2026, in June 2023, since 2023, on Wednesday", ref)]
    assert got == [("2026-01-06", "day"), ("2026-01-06", "day"), ("2023-06-01", "month"),
                   ("2023-01-01", "year"), ("2025-12-17", "day")]
    (p,) = find_dates("held on September 10-16, 2021")
    assert (p.date, p.end) == (dt.date(2021, 9, 10), dt.date(2021, 9, 16))
    assert find_dates("as shown (Hodges et al., 2019) before") == []


@pytest.mark.parametrize(("text", "expected"), [
    # news copy's weekday after a verb is that day of the article's week
    ("Lukashenko claimed Monday that Ukraine was readying an attack", [("2022-10-10", "Monday")]),
    ("the talks, Monday, ended", [("2022-10-10", "Monday")]),
    ("said on Monday", [("2022-10-10", "on Monday")]),
    # a weekday to come, or one opening a sentence, is no such date
    ("He will visit next Monday", []),
    ("Monday saw protests", []),
    ("They will meet Friday", [("2022-10-14", "Friday")]),
    # the week of the article's date: up to it, or to its Sunday for what is to come
    ("Earlier this week Lukashenko invited Russian forces", [("2022-10-10", "Earlier this week")]),
    ("They will meet this week", [("2022-10-10", "this week")]),
    # a yearless day ahead of the text kept ahead by a deadline or a "would"
    ("the facilities would be completed by July 1", [("2023-07-01", "July 1")]),
    ("The troops left on July 1", [("2022-07-01", "July 1")]),
    ("plotting to destabilize the country ahead of a presidential election on July 9",
     [("2023-07-09", "July 9")]),
    ("He said on July 1 that the troops would leave", [("2022-07-01", "July 1")]),
])
def test_weekdays_and_yearless_days(text: str, expected: list[tuple[str, str]]) -> None:
    day = dt.date(2022, 10, 11) if "July" not in text else dt.date(2023, 5, 25)
    found = find_dates(text, day)
    assert [(d.date.isoformat(), d.span.text) for d in found] == expected
    if "this week" in text:  # a period, up to the article's day or to the week's end
        assert found[0].end == (dt.date(2022, 10, 16) if "will" in text else day)


def test_sentences_keep_offsets() -> None:
    text = "Minsk is far.\nIt wraps a line. Warsaw is near.\n\nA heading\n\nLast one."
    sents = split_sentences(text)
    assert [s.text for s in sents][-2:] == ["A heading", "Last one."]
    assert all(text[s.start : s.end] == s.text for s in sents)
    assert len(fold("Suwałki’s — x")) == len("Suwałki’s — x")


def test_gazetteer_typos_inflections_and_case(catalog) -> None:
    gaz = build_gazetteer(catalog)
    found = {(m.kind, m.record) for m in gaz.find(
        "Iskanders near Asipovichi and Grodno's brigade; the Belarusian General Staff")}
    assert ("weapon_systems", "iskander-m") in found
    assert ("places", "asipovichy") in found
    assert ("places", "hrodna") in found
    assert ("command_bodies", "belarusian-general-staff") in found
    # an all-capital alias matches only in capitals
    assert not [m for m in gaz.find("the wmd of the novel") if m.kind == "command_bodies"]


def test_attributions() -> None:
    (a,) = find_attributions('"It is over," says Dr. Elena Covaliu, a senior analyst at the '
                             "Institute for the Study of War (ISW).")
    assert a.person == "Dr. Elena Covaliu"
    assert a.institution == "the Institute for the Study of War (ISW)"
    # a speaker named by the surname alone, at the start of a clause
    (b,) = find_attributions("Lukashenko later said the army is ready.")
    assert b.person == "Lukashenko" and b.speaker is not None
    assert b.speaker.text == "Lukashenko later said"
    # the attribution covers what was said
    assert b.span.text == "Lukashenko later said the army is ready"
    # a capital is no speaker; an institution is, with no person
    (k,) = find_attributions("Moscow said the army is ready; the Kremlin said so too.")
    assert (k.person, k.institution, k.span.text) == (None, "the Kremlin", "the Kremlin said")


@pytest.mark.parametrize(("text", "person", "institution", "said"), [
    ("Belarusian Defence Minister Viktor Khrenin said the army had 48,000 troops.",
     "Belarusian Defence Minister Viktor Khrenin", None, "the army had 48,000 troops"),
    ("Lukashenko told reporters that the brigade was in Asipovichy.", "Lukashenko", None,
     "the brigade was in Asipovichy"),
    ("Lukashenko, in power in Belarus since 1994, said in October that any use of nuclear "
     "weapons would require his assent.", "Lukashenko", None,
     "in October that any use of nuclear weapons would require his assent"),
    ("Prigozhin will leave for Belarus and the case will be dropped, the Kremlin said on "
     "June 24.", None, "the Kremlin", "Prigozhin will leave for Belarus and the case will be "
                                      "dropped"),
    ("According to the president, more than 300 settlements were liberated this year.", None,
     "the president", "more than 300 settlements were liberated this year"),
    ("A missile unit is practising strikes, the Defense Ministry has said.", None,
     "the Defense Ministry", "A missile unit is practising strikes"),
    ('"We will respond," Lukashenko said.', "Lukashenko", None, "We will respond"),
    ("“The West is preparing,” said Viktor Khrenin.", "Viktor Khrenin", None,
     "The West is preparing"),
    ("NATO officials estimate that 30,000 troops are in Belarus.", None, "NATO officials",
     "30,000 troops are in Belarus"),
    ("According to Belarusian media, the brigade moved to Brest.", None, "Belarusian media",
     "the brigade moved to Brest"),
    ("Kremlin spokesman Dmitry Peskov told reporters that the troops would stay.",
     "Dmitry Peskov", None, "the troops would stay"),
])
def test_attribution_shapes_and_what_was_said(text: str, person: str | None,
                                              institution: str | None, said: str) -> None:
    (a,) = find_attributions(text)
    assert (a.person, a.institution) == (person, institution)
    assert said in a.span.text and a.speaker is not None and said not in a.speaker.text


def test_tolerances_load_and_reject(tmp_path: Path) -> None:
    tol = load_tolerances()
    assert tol.distance.within(205.0, 200.0)
    assert not tol.distance.within(260.0, 200.0)
    bad = tmp_path / "tol.yaml"
    bad.write_text("distance: {relative: 2}\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"tol\.yaml"):
        load_tolerances(bad)


def test_hostile_inputs(tmp_path: Path) -> None:
    with pytest.raises(ClaimInputError, match="binary data"):
        read_bytes(b"\x00\x01\x02junk" * 100, "junk.bin")
    with pytest.raises(ClaimInputError, match="limit"):
        read_bytes(b"a" * (MAX_BYTES + 1), "big.txt")
    with pytest.raises(ClaimInputError, match="PDF does not parse"):
        read_bytes(b"%PDF-1.4\n garbage garbage", "broken.pdf")
    with pytest.raises(ClaimInputError, match="empty"):
        read_bytes(b"   \n", "empty.txt")
    with pytest.raises(ClaimInputError, match="file not found"):
        read_article(tmp_path / "missing.txt")
    latin = read_bytes("Suwałki Gap, 65 km – Grodno".encode("utf-16"), "u16.txt")
    assert "Suwałki" in latin.text
    cp = read_bytes("Minsk und Brest – Grenzübergang über die Grenze".encode("cp1252"),
                    "cp.txt")
    assert "Brest" in cp.text


def test_html_and_pdf_inputs(tmp_path: Path) -> None:
    html = (b"<!DOCTYPE html><html><head><title>T</title>"
            b'<meta property="article:published_time" content="2024-02-27"></head><body>'
            b"<nav>menu</nav><article><p>" + b"The Western Military District will no longer "
            b"exist from March 1, 2024, according to the decree signed in Moscow. " * 3
            + b"</p></article></body></html>")
    art = read_bytes(html, "page.html")
    assert art.format == "html"
    assert "Western Military District" in art.text
    assert "menu" not in art.text
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    path = tmp_path / "blank.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(ClaimInputError, match="no extractable text"):
        read_article(path)


@pytest.mark.parametrize(("text", "value", "bound", "span"), [
    # a head count named before a bare number
    ("the actual number of participants will be closer to 200,000", 200000.0, "about",
     "closer to 200,000"),
    ("plans to increase the army to 80,000", 80000.0, "exact", "to 80,000"),
    ("a population of around 9.3 million", 9.3e6, "about", "around 9.3 million"),
    # nationality adjectives joined by "and" between the number and the noun
    ("Nearly 100,000 Russian and Belarussian soldiers are participating", 100000.0, "about",
     "Nearly 100,000 Russian and Belarussian soldiers"),
])
def test_head_counts_in_context(text: str, value: float, bound: str, span: str) -> None:
    (q,) = find_quantities(text)
    assert (q.value, q.unit, q.bound, q.span.text) == (value, "personnel", bound, span)


@pytest.mark.parametrize("text", ["the troops arrived in 2021", "troops: 12 percent",
                                  "80 planes and helicopters took part"])
def test_no_head_count_without_one(text: str) -> None:
    assert all(q.unit != "personnel" for q in find_quantities(text))
