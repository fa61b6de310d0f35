"""Hypothesis strategies for hostile input: dataset records, stage and scenario files, command
lines and article bytes.

Valid documents are the packaged ones (records, stages, scenarios), so every example starts
from something the loaders accept; mutations then put wrong types, unknown keys, huge, infinite
and NaN numbers, impossible dates, deep nesting and shared or self-referencing structures
(written by the YAML dumper as anchors and aliases) at random places, and the rendered text may
be re-encoded, truncated or salted with control bytes. Hand-written YAML attacks (alias bombs,
self-referencing anchors, unsafe tags, merge keys, several documents) complete the set.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

import yaml
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from eastflank.catalog import data_dir
from eastflank.errors import EastflankError
from eastflank.schema import RECORD_TYPES

__all__ = [
    "HANG_SECONDS",
    "HangError",
    "article_bytes",
    "campaign_scenario_texts",
    "dataset_records",
    "fresh_id",
    "fuzz_settings",
    "hostile_yaml",
    "loads_or_refuses",
    "no_hang",
    "record_files",
    "scenario_texts",
    "stage_texts",
    "yaml_bytes",
]

DATA = data_dir()

# -- running an example ------------------------------------------------------------------------
HANG_SECONDS = 20
"""An example that runs longer than this is a hang (the slowest legitimate one takes ~1 s)."""


def fuzz_settings(max_examples: int) -> settings:
    """Hypothesis settings for a fuzz property: bounded examples (times the factor in
    ``EASTFLANK_FUZZ_SCALE``, for a longer run by hand), a generous deadline.

    At the default scale the examples are derandomized, so ``make test`` runs the same inputs
    every time (new ground is broken by ``make fuzz`` and by runs with a scale set, whose
    finds become regression tests)."""
    scale_text = os.environ.get("EASTFLANK_FUZZ_SCALE")
    scale = float(scale_text or "1")
    return settings(max_examples=max(1, round(max_examples * scale)),
                    deadline=dt.timedelta(seconds=HANG_SECONDS), derandomize=scale_text is None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


class HangError(Exception):
    """An example ran longer than :data:`HANG_SECONDS`."""


@contextmanager
def no_hang(seconds: int = HANG_SECONDS) -> Iterator[None]:
    """Fail (raise :class:`HangError`) if the block runs longer than ``seconds``."""

    def alarm(*_: Any) -> None:
        raise HangError(f"no result after {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def loads_or_refuses(load: Callable[[], Any], error: type[EastflankError]) -> Any:
    """Run ``load``; return its result or the input error of class ``error`` it raised, which
    must carry a message naming its file. Any other exception propagates (a failure)."""
    with no_hang():
        try:
            return load()
        except error as exc:
            refused = exc
    message = str(refused)
    assert message.strip(), "an input error needs a message"
    assert refused.file or "unknown" in message, message
    return refused


# -- scalars ---------------------------------------------------------------------------------
BAD_DATES = ["2026-13-45", "2023-02-30", "2024-02-30", "0000-01-01", "9999-99-99", "2026-1-1",
             "2026-00-10", "-2026-01-01", "2026-02-29T25:61:00", "1e308", "yesterday"]
BAD_NUMBERS: list[Any] = [math.inf, -math.inf, math.nan, 1e308, -1e308, 1.7976931348623157e308,
                          5e-324, 2**63, -(2**63) - 1, 2**64, 10**38, -1, 0, -0.0, 1e15, 1e16]
NUMBER_TEXTS = [".inf", "-.inf", ".nan", ".NaN", "1e308", "1e999", "-1e999", "0x7fffffffffffffff",
                "0o777777777777777777777777", "1_000_000_000_000_000_000_000", "+.inf",
                "123456789012345678901234567890123456789", "0b" + "1" * 80, "1:30:00", "NaN",
                "Infinity", "-0", "1e-400"]
ODD_TEXT = ["", " ", "\x00", "\u202e", "\ufeff", "ﬁ", "İ", "ß", "Ⅻ", "🜂" * 3, "a" * 300,
            "<script>", "../../etc/passwd", "%s%n", "null", "~", "yes", "no", "on", "off"]

safe_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
hostile_scalars: st.SearchStrategy[Any] = st.one_of(
    st.sampled_from(BAD_NUMBERS),
    st.sampled_from(BAD_DATES),
    st.sampled_from(NUMBER_TEXTS),
    st.sampled_from(ODD_TEXT),
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    safe_text,
)
hostile_values: st.SearchStrategy[Any] = st.recursive(
    hostile_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.sampled_from(["id", "value", "low", "high",
                                                             "quantity", "x", "min_h", "max_h",
                                                             "range_km", "lag_h", "note"]),
                                            inner, max_size=3)),
    max_leaves=6,
)


def _nested(depth: int, leaf: Any = 1) -> Any:
    out: Any = leaf
    for i in range(depth):
        out = [out] if i % 2 else {"k": out}
    return out


# -- mutations of a document ------------------------------------------------------------------
def _slots(doc: Any) -> list[tuple[Any, Any]]:
    """Every (container, key) of ``doc``; a container reached twice is listed once."""
    out: list[tuple[Any, Any]] = []
    seen: set[int] = set()
    todo = [doc]
    while todo:
        cur = todo.pop()
        if id(cur) in seen:
            continue
        seen.add(id(cur))
        items = cur.items() if isinstance(cur, dict) else enumerate(cur)
        for key, value in list(items):
            out.append((cur, key))
            if isinstance(value, dict | list):
                todo.append(value)
    return out


def _containers(doc: Any) -> list[Any]:
    out = [doc]
    for cont, key in _slots(doc):
        if isinstance(cont[key], dict | list):
            out.append(cont[key])
    return out


@st.composite
def _mutate(draw: st.DrawFn, doc: Any) -> Any:
    """``doc`` with one random hostile change."""
    slots = _slots(doc)
    op = draw(st.sampled_from(["replace", "replace", "replace", "delete", "unknown_key",
                               "nest", "share", "self", "type"]))
    if not slots:
        return draw(hostile_values)
    cont, key = draw(st.sampled_from(slots))
    if op == "replace":
        cont[key] = draw(hostile_values)
    elif op == "delete":
        del cont[key]
    elif op == "unknown_key":
        target = draw(st.sampled_from([c for c in _containers(doc) if isinstance(c, dict)]
                                      or [{}]))
        name = draw(st.one_of(st.sampled_from(["colour", "sources_", "lat_", "Id", "range_kms",
                                               "unknown", "__class__", "<<"]), safe_text))
        target[name] = draw(hostile_values)
    elif op == "nest":
        cont[key] = _nested(draw(st.sampled_from([3, 40, 63, 64, 65, 200])), cont[key])
    elif op == "share":  # dumped as an anchor and an alias
        cont[key] = draw(st.sampled_from(_containers(doc)))
    elif op == "self":  # a structure that contains itself: a self-referencing anchor
        box: list[Any] = [cont[key]]
        box.append(box)
        cont[key] = box
    else:  # the right value, the wrong type
        value = cont[key]
        cont[key] = draw(st.sampled_from([str(value), [value], {"value": value}, None]))
    return doc


@st.composite
def mutated(draw: st.DrawFn, base: Any, max_mutations: int = 3) -> Any:
    """A deep copy of ``base`` with up to ``max_mutations`` hostile changes (maybe none)."""
    doc = copy.deepcopy(base)
    for _ in range(draw(st.integers(0, max_mutations))):
        doc = draw(_mutate(doc))
    return doc


def dump(doc: Any) -> str:
    """``doc`` as YAML text (shared and recursive structures become anchors and aliases)."""
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=1000)


# -- hand-written YAML attacks ----------------------------------------------------------------
def _bomb(levels: int, width: int) -> str:
    lines = [f"a0: &a0 [{', '.join(['lol'] * width)}]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


HOSTILE_YAML = [
    _bomb(10, 9), _bomb(4, 3), "a: &a [*a]\n", "&a [*a, *a]\n", "- &x {k: *x}\n",
    "a: *undefined\n", "[" * 70 + "]" * 70, "[" * 5000, "{a: " * 100 + "1" + "}" * 100,
    "!!python/object/apply:os.system ['true']\n", "!!python/name:os.system\n",
    "- !!binary 'AAAA'\n", "- !!set {a, b}\n", "- !!timestamp 2026-13-45\n",
    "- !!float 'abc'\n", "- !!int '1e3'\n", "- !!omap [a: 1, a: 2]\n", "!<tag:x> 1\n",
    "a: &b {x: 1}\n<<: *b\n", "<<: [1, 2]\n", "---\n- 1\n---\n- 2\n", "--- !!str\n",
    "? [a, b]\n: 1\n", "? {a: 1}\n: 2\n", "a: 1\na: 2\n", "\t- 1\n", "- 'unterminated\n",
    "%YAML 9.9\n--- 1\n", "%TAG ! tag:x,2000:\n--- !a 1\n", "- 2026-02-30\n",
    "- {date: 2023-02-29}\n", "- .inf\n- .nan\n", "- 1e308\n- 99999999999999999999999999\n",
    "- 0x" + "f" * 40 + "\n", "...\n", "", "\ufeff- a\n", "- \x85\n", "- \x00\n", "- \ud7ff\n",
]


# -- bytes of a YAML file ---------------------------------------------------------------------
_ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "latin-1", "cp1251"]


@st.composite
def yaml_bytes(draw: st.DrawFn, text: str) -> bytes:
    """The bytes of a YAML file holding ``text``, maybe re-encoded, truncated or salted."""
    how = draw(st.sampled_from(["utf-8"] * 6 + ["encode", "truncate", "salt", "splice"]))
    if how == "encode":
        return text.encode(draw(st.sampled_from(_ENCODINGS)), errors="replace")
    data = text.encode("utf-8", errors="surrogatepass")
    if how == "truncate" and data:
        return data[: draw(st.integers(0, len(data) - 1))]
    if how == "salt" and data:
        at = draw(st.integers(0, len(data)))
        junk = draw(st.one_of(st.binary(max_size=8),
                              st.sampled_from([b"\x00", b"\xff\xfe", b"\xc3", b"\t", b"\r",
                                               b"&a ", b"*a ", b": ", b"- ", b"!!", b"{", b"["])))
        return data[:at] + junk + data[at:]
    if how == "splice":
        return data + draw(st.sampled_from(HOSTILE_YAML)).encode("utf-8", "surrogatepass")
    return data


hostile_yaml: st.SearchStrategy[str] = st.one_of(
    st.sampled_from(HOSTILE_YAML),
    st.text(st.sampled_from("[]{}&*!|>-?:,'\"#%@` \n\tab01.e+_~<"), max_size=80),
)


# -- the packaged documents -------------------------------------------------------------------
@cache
def _records() -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for kind in RECORD_TYPES:
        folder = DATA / kind
        recs: list[dict[str, Any]] = []
        for file in sorted(folder.glob("*.yaml")):
            recs.extend(yaml.safe_load(file.read_text("utf-8")) or [])
        out[folder.name] = recs
    return out


@cache
def _docs(pattern: str) -> tuple[Any, ...]:
    return tuple(yaml.safe_load(p.read_text("utf-8"))
                 for p in sorted(DATA.glob(pattern)) if not p.name.endswith(".campaign.yaml")
                 or "campaign" in pattern)


def record_kinds() -> list[str]:
    """The dataset folders that hold records (``sources``, ``places``, ``units`` ...)."""
    return sorted(_records())


@st.composite
def dataset_records(draw: st.DrawFn, kind: str) -> list[Any]:
    """Records of ``kind`` copied from the packaged data under new ids (so that, unmutated,
    they load beside the originals), maybe mutated."""
    pool = _records()[kind]
    picks = copy.deepcopy(draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3)))
    for i, rec in enumerate(picks):
        rec["id"] = fresh_id(kind, rec["id"], i)
    return draw(mutated(picks))


def fresh_id(kind: str, rid: str, i: int) -> str:
    """A new id for the ``i``-th copy of record ``rid`` (actor codes keep their pattern)."""
    return f"Q{'ABCDEFGHIJ'[i % 10]}" if kind == "actors" else f"{rid}-fuzz-{i}"


@st.composite
def record_files(draw: st.DrawFn, kind: str) -> bytes:
    """The bytes of one dataset file of ``kind``: packaged records mutated, or a YAML attack."""
    if draw(st.integers(0, 9)) == 0:
        return draw(hostile_yaml).encode("utf-8", "surrogatepass")
    return draw(yaml_bytes(dump(draw(dataset_records(kind)))))


def _document_files(pattern: str) -> st.SearchStrategy[bytes]:
    @st.composite
    def files(draw: st.DrawFn) -> bytes:
        if draw(st.integers(0, 9)) == 0:
            return draw(hostile_yaml).encode("utf-8", "surrogatepass")
        base = draw(st.sampled_from(_docs(pattern)))
        return draw(yaml_bytes(dump(draw(mutated(base)))))

    return files()


def stage_texts() -> st.SearchStrategy[bytes]:
    """Bytes of stage files: the packaged stages mutated, or YAML attacks."""
    return _document_files("stages/*.yaml")


def scenario_texts() -> st.SearchStrategy[bytes]:
    """Bytes of warning scenario files: the packaged scenarios mutated, or YAML attacks."""
    return _document_files("scenarios/*.yaml")


def campaign_scenario_texts() -> st.SearchStrategy[bytes]:
    """Bytes of campaign scenario files: the packaged one mutated, or YAML attacks."""
    return _document_files("scenarios/*.campaign.yaml")


# -- articles ---------------------------------------------------------------------------------
def _minimal_pdf(text: str) -> bytes:
    """A one-page PDF showing ``text`` (Helvetica), with a correct cross-reference table."""
    safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 12 Tf 72 720 Td ({safe}) Tj ET".encode("latin-1", "replace")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


@cache
def _seed_sentences() -> tuple[str, ...]:
    seeds = DATA.parents[2].parent / "shared" / "seeds"
    sentences: list[str] = []
    for f in sorted(seeds.glob("*.txt")) if seeds.is_dir() else []:
        sentences.extend(s.strip() for s in f.read_text("utf-8").split(".") if s.strip())
    return tuple(sentences[:400]) or ("Russia deployed Iskander-M launchers to Belarus",)


claim_like_text: st.SearchStrategy[str] = st.lists(
    st.one_of(
        st.sampled_from(_seed_sentences()),
        st.sampled_from(["The Suwałki Gap is 65 km wide", "Minsk lies 1e308 km from Brest",
                         "On 30 February 2023 the brigade moved", "some 99999999999999999999 troops",
                         "the Iskander reaches inf km", "Hrodna is NaN km from the border",
                         "In 2026-13-45 Russia took command", "between -5 and 3 hours",
                         "10,000,000,000,000 soldiers", "1/0 of the army", "Ⅻ brigades",
                         "The 6th brigade", "½ of the forces"]),
        safe_text,
    ),
    max_size=6,
).map(". ".join)


@st.composite
def _html(draw: st.DrawFn) -> bytes:
    body = draw(claim_like_text)
    wrap = draw(st.sampled_from([
        "<!doctype html><html><head><title>{t}</title></head><body><article><p>{b}</p>"
        "</article></body></html>",
        "<html><body>{b}", "<?xml version='1.0'?><html><body><p>{b}</p></body></html>",
        "<html><head><meta charset='{t}'></head><body><script>{b}</script></body></html>",
        "<html><body>" + "<div>" * 300 + "{b}" + "</div>" * 300 + "</body></html>",
        "<html><body><p>{b}<p>{b}<table><tr><td>{t}</table><!-- {b}", "<body {t}={b}>",
    ]))
    title = draw(safe_text)
    enc = draw(st.sampled_from(["utf-8", "utf-16", "latin-1", "cp1251"]))
    return wrap.replace("{b}", body).replace("{t}", title).encode(enc, "replace")


@st.composite
def _flipped(draw: st.DrawFn, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, max(len(out) - 1, 0)))
        op = draw(st.integers(0, 2))
        if op == 0 and out:
            out[at] = draw(st.integers(0, 255))
        elif op == 1:
            out[at:at] = draw(st.binary(max_size=16))
        else:
            del out[at: at + draw(st.integers(1, 64))]
    return bytes(out)


article_bytes: st.SearchStrategy[bytes] = st.one_of(
    st.binary(max_size=2000),
    claim_like_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.tuples(claim_like_text, st.sampled_from(_ENCODINGS)).map(
        lambda te: te[0].encode(te[1], "replace")),
    _html(),
    claim_like_text.map(_minimal_pdf),
    claim_like_text.map(_minimal_pdf).flatmap(_flipped),
    st.binary(max_size=500).map(lambda b: b"%PDF-1." + b),
    _html().flatmap(_flipped),
    st.sampled_from([b"", b" \n\t", b"\xff\xfe", b"\xfe\xff\x00", b"\xef\xbb\xbf",
                     b"\xff\xfeA\x00\xd8\x00", b"<html>", b"<body", b"%PDF-", b"\x00" * 10]),
)
"""Bytes of an article: random, unicode in several encodings, HTML, PDF (valid and broken)."""
