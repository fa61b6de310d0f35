"""People named with their office: "Lithuania's Defence Minister Raimundas Karoblis".

A sentence that puts an office's title before a person's name ("Polish President Andrzej
Duda", "the chief of the General Staff of the Belarusian armed forces, Major General Pavel
Muraveiko") or after it as an apposition ("Viktor Khrenin, Belarus's defence minister, ...")
asserts that the person held that office on the sentence's date. The dataset's posts
(:class:`eastflank.schema.Post`) record who held which office when; :func:`find_titled` reads
those assertions from a sentence and
:func:`eastflank.claims.resolvers.posts.resolve_post` checks them.

Only people the posts know are read (by full name or another spelling, or by surname right
after a title), so a title before an unknown name yields no claim.

Examples
--------
>>> from eastflank.catalog import load_catalog
>>> index = posts_index(load_catalog())
>>> isinstance(index.by_person, dict)
True
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

from eastflank.catalog import Catalog
from eastflank.claims.extract import SentenceFacts
from eastflank.claims.model import Span
from eastflank.claims.text import fold
from eastflank.schema import Post

__all__ = ["OFFICE_TITLES", "PostsIndex", "Titled", "find_plural_titled", "find_titled", "holders",
           "posts_index"]

OFFICE_TITLES: dict[str, str] = {
    "deputy-defence-minister": r"(?:first\s+)?deputy\s+(?:defen[cs]e\s+minister|minister\s+of\s+"
                               r"(?:national\s+)?defen[cs]e)",
    "defence-minister": r"(?:defen[cs]e\s+minister|minister\s+(?:of|for)\s+(?:national\s+)?"
                        r"defen[cs]e|defen[cs]e\s+secretary|secretary\s+of\s+defen[cs]e)",
    "foreign-minister": r"(?:foreign\s+minister|minister\s+(?:of|for)\s+foreign\s+affairs|"
                        r"foreign\s+secretary|secretary\s+of\s+state)",
    "interior-minister": r"(?:interior\s+minister|minister\s+of\s+(?:the\s+)?interior|"
                         r"minister\s+of\s+internal\s+affairs|home\s+secretary)",
    "head-of-government": r"(?:prime\s+minister|premier|chancellor)",
    "head-of-state": r"president",
    "chief-of-general-staff": r"(?:chief\s+of\s+(?:the\s+)?general\s+staff|chief\s+of\s+(?:the\s+)?"
                              r"defen[cs]e(?:\s+staff)?)",
    "commander-in-chief": r"commander[- ]in[- ]chief",
    "security-council-secretary": r"(?:(?:state\s+)?secretary\s+of\s+(?:the\s+)?(?:[\w’']+\s+)?"
                                  r"security\s+council|security\s+council\s+(?:state\s+)?"
                                  r"secretary)",
    "secretary-general": r"secretary[- ]general",
    "governor": r"governor",
    "speaker-of-parliament": r"(?:speaker\s+of\s+(?:the\s+)?(?:parliament|sejm|seimas|saeima|"
                             r"riigikogu|state\s+duma|duma)|(?:parliament(?:ary)?|sejm|seimas|"
                             r"saeima|duma)\s+speaker)",
    "spokesperson": r"(?:spokes(?:man|woman|person)|press\s+secretary)",
    "intelligence-chief": r"(?:(?:military\s+)?intelligence\s+(?:chief|head)|(?:head|chief)\s+of\s+"
                          r"(?:the\s+)?(?:(?:main|chief)\s+)?(?:(?:military\s+)?intelligence"
                          r"(?:\s+directorate)?|(?:intelligence\s+)?directorate\s+of\s+"
                          r"intelligence))",
    "border-guard-chief": r"(?:(?:head|chief)\s+of\s+(?:the\s+)?(?:state\s+)?border\s+guard"
                          r"(?:\s+service)?|border\s+guard\s+(?:chief|head))",
    "commander": r"commander",
}
"""Office kind -> the English titles that name it (a pattern; the first that matches wins, so
"deputy defence minister" is read before "defence minister")."""

_RANK = (r"(?:(?:Major|Lieutenant|Lt\.?|Maj\.?|Colonel|Col\.?|Brigadier|Brig\.?|Rear|Vice|"
         r"General|Gen\.?|Admiral|Adm\.?|Army|Air|Marshal|Chief|Mr\.?|Ms\.?|Mrs\.?|Dr\.?)"
         r"(?:[- ](?=[A-Z]))?\s*)")
"""Ranks and honorifics that may stand between a title and a name."""

_TITLES = "|".join(f"(?P<o{i}>{rx})" for i, rx in enumerate(OFFICE_TITLES.values()))
_OFFICES = list(OFFICE_TITLES)
_DEPUTY = (r"(?P<deputy>\b(?:first\s+)?(?:deputy|vice|assistant|under)[- ]\s*"
           r"(?:[a-z]+(?:an|sh|ch|se|ic)\s+)?)?")
"""A deputy's mark before a title, with the state's adjective it may carry ("Deputy Russian
defence minister")."""
_OF_WORDS = (r"(?:(?!\b(?:asked|told|said|says|met|meets|called|calls|urged|thanked|invited|"
             r"visited|spoke|warned|phoned|accused|received|welcomed|hosted|sent|wrote|praised|"
             r"blamed|critici[sz]ed|and|with|to|by|that|who|whom)\b)[^,;:()\"“”]){0,60}?")
"""What may stand between "of" and a name in a title ("of the Russian Federation"), not a
verb or a clause ("the president of Belarus asked Putin": Putin is no president of Belarus)."""
_BEFORE = re.compile(
    rf"(?P<former>\b(?:former|ex-|then-?|erstwhile|outgoing|late)\s*)?"
    rf"(?P<acting>\bacting\s+)?{_DEPUTY}\b(?:{_TITLES})(?P<of>\s+(?:of|for)\s+{_OF_WORDS})?"
    rf"(?:,\s+|\s+){_RANK}{{0,4}}$", re.I)
"""A title ending right before a name: "Defence Minister ", "the chief of the General Staff of
the Belarusian armed forces, Major General "."""
_AFTER = re.compile(
    rf"^,\s+(?:(?:the|a|an)\s+)?(?P<pre>[\w'’.-]+(?:\s+[\w'’.-]+)?\s+)??"
    rf"(?P<former>\b(?:former|ex-|then-?|erstwhile|outgoing)\s*)?(?P<acting>\bacting\s+)?"
    rf"{_DEPUTY}\b(?:{_TITLES})(?P<of>\s+(?:of|for)\s+[^,;:()\"“”]{{0,60}}?)?(?=\s*(?:[,;:()]|$|"
    rf"\s+(?:said|says|told|announced|added|stated|noted|wrote|claimed|warned|argued)\b))",
    re.I)
"""An apposition after a name: ", Belarus's defence minister," / ", the NATO secretary
general"."""
_NAME_WORD = re.compile(r"[A-ZÀ-Ž][\w'’-]*|\b(?:von|van|der|den|de|da|di|du|del|ter|zu)\b")
"""A word of a person's name: a capitalised word, or a particle between two ("Ursula von der
Leyen")."""
_PARTICLE = re.compile(r"[a-z]")


@dataclass(frozen=True)
class Titled:
    """A person named with an office in a sentence."""

    span: Span
    person: str
    """The person's name as the posts record it."""
    office: str
    actors: tuple[str, ...]
    """Actor ids the sentence gives the office (a state, ``NATO``); empty when not said."""
    bodies: tuple[str, ...]
    """Command bodies named with the title ("commander of the Western Military District")."""
    former: bool
    """Whether the title is marked as past ("former", "then-")."""
    title: str


@dataclass
class PostsIndex:
    """Posts by person, and the folded names that point to each person."""

    by_person: dict[str, list[Post]] = field(default_factory=dict)
    names: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    surnames: dict[str, set[str]] = field(default_factory=dict)
    longest: int = 1


def _tokens(name: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", fold(name)))


_INDEXES: dict[int, tuple[Catalog, PostsIndex]] = {}


def posts_index(catalog: Catalog) -> PostsIndex:
    """The posts of ``catalog`` indexed by person and name, built once per catalog object."""
    hit = _INDEXES.get(id(catalog))
    if hit is not None and hit[0] is catalog:
        return hit[1]
    index = PostsIndex()
    by_person: dict[str, list[Post]] = defaultdict(list)
    names: dict[tuple[str, ...], set[str]] = defaultdict(set)
    surnames: dict[str, set[str]] = defaultdict(set)
    for post in catalog.records.get("posts", {}).values():
        assert isinstance(post, Post)
        by_person[post.person].append(post)
        for name in (post.person, *post.aliases):
            toks = _tokens(name)
            if len(toks) >= 2:
                names[toks].add(post.person)
                surnames[toks[-1]].add(post.person)
    index.by_person = {p: sorted(v, key=lambda r: r.valid_from) for p, v in by_person.items()}
    index.names = dict(names)
    index.surnames = dict(surnames)
    index.longest = max((len(k) for k in names), default=1)
    _INDEXES[id(catalog)] = (catalog, index)
    return index


def _office(m: re.Match[str]) -> str | None:
    """The office a title names; ``None`` for a deputy's title other than a deputy defence
    minister's (a vice-president is no president)."""
    office = next(_OFFICES[i] for i in range(len(_OFFICES)) if m.group(f"o{i}"))
    if m.group("deputy"):
        return "deputy-defence-minister" if office in ("defence-minister",
                                                       "deputy-defence-minister") else None
    return office


def _people(facts: SentenceFacts, index: PostsIndex) -> list[tuple[int, int, set[str], bool]]:
    """Known people named in the sentence: (start, end, persons, by surname alone), offsets
    in the sentence; full names first, longest first, not overlapping."""
    text = facts.text
    words = [(m.start(), m.end()) for m in _NAME_WORD.finditer(text)]
    folded = [fold(text[s:e]) for s, e in words]
    # consecutive capitalised words only: a name is not split by lower-case words
    out: list[tuple[int, int, set[str], bool]] = []
    taken: set[int] = set()
    for n in range(min(index.longest, 4), 1, -1):
        for i in range(len(words) - n + 1):
            if any(k in taken for k in range(i, i + n)):
                continue
            if any(text[words[k][1]:words[k + 1][0]].strip() for k in range(i, i + n - 1)):
                continue
            if _PARTICLE.match(text, words[i][0]) or _PARTICLE.match(text, words[i + n - 1][0]):
                continue  # (a particle only stands between the words of a name)
            key = tuple(t for w in folded[i:i + n] for t in re.findall(r"\w+", w))
            who = index.names.get(key)
            if who:
                taken.update(range(i, i + n))
                out.append((words[i][0], words[i + n - 1][1], set(who), False))
    for i, (s, e) in enumerate(words):
        if i in taken or _PARTICLE.match(text, s):
            continue
        if i + 1 < len(words) and not text[e:words[i + 1][0]].strip():
            continue  # a given name: the surname is the last word of the name it begins
        parts = re.findall(r"\w+", re.sub(r"['’]s$", "", folded[i]))
        who = index.surnames.get(parts[-1]) if parts else None
        if who and len(who) == 1:
            out.append((s, e, set(who), True))
    return sorted(out)


def _actors_near(facts: SentenceFacts, start: int, end: int) -> tuple[str, ...]:
    """Actor ids named between ``start`` and ``end`` (offsets in the sentence)."""
    lo, hi = facts.start + start, facts.start + end
    return tuple(dict.fromkeys(m.record for m in facts.mentions
                               if m.kind == "actors" and lo <= m.span.start and m.span.end <= hi))


def _bodies_near(facts: SentenceFacts, start: int, end: int) -> tuple[str, ...]:
    lo, hi = facts.start + start, facts.start + end
    return tuple(dict.fromkeys(m.record for m in facts.mentions if m.kind == "command_bodies"
                               and lo <= m.span.start and m.span.end <= hi))


_LEAD = re.compile(r"(?:(?!(?:The|A|An|Then|Former)\b)[A-Z][\w.'’-]*(?:['’]s)?\s+){1,3}$")
"""Capitalised words right before a title ("Lithuania's ", "NATO ", "Western Military District
")."""


_PAST_LEAD = re.compile(r"\b(former|ex-)\s*$", re.I)
"""A mark of a past title before the state's name that leads the title."""


def find_titled(facts: SentenceFacts, index: PostsIndex) -> list[Titled]:
    """Every known person the sentence names with an office's title."""
    if not index.by_person:
        return []
    text = facts.text
    out: list[Titled] = []
    for start, end, persons, by_surname in _people(facts, index):
        before = _BEFORE.search(text[max(0, start - 160):start])
        if before is not None and before.group("of"):
            # "spokesman for President Vladimir Putin": the name is the nested title's
            at = max(0, start - 160) + before.start("of")
            nested = _BEFORE.search(text, at + 1, start)
            if nested is not None and nested.start() > at:
                inner = _BEFORE.search(text[max(0, start - 160):start],
                                       nested.start() - max(0, start - 160))
                held = {p.office for n in persons for p in index.by_person.get(n, [])}
                if inner is not None and (_office(inner) in held
                                          or _office(before) not in held):
                    before = inner  # (unless only the outer title is one the person held:
                    # "the press secretary of the Russian President Dmitry Peskov")
        after = None if by_surname else _AFTER.match(text[end:end + 160])
        if before is not None:
            t0 = max(0, start - 160) + before.start()
            lead = _LEAD.search(text[:t0])
            l0 = lead.start() if lead else t0
            of_end = t0 + (before.end("of") - before.start() if before.group("of") else
                           before.end() - before.start())
            actors = _actors_near(facts, l0, of_end)
            bodies = _bodies_near(facts, l0, of_end)
            span_start, span_end, m = l0, end, before
        elif after is not None:
            a1 = end + after.end()
            actors = _actors_near(facts, end, a1)
            bodies = _bodies_near(facts, end, a1)
            span_start, span_end, m = start, a1, after
        else:
            continue
        office = _office(m)
        if m is before and len(persons) == 1:
            # "Chief of the General Staff — First Deputy Minister of Defence ... Pavel
            # Muraveiko": a double title; the one the person held is the one checked
            joined = _JOINED.search(text, 0, span_start)
            held = {p.office for p in index.by_person.get(next(iter(persons)), [])}
            if joined is not None and office not in held:
                first = _ROLE.match(joined.group("title"))
                other = _office(first) if first is not None else None
                if other in held:
                    office, span_start = other, joined.start()
        if office is None or (office == "commander" and not bodies):
            continue
        if len(persons) != 1:
            continue
        title = re.sub(r"\s+", " ", m.group(0)).strip(" ,")
        # "former U.S. President ...": the mark may stand before the state's name
        past = None if m is not before else _PAST_LEAD.search(text[:span_start])
        if past is not None:
            span_start, title = past.start(), f"{past.group(1)} {title}"
        out.append(Titled(
            span=Span(start=facts.start + span_start, end=facts.start + span_end,
                      text=text[span_start:span_end]),
            person=next(iter(persons)), office=office, actors=actors, bodies=bodies,
            former=bool(m.group("former")) or past is not None, title=title))
    return out


_JOINED = re.compile(rf"(?P<title>{_DEPUTY}\b(?:{_TITLES})"
                     rf"(?:\s+(?:of|for)\s+[^,;:()\"“”—–]{{0,60}}?)?)\s*[—–]\s*$", re.I)
"""A title joined to the next by a dash ("Chief of the General Staff — First Deputy ...")."""

_PLURAL_OFFICES = {"presidents": "head-of-state", "prime ministers": "head-of-government",
                   "defence ministers": "defence-minister", "defense ministers": "defence-minister",
                   "foreign ministers": "foreign-minister"}
_ONE = r"(?:[A-Z][\w'’-]+\s+)(?:(?:von|van|der|den|de)\s+)*[A-Z][\w'’-]+"
_PLURAL = re.compile(rf"\b(?P<title>(?i:presidents|prime\s+ministers|defen[cs]e\s+ministers|"
                     rf"foreign\s+ministers))\s+(?P<a>{_ONE})\s+and\s+(?P<b>{_ONE})\b")
"""A title in the plural before two full names ("defence ministers Ursula von der Leyen and
Raimundas Karoblis", "Presidents Vladimir Putin and Alexander Lukashenko")."""


def find_plural_titled(facts: SentenceFacts, index: PostsIndex) -> list[Titled]:
    """Each known person a plural title names. The states the title gives ("German and
    Lithuanian defence ministers") are not paired with the names: each person is checked for
    the office of any state, which supports and never refutes."""
    out: list[Titled] = []
    for m in _PLURAL.finditer(facts.text):
        office = _PLURAL_OFFICES[re.sub(r"\s+", " ", m.group("title").lower())]
        for g in ("a", "b"):
            who = index.names.get(_tokens(m.group(g)))
            if not who or len(who) != 1:
                continue
            start, end = m.start("title"), m.end(g)
            out.append(Titled(
                span=Span(start=facts.start + start, end=facts.start + end,
                          text=facts.text[start:end]),
                person=next(iter(who)), office=office, actors=(), bodies=(), former=False,
                title=m.group("title")))
    return out


_ROLE = re.compile(rf"{_DEPUTY}\b(?:{_TITLES})(?P<of>\s+(?:of|for)\s+.{{0,60}})?", re.I)


def holders(index: PostsIndex, role: str, actors: tuple[str, ...], day: dt.date) -> list[Post]:
    """The people who held the office a speaker's role names ("Belarus's defence minister",
    "the Russian president") on ``day``: one per actor the role is given, none when the role
    names no single-holder office or no state.

    >>> from eastflank.catalog import load_catalog
    >>> holders(posts_index(load_catalog()), "the defence minister", (), dt.date(2024, 1, 1))
    []
    """
    from eastflank.schema import SINGLE_HOLDER_OFFICES

    m = _ROLE.search(role)
    if m is None or not actors:
        return []
    office = _office(m)
    if office is None or office not in SINGLE_HOLDER_OFFICES or office == "commander":
        return []
    return [p for posts in index.by_person.values() for p in posts
            if p.office == office and p.actor in actors and p.valid_on(day)]
