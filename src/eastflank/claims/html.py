"""A self-contained HTML view of checked articles: each claim highlighted in the text, its
verdict, working and evidence shown on hover (title) and on click (side panel).

No external file, font or script is loaded: styles and the small script are inline.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape

from eastflank.claims.model import CheckResult, Claim

__all__ = ["render_html"]

_COLOURS = {
    "supported": "#c8e6c9",
    "contradicted": "#ffcdd2",
    "outdated": "#ffe0b2",
    "unverifiable": "#e0e0e0",
}

_CSS = """
body{font-family:Georgia,serif;margin:0;display:flex;color:#222}
main{flex:3;padding:1.5em 2em;max-width:52em;line-height:1.55}
aside{flex:2;position:sticky;top:0;height:100vh;overflow:auto;padding:1em 1.5em;
background:#fafafa;border-left:1px solid #ddd;font-family:sans-serif;font-size:.9em}
mark{cursor:pointer;border-radius:3px;padding:0 2px}
mark.sel{outline:2px solid #333}
.text{white-space:pre-wrap}
.legend span{display:inline-block;padding:0 .5em;margin-right:.4em;border-radius:3px}
table{border-collapse:collapse;font-size:.85em}td,th{border:1px solid #ccc;padding:2px 4px}
.reliability{font-family:sans-serif;font-size:.85em;color:#555}
h1{font-size:1.3em}h2{font-size:1.1em;margin-top:2em}
""" + "".join(f"mark.{k},.legend .{k}{{background:{v}}}" for k, v in _COLOURS.items())

_JS = """
const claims = JSON.parse(document.getElementById('claims-data').textContent);
function show(id){
  const c = claims[id]; if(!c) return;
  document.querySelectorAll('mark.sel').forEach(m=>m.classList.remove('sel'));
  document.querySelectorAll('mark[data-claim="'+id+'"]').forEach(m=>m.classList.add('sel'));
  const p = document.getElementById('panel');
  const map = {'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'};
  const esc = s => String(s ?? '').replace(/[&<>"]/g, ch => map[ch]);
  let rows = (c.evidence||[]).map(e => '<tr><td>'+esc(e.record||e.kind)+'</td><td>'+esc(e.detail)
    +'</td><td>'+esc((e.sources||[]).join(', '))+'</td></tr>').join('');
  p.innerHTML = '<h2>'+esc(c.verdict)+' &middot; '+esc(c.kind)+'</h2>'
    +'<p><b>Claim:</b> '+esc(c.text)+'</p>'
    +'<p>'+esc(c.explanation)+'</p>'
    +(c.claimed!=null?'<p><b>Claimed:</b> '+esc(c.claimed)+' '+esc(c.unit||'')+'</p>':'')
    +(c.computed!=null?'<p><b>Computed:</b> '+esc(c.computed)+' '+esc(c.unit||'')+'</p>':'')
    +'<p><b>Checked at:</b> '+esc(c.reference_date)+'</p>'
    +'<p><b>Tolerance:</b> '+esc(JSON.stringify(c.tolerance))+'</p>'
    +'<p><b>Evidence strength:</b> '+esc(c.strength)+'</p>'
    +(rows?'<table><tr><th>record</th><th>evidence</th><th>sources</th></tr>'+rows+'</table>':'')
    +((c.nearest||[]).length?'<p><b>Nearest statements:</b></p><ul>'
      +c.nearest.map(e => '<li>'+esc(e.detail)+'</li>').join('')+'</ul>':'');
}
document.querySelectorAll('mark[data-claim]').forEach(m =>
  m.addEventListener('click', () => show(m.dataset.claim)));
"""


def _highlight(text: str, claims: Sequence[Claim], prefix: str) -> str:
    """The text as HTML with each claim's span in a <mark>; overlapping claims are nested
    only when they do not cross (a later crossing claim is marked from where it is free)."""
    events: list[tuple[int, int, Claim]] = []
    cursor = 0
    for c in sorted(claims, key=lambda c: (c.span.start, -c.span.end)):
        start = max(c.span.start, cursor)
        if start >= c.span.end:
            continue
        events.append((start, c.span.end, c))
        cursor = c.span.end
    out: list[str] = []
    pos = 0
    for start, end, c in events:
        out.append(escape(text[pos:start]))
        tip = f"{c.verdict} ({c.kind}): {c.explanation}"
        out.append(f'<mark class="{c.verdict}" data-claim="{prefix}{c.id}" '
                   f'title="{escape(tip, quote=True)}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def render_html(items: Sequence[tuple[str, CheckResult]], title: str = "eastflank check"
                ) -> str:
    """Render checked articles as one self-contained HTML page.

    Parameters
    ----------
    items
        ``(text, result)`` pairs: the article text and its :class:`CheckResult`.
    """
    sections: list[str] = []
    data: dict[str, object] = {}
    for i, (text, result) in enumerate(items):
        prefix = f"a{i}-"
        for c in result.claims:
            data[prefix + c.id] = c.model_dump(mode="json", exclude={"mentions", "dates",
                                                                     "quantities"})
        counts = ", ".join(f"{v} {k}" for k, v in result.counts.items())
        head = escape(result.title or result.source or f"Article {i + 1}")
        sections.append(
            f"<section><h1>{head}</h1><p>{len(result.claims)} claims: {escape(counts)}. "
            f"Checked at {escape(str(result.article_date))} "
            f"({escape(result.article_date_origin)}).</p>"
            f'<div class="text">{_highlight(text, result.claims, prefix)}</div></section>'
        )
    legend = "".join(f'<span class="{k}">{k}</span>' for k in _COLOURS)
    note = next((r.reliability.note for _, r in items if r.reliability is not None), None)
    if note is not None:
        legend += f'</p><p class="reliability">{escape(note)}'
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return (
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<main><p class=\"legend\">{legend}</p>{''.join(sections)}</main>"
        "<aside id=\"panel\"><p>Click a highlighted claim to see its verdict, the computation "
        "and the sources behind it.</p></aside>"
        f"<script type=\"application/json\" id=\"claims-data\">{payload}</script>"
        f"<script>{_JS}</script></body></html>"
    )
