"""Statements attributed to named people and institutions.

Recognised shapes (quotes straight or curly):

* ``"...," says Dr. Elena Covaliu, a senior analyst at the Institute for the Study of War``
* ``Dr. Elena Covaliu of the Institute for the Study of War (ISW) said ...``
* ``according to Kyrylo Budanov, the chief of ...``
* ``..., Nikolai Sokov, a senior researcher at the Vienna Center ..., says``
* ``Belarusian Defence Minister Viktor Khrenin said ...``, ``Lukashenko told reporters ...``
* ``Lukashenko, in power in Belarus since 1994, said in October that ...``
* ``the Kremlin said on June 24``, ``the Belarusian Defense Ministry has said``,
  ``Moscow's military commanders insist that ...`` (an institution or body speaking)
* ``According to the president, ...``

An attribution's ``span`` covers the speaker's phrase and what was said in the same sentence
(the clause after "said (that)", or the quotation before ", X said"); ``speaker`` is the
speaker's phrase alone. The content is also detected under its own kind
(:mod:`eastflank.claims.detect`): "Lukashenko said the fence is 502 km long" is an attribution
and a length.
"""

from __future__ import annotations

import re

from eastflank.claims.model import Attribution, Span

__all__ = ["ROLE_SPEAKER", "find_attributions", "pronoun_speakers"]

_TITLE = r"(?:(?:Dr|Prof|Mr|Mrs|Ms|Gen|Col|Lt|Maj|Adm|Sen|Rep)\.?\s+)?"
_NAME = rf"(?P<person>{_TITLE}[A-Z][a-zà-ž'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-zà-ž'’-]+){{1,4}})"
"""A person's name, with the title before it ("Lithuanian Defense Minister Raimundas
Karoblis"): up to five capitalised words."""
_VERB = (r"(?:says|said|told|stated|wrote|noted|argued|warned|explained|added|claims|claimed|"
         r"announced|declared|confirmed|stressed|insisted|threatened|vowed|pledged|promised|"
         r"admitted|boasted|clarified|assured|indicated|urged|accused|emphasi[sz]ed|"
         r"condemned|denounced|critici[sz]ed|pointed\s+out)")
_AUX = r"(?:(?:has|had)\s+(?:also\s+|previously\s+|repeatedly\s+|already\s+|since\s+)?)?"
"""An auxiliary before the verb of saying ("has said", "had also warned")."""
_INST = (
    r"(?P<institution>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of|for|the|and|on|&|[A-Z][\w'’.-]*))*"
    r"(?:\s+\([A-Z]{2,8}\))?)"
)
_ROLE = r"(?P<role>(?:(?:a|an|the)\s+)?[a-z][a-z -]{2,60}?)"

_PATTERNS = [
    re.compile(rf"\b{_VERB}\s+{_NAME}(?:,\s+{_ROLE}\s+(?:at|of|with|from|in)\s+{_INST})?"),
    re.compile(rf"{_NAME},\s+{_ROLE}\s+(?:at|of|with|from)\s+{_INST},?\s+{_AUX}{_VERB}\b"),
    re.compile(rf"{_NAME}\s+(?:of|from|at)\s+{_INST},?\s+{_VERB}\b"),
    re.compile(rf"\b[Aa]ccording\s+to\s+{_NAME}(?:,\s+{_ROLE}\s+(?:at|of|with|from)\s+{_INST})?"),
    re.compile(rf"{_NAME},?\s+{_AUX}{_VERB}\b"),
    # "claims from Belarusian President Alexander Lukashenko this week that ..."
    re.compile(rf"\b(?:claims?|comments?|remarks?|statements?|words|assurances?)\s+(?:from|by)"
               rf"\s+(?:[A-Z][\w'’-]+\s+){{0,3}}{_NAME}(?![\w'’-]|\s+[A-Z])"),
]
_QUOTED = re.compile(r"\bquoted\s+(?:(?:[A-Z][\w'’-]+|[a-z]+)\s+){0,6}?"
                     r"(?P<person>[A-Z][a-zà-ž'’-]{3,})\s+as\s+(?:saying|telling|stating)\b")
"""A speaker an agency quotes ("Belta quoted Lukashenko as saying"), by the surname alone."""
_SURNAME = re.compile(
    r"(?:^|(?<=[,;:(]\s)|(?<=[\"”’]\s)|(?<=\band\s)|(?<=\bbut\s)|(?<=\bAs\s)|(?<=\bas\s))"
    r"(?:(?P<person>[A-Z][a-zà-ž'’-]{3,})\s+(?:(?:later|also|then|once|has|had|again)\s+)?"
    r"(?:says|said|told|stated|declared|announced|warned|claimed|added|insisted|argued|"
    r"assured|noted|stressed|explained|emphasi[sz]ed|indicated|confirmed|admitted|promised|"
    r"vowed|threatened|urged|pointed\s+out)\b"
    r"|(?<=[,\"”’]\s)(?:says|said|added|told|warned)\s+(?P<after>[A-Z][a-zà-ž'’-]{3,})\b"
    r"(?!\s+[A-Z]))")
