"""The anchors panel: published results beside the model, each figure what the CLI gives."""

from __future__ import annotations

import json

import pytest

from eastflank.anchors import Anchor, anchor_rows, load_anchors, resolve_field
from eastflank.cli import main
from eastflank.errors import ModelInputError


@pytest.fixture(scope="module")
def rows(catalog):
    return anchor_rows(catalog)


def test_at_least_four_rows_with_sources(catalog, rows):
    assert len(rows) >= 4
    studies = " ".join(r.study for r in rows)
    for name in ("RAND", "CEPA", "Wargaming Center", "FOI"):
        assert name in studies
    for r in rows:
        assert r.sources and all(s in catalog.sources for s in r.sources)
        assert r.in_band is not False or r.why_not


def test_each_model_figure_is_what_the_cli_gives(rows, capsys):
    for r in rows:
        argv = r.command.split()[1:]
        assert main(argv) == 0, r.command
        out = json.loads(capsys.readouterr().out)
        raw = resolve_field(out, r.field)
        assert (None if raw is None else float(raw)) == r.model_figure, r.id


def test_cli_json_has_rows(capsys):
    assert main(["anchors", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out) >= 4
    assert {"published_text", "model_figure", "in_band", "why_not", "scenario"} <= set(out[0])


def test_in_band_follows_the_band(catalog):
    a = load_anchors(catalog)[0]
    low = a.model_copy(update={"published": a.published.model_copy(
        update={"low": 0.0, "high": 1e9})})
    high = a.model_copy(update={"published": a.published.model_copy(
        update={"low": 1e8, "high": 1e9})})
    r_in, r_out = anchor_rows(catalog, [low, high])
    assert r_in.in_band is True and r_in.why_not is None
    assert r_out.in_band is False and r_out.why_not == a.why_not
    assert isinstance(a, Anchor)


def test_field_paths():
    data = {"a": {"b": 2}, "sites": [{"system": "x", "r": 1}, {"system": "s-400", "r": 400}]}
    assert resolve_field(data, "a.b") == 2
    assert resolve_field(data, "sites[system=s-400].r") == 400
    with pytest.raises(ModelInputError, match="no 'c'"):
        resolve_field(data, "a.c")
