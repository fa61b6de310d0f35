"""Statements attributed to named people and institutions.

Recognised shapes (quotes straight or curly):

* ``"...," says Dr. Elena Covaliu, a senior analyst at the Institute for the Study of War``
* ``Dr. Elena Covaliu of the Institute for the Study of War (ISW) said ...``
* ``according to Kyrylo Budanov, the chief of ...``
* ``..., Nikolai Sokov, a senior researcher at the Vienna Center ..., says``
"""

from __future__ import annotations

import re

from eastflank.claims.model import Attribution, Span

__all__ = ["find_attributions"]

_TITLE = r"(?:(?:Dr|Prof|Mr|Mrs|Ms|Gen|Col|Lt|Maj|Adm|Sen|Rep)\.?\s+)?"
_NAME = rf"(?P<person>{_TITLE}[A-Z][a-zà-ž'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-zà-ž'’-]+){{1,2}})"
_VERB = r"(?:says|said|told|stated|wrote|noted|argued|warned|explained|added|claims|claimed)"
_INST = (
    r"(?P<institution>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of|for|the|and|on|&|[A-Z][\w'’.-]*))*"
    r"(?:\s+\([A-Z]{2,8}\))?)"
)
_ROLE = r"(?P<role>(?:(?:a|an|the)\s+)?[a-z][a-z -]{2,60}?)"

_PATTERNS = [
    re.compile(rf"\b{_VERB}\s+{_NAME}(?:,\s+{_ROLE}\s+(?:at|of|with|from|in)\s+{_INST})?"),
    re.compile(rf"{_NAME},\s+{_ROLE}\s+(?:at|of|with|from)\s+{_INST},?\s+{_VERB}\b"),
    re.compile(rf"{_NAME}\s+(?:of|from|at)\s+{_INST},?\s+{_VERB}\b"),
    re.compile(rf"\b[Aa]ccording\s+to\s+{_NAME}(?:,\s+{_ROLE}\s+(?:at|of|with|from)\s+{_INST})?"),
    re.compile(rf"{_NAME},?\s+{_VERB}\b"),
]
_SURNAME = re.compile(
    r"(?:^|(?<=[,;:(]\s)|(?<=\band\s)|(?<=\bbut\s))"
    r"(?P<person>[A-Z][a-zà-ž'’-]{3,})\s+(?:(?:later|also|then|once|has|had|again)\s+)?"
    r"(?:says|said|told|stated|declared|announced|warned|claimed)\b")
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
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            person = m.group("person")
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
    for m in _SURNAME.finditer(text):
        person = m.group("person")
        if _NOT_SURNAME.search(person) or any(
                a.span.start - offset <= m.start() < a.span.end - offset for a in out):
            continue
        out.append(Attribution(person=person, span=Span(start=offset + m.start(),
                                                        end=offset + m.end(),
                                                        text=m.group(0))))
    return sorted(out, key=lambda a: a.span.start)