"""A speaker named by the surname alone ("Putin later said that ..."), at the start of a
clause: the statement is checked against the recorded statements of that person."""
_NOT_SURNAME = re.compile(
    r"^(?:The|This|That|These|Those|Then|There|Here|Moscow|Minsk|Kyiv|Kiev|Warsaw|Vilnius|Riga|"
    r"Tallinn|Berlin|Paris|London|Washington|Beijing|Brussels|NATO|Russia|Belarus|Ukraine|"
    r"Poland|Lithuania|Latvia|Estonia|Germany|France|Britain|China|America|Europe|Kremlin|"
    r"Pentagon|Reuters|Interfax|Tass|Belta|Officials?|Analysts?|Experts?|Sources?|Observers?|"
    r"Ministry|Police|Army|Media|Authorities|Residents?|Some|Many|Others?|Both|Each|Which|"
    r"What|When|While|After|Before|Later|Also|Earlier|Previously|However|Meanwhile)$")
_NOT_PEOPLE = re.compile(
    r"^(?:The|This|That|These|Those|It|He|She|They|We|Moscow|Minsk|Kyiv|Warsaw|Vilnius|NATO|"
    r"Russia|Belarus|Ukraine|Poland|Lithuania|Latvia|Putin|Lukashenko|Lukashenka)\b"
    r"|\b(?:Service|Ministry|Agency|Office|Directorate|Institute|Council|Forces|Command|"
    r"Staff|Department|Committee|Government|Kremlin|Army|Guard)$"
)


_SAY = (r"(?:says|said|told|tells|stated|states|wrote|noted|argued|warned|explained|added|"
        r"threatened|vowed|pledged|promised|admitted|"
        r"claims|claimed|insist(?:s|ed)?|reported|announced|confirmed|stressed|emphasi[sz]ed|"
        r"shared|declared|believes?|assert(?:s|ed)|estimat(?:es?|ed)|assess(?:es|ed)?|"
        r"clarified|assured|indicated|urged|pointed\s+out)")
_APPOSITIVE = re.compile(
    rf"(?:^|(?<=[,;:(]\s)|(?<=\band\s)|(?<=\bbut\s))(?P<person>{_TITLE}[A-Z][a-zà-ž'’-]{{2,}}"
    rf"(?:\s+[A-Z][a-zà-ž'’-]+){{0,3}}),\s+(?P<role>[^,\"“”]{{3,90}}),\s+"
    rf"(?:(?:has|had|also|later|then)\s+)?{_SAY}\b")
"""A speaker with an appositive between name and verb ("Lukashenko, in power in Belarus since
1994, said")."""
_AGENCY = (r"(?:Interfax|TASS|Tass|RIA(?:\s+Novosti)?|BelTA|Belta|Reuters|Ukrinform|ERR|LRT|"
           r"PAP|Sputnik|Xinhua|AFP|Bloomberg|Anadolu|Yonhap)")
"""A news agency that reports ("Interfax reported that ..."): the report is attributed to it."""
_BODY = re.compile(
    rf"(?P<institution>\b(?:[Tt]he\s+)?(?:[A-Z][\w'’.-]*\s+){{0,4}}(?:(?:[Dd]efen[cs]e|[Ff]oreign|"
    rf"[Ii]nterior|[Ee]mergencies|[Ee]conomy|[Ff]inance)\s+)?"
    rf"(?:[Mm]inistry|Kremlin|[Gg]overnment|Pentagon|[Oo]ffice|[Pp]ress\s+service|"
    rf"General\s+Staff|[Cc]ommand(?:ers?)?|[Oo]fficials?|[Ss]pokes(?:man|woman|person)|"
    rf"[Ss]tatement|[Aa]uthorities|[Aa]gency|[Ss]ervice|[Aa]nalysts?|[Ee]xperts?|[Ss]ources|"
    rf"[Ii]ntelligence|[Mm]edia|[Oo]bservers?|[Bb]roadcaster|[Nn]ewspaper|[Oo]utlet|[Pp]ortal|"
    rf"{_AGENCY})(?:\s+(?:of|for)\s+[A-Z][\w'’-]*"
    rf"(?:\s+[A-Z][\w'’-]*){{0,3}})?(?:\s+[A-Z]{{2,}})?)\s+(?:(?:has|have|had|also|later)\s+)?"
    rf"{_SAY}\b")
"""An institution or body speaking ("the Kremlin said", "the Belarusian Defense Ministry has
said", "military commanders insist")."""
_ACCORDING = re.compile(
    r"\b[Aa]ccording\s+to\s+(?P<institution>(?:(?:the|a|an|its|their|his|her)\s+)?"
    r"(?:[A-Z][\w'’-]+\s+){0,2}[a-z][\w'’ -]{2,50}?|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,4})"
    r"(?=\s*[,.;])")
"""A source named after "according to" ("According to the president, ..."), not a person's
name (those are taken by the patterns with a role)."""
_NOT_SOURCE = re.compile(r"^(?:which|whom|what|this|that|these|plan|plans|schedule)\b", re.I)


def _content(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where what the speaker at ``text[start:end]`` said lies in the sentence: the clause
    after the verb ("said (that) ..."), or the part before the speaker ('"...," X said'), or
    after the comma that closes "According to X,"."""
    head = text[:start]
    clause = max(head.rfind(";"), head.rfind(":")) + 1
    stripped = head.rstrip(" ,;:—–-\"”’'")
    first = clause + len(head[clause:]) - len(head[clause:].lstrip(" \"“‘'"))
    head_ok = len(re.findall(r"\w+", stripped[first:])) >= 3
    if head_ok and re.search(r"[,\"”’'—–]\s*$", head):
        return first, len(stripped)  # '"...," X said (on Friday)'
    lead = _LEAD.match(text, end)
    a0 = lead.end() if lead else end
    tail = text[a0:].rstrip(" .;\"”’'")
    if len(re.findall(r"\w+", tail)) >= 3:
        return a0, a0 + len(tail)
    if head_ok:
        return first, len(stripped)
    return None


_LEAD = re.compile(r"[\s,:]*(?:(?:reporters|journalists|the\s+(?:press|media|parliament))\s+)?"
                   r"(?:that\s+)?")
_TITLE_BEFORE = re.compile(r"(?:\b[A-Z][\w'’-]+\s+){1,4}(?:(?:spokes(?:man|woman|person)|"
                           r"chief|head|commander|minister|adviser|envoy|leader)\s+)?$")
"""Capitalised words just before a named speaker: the title ("Belarusian Defence Minister")."""


def _with_content(a: Attribution, text: str, offset: int) -> Attribution:
    s, e = a.span.start - offset, a.span.end - offset
    title = _TITLE_BEFORE.search(text[:s]) if a.person and a.span.text.startswith(
        a.person) else None
    if title is not None and not re.match(r"(?:The|A|An|But|And|In|On|At)\s*$",
                                          title.group(0).strip()):
        s = title.start()
        a = a.model_copy(update={"span": Span(start=offset + s, end=offset + e,
                                              text=text[s:e])})
    found = _content(text, s, e)
    if found is None:
        return a
    lo, hi = min(s, found[0]), max(e, found[1])
    return a.model_copy(update={
        "span": Span(start=offset + lo, end=offset + hi, text=text[lo:hi]),
        "speaker": a.span})


_PRONOUN = re.compile(
    r"(?:^|(?<=[,;:]\s)|(?<=[\"”’]\s)|(?<=\band\s)|(?<=\bbut\s))(?P<pron>[Hh]e|[Ss]he)\s+"
    r"(?:(?:also|later|then|again|further)\s+)?(?:says|said|added|noted|told|stated|warned|"
    r"stressed|declared|announced|insisted|argued|explained|emphasi[sz]ed|pointed\s+out)\b")
"""A speaker named by a pronoun ("He said", "she added"): the last person named as a speaker
in the paragraph before it."""

_ROLE = (r"(?:president|prime\s+minister|minister|defen[cs]e\s+minister|foreign\s+minister|"
         r"spokes(?:man|woman|person)|chancellor|commander|general|chief|leader|head\s+of\s+state)")
_NATION_WORD = (r"(?:Russian|Belarusian|Ukrainian|Polish|Lithuanian|Latvian|Estonian|German|"
                r"American|U\.?S\.?|British|French|Finnish|Kremlin)")
ROLE_SPEAKER = re.compile(rf"^(?:(?:the\s+)?(?:{_NATION_WORD}\s+)?{_ROLE}|him|her)$", re.I)
"""A speaker named by a role or a pronoun alone ("according to the president", "according to
him"): the last person named as a speaker in the sentences before it."""


_ROLE_SAYS = re.compile(
    rf"(?:^|(?<=[,;:]\s)|(?<=\bAs\s)|(?<=\bas\s))(?P<institution>[Tt]he\s+(?:{_NATION_WORD}\s+)?"
    rf"(?i:{_ROLE}))\s+(?:(?:has|had|also|then|later)\s+)?(?:said|says|pointed\s+out|noted|"
    rf"stressed|added|told|stated|warned|emphasi[sz]ed|announced)\b")
"""A speaker named by a role alone before the verb ("As the Russian leader pointed out", "the
president said"): resolved, like "according to the president", to the last person named as a
speaker in the sentences before (:mod:`eastflank.claims.extract`)."""


def pronoun_speakers(text: str, offset: int, named: str | None) -> list[Attribution]:
    """Attributions to a pronoun speaker ("He said ...") in ``text``, given to ``named``, the
    last person named as a speaker before; none when no one was."""
    if not named:
        return []
    out: list[Attribution] = []
    for m in _PRONOUN.finditer(text):
        span = Span(start=offset + m.start(), end=offset + m.end(), text=m.group(0))
        out.append(_with_content(Attribution(person=named, role=m.group("pron").lower(),
                                             span=span), text, offset))
    return out


_OPENER = re.compile(r"(?:But|And|Yet|So|However|Meanwhile|Earlier|Later|Then|Now|Also|Still|"
                     r"Instead|Indeed|Moreover|As)\s+(?=[A-Z])")
"""A word that opens a sentence before the speaker's name, not part of it."""
_CLAUSE_VERB = re.compile(r"\s+(?:has|have|had|is|are|was|were|will|would|could|can|should|"
                          r"must|may|might|does|did)\b")
"""A verb right after the name that follows "said": the name is the subject of what was said,
not the speaker."""


def find_attributions(text: str, offset: int = 0) -> list[Attribution]:
    """Statements attributed to a named person (with role and institution when given).

    Ministries and capitals speaking ("Moscow said") are not attributions to check. A person
    named by the surname alone ("Putin later said") is one: the resolver looks for a recorded
    statement of that person.

    Examples
    --------
    >>> a = find_attributions('"It is over," says Dr. Elena Covaliu, a senior analyst at '
    ...                       'the Institute for the Study of War (ISW).')[0]
    >>> (a.person, a.institution)
    ('Dr. Elena Covaliu', 'the Institute for the Study of War (ISW)')
    """
    out: list[Attribution] = []
    for index, pattern in enumerate(_PATTERNS):
        for m in pattern.finditer(text):
            person = m.group("person")
            opener = _OPENER.match(person)
            if opener is not None:
                person = person[opener.end():]  # "But President Lukashenko assured"
            if index == 0 and _CLAUSE_VERB.match(text, m.end()):
                continue  # "said Russian Federation has every right": the clause's subject
            if _NOT_PEOPLE.search(person) or any(
                a.span.start - offset <= m.start() < a.span.end - offset for a in out
            ):
                continue
            groups = m.groupdict()
            inst = groups.get("institution")
            role = groups.get("role")
            out.append(
                Attribution(
                    person=person,
                    role=role.strip() if role else None,
                    institution=inst.strip().rstrip(".,") if inst else None,
                    span=Span(start=offset + m.start(), end=offset + m.end(), text=m.group(0)),
                )
            )
    for m in _QUOTED.finditer(text):
        if _NOT_SURNAME.search(m.group("person")) or any(
                a.span.start - offset <= m.start() < a.span.end - offset for a in out):
            continue
        out.append(Attribution(person=m.group("person"), span=Span(
            start=offset + m.start(), end=offset + m.end(), text=m.group(0))))
    for m in _SURNAME.finditer(text):
        person = m.group("person") or m.group("after")
        if _NOT_SURNAME.search(person) or any(
                a.span.start - offset <= m.start() < a.span.end - offset for a in out):
            continue
        out.append(Attribution(person=person, span=Span(start=offset + m.start(),
                                                        end=offset + m.end(),
                                                        text=m.group(0))))

    def taken(m: re.Match[str]) -> bool:
        return any(a.span.start - offset < m.end() and m.start() < a.span.end - offset
                   for a in out)

    for m in _APPOSITIVE.finditer(text):
        person = m.group("person")
        if (_NOT_SURNAME.search(person.split()[0]) and len(person.split()) == 1) or taken(m):
            continue
        out.append(Attribution(person=person, role=m.group("role").strip(),
                               span=Span(start=offset + m.start(), end=offset + m.end(),
                                         text=m.group(0))))
    for pattern in (_BODY, _ACCORDING, _ROLE_SAYS):
        for m in pattern.finditer(text):
            inst = m.group("institution").strip()
            if _NOT_SOURCE.search(re.sub(r"^(?:the|a|an|its|their|his|her)\s+", "", inst))\
                    or taken(m):
                continue
            out.append(Attribution(person=None, institution=inst,
                                   span=Span(start=offset + m.start(), end=offset + m.end(),
                                             text=m.group(0))))
    return sorted((_with_content(a, text, offset) for a in out), key=lambda a: a.span.start)
