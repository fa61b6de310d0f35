"""Attributed statements: does a public record other than the text report the statement?

An attribution is ``supported`` only by a recorded statement event of the dataset: its speaker
(the leading name of the event's name) is the quoted person, it is dated at the date the
sentence gives or within ``statement_days`` before the text's date, it shares enough of the
sentence's content words (``statement_words`` and ``statement_share``), and it does not turn
the other way (a negation on one side only: "no threat" is not "a grave threat"). That a person
writes sources of the dataset, or that an institution publishes them, shows the speaker is
known, not that the statement was made: such an attribution stays ``unverifiable`` with those
sources shown.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
from rapidfuzz import fuzz, process

from eastflank.claims.detect import Candidate
from eastflank.claims.model import Attribution, Evidence
from eastflank.claims.resolvers.base import (
    Context,
    Outcome,
    evidence_of,
    keywords,
    reference_date,
    unverifiable,
    usable,
)
from eastflank.claims.resolvers.events import (
    conflicting_counts,
    dates_agree,
    same_polarity,
    speaker_of,
    spelling,
    swapped_in_list,
    unsaid_numbers,
)
from eastflank.claims.text import fold
from eastflank.schema import Event

__all__ = ["TITLE_WORDS", "resolve_attribution", "speaker_names", "speaker_parts"]

_TITLES = re.compile(r"^(?:Dr|Prof|Mr|Mrs|Ms|Gen|Col|Lt|Maj|Adm|Sen|Rep|Minister)\.?\s+")


def _acronym(inst: str) -> str | None:
    m = re.search(r"\(([A-Z]{2,8})\)", inst)
    return m.group(1) if m else None


_FOLDED: dict[int, tuple[object, list[tuple[str, str, str, str, str, str]]]] = {}


def _folded_sources(ctx: Context) -> list[tuple[str, str, str, str, str, str]]:
    """(id, title, author, folded author, folded publisher line, publisher line) of the
    sources other than the seeds, folded once per catalog. The publisher line is the
    publisher and the author: a source that only names an institution in its title is not
    one the institution published."""
    hit = _FOLDED.get(id(ctx.catalog))
    if hit is not None and hit[0] is ctx.catalog:
        return hit[1]
    rows = []
    for s in ctx.catalog.sources.values():
        if s.id in ctx.seed_sources:
            continue
        pub = " ".join(x for x in (s.publisher, s.author) if x)
        rows.append((s.id, s.title, s.author or "", fold(s.author or ""), fold(pub), pub))
    _FOLDED[id(ctx.catalog)] = (ctx.catalog, rows)
    return rows


_SPEECH = frozenset({"said", "says", "state", "stat", "told", "tell", "anno", "noted", "warn",
                     "spea", "spok", "decl", "clai", "comm", "acco"})
"""Stems of verbs of saying: they say that a statement was made, not what it was."""


TITLE_WORDS = frozenset({
    "minister", "ministry", "president", "prime", "commander", "chief", "head", "spokesman",
    "spokeswoman", "spokesperson", "secretary", "general", "colonel", "lieutenant", "major",
    "admiral", "deputy", "director", "chairman", "speaker", "defence", "defense", "national",
    "foreign", "interior", "affairs", "state", "lithuanian", "belarusian", "russian", "polish",
    "latvian", "ukrainian", "german", "american", "estonian", "of", "the", "and", "for",
    "statement", "ministry's", "service", "agency", "news"})
"""Words of a parsed speaker that are titles or descriptions, not a name."""


def speaker_names(person: str, institution: str) -> list[str]:
    """Names a speaker may be looked up by, best first: the last word of the person's name,
    then the last name-like word of the institution ("Minister of National Defence Raimundas
    Karoblis": Karoblis), then the institution's own last word for a body ("the ministry").

    >>> speaker_names("Lithuanian Minister", "National Defence Raimundas Karoblis")
    ['karoblis', 'minister']
    >>> speaker_names("Ingrida Simonyte", "")
    ['simonyte']
    """
    out: list[str] = []
    for text in (person, institution):
        # a name in brackets after a title: "Commander of the Russian AF (Colonel General
        # Bondarev)"
        bracket = re.findall(r"\(([^()]*)\)", text)
        for t in (*bracket, re.sub(r"\([^()]*\)", " ", text)):
            names = [w for w in spelling(fold(t)).split() if w not in TITLE_WORDS
                     and len(w) >= 3 and w.isalpha()]
            if names:
                out.append(names[-1])
    for text in (person, institution):
        words = [w for w in spelling(fold(re.sub(r"\([^()]*\)", " ", text))).split()
                 if w.isalpha() and len(w) >= 3]
        if words and words[-1] not in out and words[-1] in TITLE_WORDS:
            out.append(words[-1])
    return list(dict.fromkeys(out))


_ALIAS_SURNAMES: dict[int, tuple[object, dict[str, frozenset[str]]]] = {}


def _spelt_in_posts(ctx: Context, names: list[str]) -> list[str]:
    """The surnames the posts give, as the holder's name, to people the sentence names by
    another spelling of theirs (a post's aliases: "Siamashka" for "Semashko")."""
    hit = _ALIAS_SURNAMES.get(id(ctx.catalog))
    if hit is None or hit[0] is not ctx.catalog:
        table: dict[str, set[str]] = {}
        for post in ctx.catalog.records.get("posts", {}).values():
            own = spelling(fold(post.person)).split()[-1]
            for alias in getattr(post, "aliases", None) or []:
                other = spelling(fold(alias)).split()[-1] if alias.strip() else own
                if other != own:
                    table.setdefault(other, set()).add(own)
        hit = (ctx.catalog, {k: frozenset(v) for k, v in table.items()})
        _ALIAS_SURNAMES[id(ctx.catalog)] = hit
    return sorted({own for n in names for own in hit[1].get(n, ()) if own not in names})


def recorded_statement(cand: Candidate, ctx: Context, person: str,
                       institution: str = "") -> Outcome | None:
    """A recorded statement event of the speaker that the sentence reports: a name of the
    speaker (:func:`speaker_names`) in the speaker of the event's name (:func:`speaker_of`),
    the event dated at a date the sentence gives or within ``statement_days`` before the
    claim's date, at least ``statement_words`` shared content words making at least
    ``statement_share`` of the sentence's, and a negation on both sides or on neither.
    Support only."""
    said = {_NATION_OF.get(w, w) for w in fold(f"{person} {institution}").replace("’", "'")
            .replace("'s", "").split()} & _NATIONS
    names = speaker_names(person, institution)
    for surname in names:
        # a body named by its title ("the Russian Defence Ministry") is that state's body
        need = said if surname in TITLE_WORDS else set()
        found = _recorded_statement(cand, ctx, surname, f"{person} {institution}", said, need)
        if found is not None:
            return found
    for surname in _spelt_in_posts(ctx, names):
        # "Uladzimir Siamashka", the Belarusian spelling the posts give of Vladimir Semashko
        found = _recorded_statement(cand, ctx, surname, f"{person} {institution}", said, set())
        if found is not None:
            return found
    if all(n in TITLE_WORDS for n in names):
        # a speaker named by office alone ("Belarus's defence minister said"): the person
        # who held it on the claim's date, by the posts
        return _by_office(cand, ctx, f"{person} {institution}", said)
    return None


_ACTOR_OF = {"belarusian": "BY", "russian": "RU", "ukrainian": "UA", "lithuanian": "LT",
             "polish": "PL", "latvian": "LV", "estonian": "EE", "german": "DE",
             "american": "US", "british": "GB", "french": "FR"}


def _by_office(cand: Candidate, ctx: Context, role: str, said: set[str]) -> Outcome | None:
    from eastflank.claims.posts import holders, posts_index

    day = reference_date(cand, ctx)
    actors = tuple(sorted({_ACTOR_OF[n] for n in said if n in _ACTOR_OF}))
    if day is None or len(actors) != 1:
        return None
    for post in holders(posts_index(ctx.catalog), role, actors, day):
        surname = spelling(fold(post.person)).split()[-1]
        found = _recorded_statement(cand, ctx, surname, f"{role} {post.person}", said, set())
        if found is not None:
            return Outcome(found.verdict, f"The speaker, {role.strip()}, was {post.person} "
                           f"on {day.isoformat()} by the posts. {found.explanation}",
                           evidence=[*found.evidence, evidence_of(
                               post, "posts", f"{post.title} ({post.actor}) from "
                               f"{post.valid_from.isoformat()}")],
                           tolerance=found.tolerance, strength=found.strength)
    return None


_NATIONS = frozenset({"belarusian", "russian", "ukrainian", "lithuanian", "polish", "latvian",
                      "estonian", "german", "american", "british", "french"})
_NATION_OF = {"belarus": "belarusian", "russia": "russian", "ukraine": "ukrainian",
              "lithuania": "lithuanian", "poland": "polish", "latvia": "latvian",
              "estonia": "estonian", "germany": "german"}
"""A state's name as its adjective: "Russia's defence ministry" is the Russian one."""


_DISTANCE = re.compile(r"\b[\d,.]+\s*(?:km|kilomet\w*|miles?)\b(?:\s*\([^()]*\))?", re.I)
"""A distance, most often the reporter's note of where a place lies, not what was said."""


def _name_words(speaker: str) -> tuple[str, ...]:
    """The words of six letters or more of a speaker's name, those a surname spelt otherwise
    is compared with."""
    return tuple(w for w in re.findall(r"[a-z]+", speaker) if len(w) >= 6)


def _spelt_otherwise(surname: str, words: tuple[str, ...], score: float) -> bool:
    """Whether a word of the speaker's name (``words``: :func:`_name_words`) is ``surname``
    spelt otherwise ("Ravenko" for "Revenko"): a long surname with the same first
    letter within ``attribution.spelling_score`` (rapidfuzz ratio)."""
    if len(surname) < 6:
        return False
    return any(w[0] == surname[0] and fuzz.ratio(w, surname) >= score for w in words)


_STATEMENTS: dict[int, tuple[object, tuple[Event, ...]]] = {}


def _statements(ctx: Context) -> tuple[Event, ...]:
    """The catalog's statement events, listed once per catalog."""
    hit = _STATEMENTS.get(id(ctx.catalog))
    if hit is None or hit[0] is not ctx.catalog:
        hit = (ctx.catalog, tuple(e for e in ctx.catalog.events.values()
                                  if e.kind == "statement"))
        _STATEMENTS[id(ctx.catalog)] = hit
    return hit[1]


_SPEAKERS: dict[tuple[int, frozenset[str]],
                tuple[object, list[tuple[Event, str, tuple[str, ...]]]]] = {}


def _speakers(ctx: Context) -> list[tuple[Event, str, tuple[str, ...]]]:
    """The catalog's usable statement events, each with its speaker and the words of six
    letters or more of the speaker's name (those :func:`_spelt_otherwise` compares), in
    catalog order: listed once per catalog."""
    key = (id(ctx.catalog), ctx.seed_sources)
    hit = _SPEAKERS.get(key)
    if hit is None or hit[0] is not ctx.catalog:
        if len(_SPEAKERS) > 16:
            _SPEAKERS.clear()
        rows = [(e, speaker, _name_words(speaker))
                for e in _statements(ctx) if usable(e, ctx) for speaker in (speaker_of(e),)]
        hit = (ctx.catalog, rows)
        _SPEAKERS[key] = hit
    return hit[1]


_SPOKEN_BY: dict[tuple[int, frozenset[str], str, float],
                 tuple[object, list[tuple[Event, str]]]] = {}


def _spoken_by(ctx: Context, surname: str, score: float) -> list[tuple[Event, str]]:
    """The catalog's usable statement events whose speaker has the word ``surname``, or a
    word that is ``surname`` spelt otherwise (:func:`_spelt_otherwise`), each with its
    speaker, in catalog order: kept per catalog and surname."""
    key = (id(ctx.catalog), ctx.seed_sources, surname, score)
    hit = _SPOKEN_BY.get(key)
    if hit is None or hit[0] is not ctx.catalog:
        if len(_SPOKEN_BY) > 4096:
            _SPOKEN_BY.clear()
        named = re.compile(rf"\b{re.escape(surname)}\b")
        found = [(e, speaker) for e, speaker, words in _speakers(ctx)
                 if named.search(speaker) or _spelt_otherwise(surname, words, score)]
        hit = (ctx.catalog, found)
        _SPOKEN_BY[key] = hit
    return hit[1]


def _recorded_statement(cand: Candidate, ctx: Context, surname: str, person: str,
                        said: set[str], need: set[str]) -> Outcome | None:
    if len(surname) < 3:
        return None
    tol = ctx.tolerances.attribution
    day = reference_date(cand, ctx)
    # a date after the text's own is what was said of the future ("full capability in
    # 2027"), not when it was said
    # and a bare year far from the speaker dates what was said of ("violates a 2002
    # agreement"), not the saying
    speakers = [a.speaker for a in cand.facts.attributions
                if a.speaker is not None and a.span.start == cand.span.start]
    # a date resolved from the text's own ("on Sunday", "in May") only beside the speaker
    # ("Tusk said in May"), where it dates the saying
    dates = [d for d in cand.facts.dates
             if (day is None or d.date <= day)
             and (not d.relative or (d.precision != "year" and speakers))
             and ((d.precision != "year" and not d.relative) or not speakers or any(
                 d.span.start - 12 <= sp.end and sp.start <= d.span.end + 12
                 for sp in speakers))]
    if not dates and ctx.article_date is not None:
        day = ctx.article_date  # (said when the text says it was: at the text's date)
    # the speaker's own name and title ("the Russian Defence Ministry") say who spoke, not
    # what was said
    words = keywords(cand.facts.text) - _SPEECH - keywords(person)
    # a speaker named by a pronoun ("he said") was named in the sentence before, which may
    # say what the quote is about
    by_pronoun = any(a.role in ("he", "she") for a in cand.facts.attributions
                     if a.span.start == cand.span.start)
    if cand.context and (
            (len(words) <= tol.statement_words
             and cand.context[-1].paragraph == cand.facts.paragraph)
            or (by_pronoun and cand.facts.paragraph - cand.context[-1].paragraph <= 1)):
        # too short to say what was said on its own ("the move is permanent"): what it
        # refers to is in the sentence before, in the same paragraph
        words |= keywords(cand.context[-1].text) - _SPEECH - keywords(person)
    window = dt.timedelta(days=tol.statement_days)
    best: tuple[int, Event] | None = None
    for e, speaker in _spoken_by(ctx, surname, tol.spelling_score):
        nations = {_NATION_OF.get(w, w) for w in speaker.replace("’", "'").replace("'s", "")
                   .split()} & _NATIONS
        if (said and nations and not nations & said) or not need <= nations:
            continue  # the Belarusian ministry is not the Russian one
        if dates:
            if not any(dates_agree(d, e, ctx.tolerances.event_date.days) for d in dates):
                continue
        elif day is None or not day - window <= e.date <= day + dt.timedelta(days=1):
            continue
        if not same_polarity(cand.facts.text, e):
            continue
        spoken = _DISTANCE.sub(" ", cand.facts.text)
        if unsaid_numbers(spoken, e) or conflicting_counts(spoken, e):
            continue  # "300,000 troops" is not the 100,000 the speaker gave, nor "ten
            # battalion tactical groups" the five
        if swapped_in_list(cand, e, ctx):
            continue  # "Lithuania and Latvia" where the speaker spoke of Lithuania and
            # Poland
        shared = len(keywords(f"{e.name} {e.summary}") & words)
        if shared < tol.statement_words or shared < tol.statement_share * min(
                len(words), tol.statement_share_of):
            continue
        if not (keywords(e.name) - keywords(speaker)) & words and shared < 0.25 * len(words):
            continue  # a few words of the summary only: another thing said that day
        if best is None or shared > best[0]:
            best = (shared, e)
    if best is None:
        return None
    e = best[1]
    return Outcome("supported",
                   f"The dataset records {e.name} ({e.date.isoformat()}), sharing "
                   f"{best[0]} of the sentence's {len(words)} content words; the wording "
                   "itself is not checked.",
                   evidence=[evidence_of(e, "events", f"{e.name} ({e.date.isoformat()})")],
                   tolerance={"statement_days": tol.statement_days,
                              "statement_words": tol.statement_words,
                              "statement_share": tol.statement_share},
                   strength=0.8)


def speaker_parts(a: Attribution, full: str, end: int) -> tuple[str, str]:
    """The person (titles stripped) and the institution an attribution names, with a name in
    brackets after the speaker ("said Commander of the Russian AF (Colonel General
    Bondarev)") joined to the institution, as the statement lookup takes them."""
    person = _TITLES.sub("", a.person or "")
    inst = re.sub(r"^the\s+", "", a.institution or "", flags=re.I)
    inst_name = re.sub(r"\s*\([^)]*\)", "", inst).strip()
    after = full[a.speaker.end:end] if a.speaker is not None else ""
    named_after = re.match(r"[^.;()]{0,60}?\(([^()]{3,60})\)", after)
    return person, " ".join(x for x in (inst_name, f"({named_after.group(1)})"
                                        if named_after else "") if x)


_SCORES: dict[tuple[int, str, int, float], tuple[object, np.ndarray]] = {}


def _scores(ctx: Context, name: str, column: int, threshold: float) -> np.ndarray:
    """How well ``name`` matches each source's author (``column`` 3, rapidfuzz
    token_set_ratio) or publisher (``column`` 4, partial_ratio), every source scored at once
    in C by ``cdist``; kept per catalog and name, as a text names the same people often."""
    key = (id(ctx.catalog), name, column, threshold)
    hit = _SCORES.get(key)
    if hit is None or hit[0] is not ctx.catalog:
        if len(_SCORES) > 1024:
            _SCORES.clear()
        scorer = fuzz.token_set_ratio if column == 3 else fuzz.partial_ratio
        rows = _folded_sources(ctx)
        hit = (ctx.catalog, process.cdist([name], [r[column] for r in rows], scorer=scorer,
                                          score_cutoff=threshold)[0])
        _SCORES[key] = hit
    return hit[1]


def resolve_attribution(cand: Candidate, ctx: Context) -> Outcome:
    """Say whether the dataset's sources know the quoted person and institution."""
    attrs = [a for a in cand.facts.attributions if a.span.start == cand.span.start]
    if not attrs:
        return unverifiable("No attributed statement found.")
    a = attrs[0]
    person = _TITLES.sub("", a.person or "")
    threshold = ctx.tolerances.attribution.name_score
    tolerance = {"name_score": threshold}
    # "said Commander of the Russian AF (Colonel General Bondarev)": the name follows
    stated = recorded_statement(cand, ctx, *speaker_parts(a, cand.facts.full, cand.facts.end))
    if stated is not None:
        return stated
    # otherwise the sources by the person or from the institution are shown: known to the
    # dataset, which is not that this was said
    by_person: list[Evidence] = []
    by_inst: list[Evidence] = []
    inst = re.sub(r"^the\s+", "", a.institution or "", flags=re.I)
    inst_name = re.sub(r"\s*\([^)]*\)", "", inst).strip()
    acronym = _acronym(inst)
    f_person = fold(person) if person else ""
    f_inst = fold(inst_name) if inst_name else ""
    rows = _folded_sources(ctx)
    by_acronym = re.compile(rf"\b{acronym}\b") if acronym else None
    person_ok = _scores(ctx, f_person, 3, threshold) if f_person and rows else None
    inst_ok = _scores(ctx, f_inst, 4, threshold) if f_inst and rows else None
    # (the rows either score picks out, and those whose publisher has the acronym)
    picked = set(np.flatnonzero(person_ok >= threshold).tolist()
                 if person_ok is not None else ())
    if inst_ok is not None:
        picked.update(np.flatnonzero(inst_ok >= threshold).tolist())
        if by_acronym is not None:
            picked.update(i for i, r in enumerate(rows) if by_acronym.search(r[5]))
    for i in sorted(picked):
        sid, title, author, f_author, _f_pub, pub = rows[i]
        if person_ok is not None and f_author and person_ok[i] >= threshold:
            by_person.append(Evidence(record=sid, kind="sources", name=title,
                                      detail=f"source by {author}", sources=[sid]))
        if inst_ok is not None and (inst_ok[i] >= threshold
                                    or (by_acronym and by_acronym.search(pub))):
            src = ctx.catalog.sources[sid]
            by_inst.append(Evidence(record=sid, kind="sources", name=title,
                                    detail=f"source from {src.publisher or src.author}",
                                    sources=[sid]))
    known = ""
    if by_person:
        known = (f" {person} is an author of {len(by_person)} source(s) of the dataset, which "
                 "shows the person is known, not that this was said.")
    inst_note = ""
    if inst_name:
        inst_note = (f" The institution ({inst_name}) publishes {len(by_inst)} source(s) of "
                     f"the dataset." if by_inst else
                     f" The institution ({inst_name}) is not among the dataset's sources.")
    return unverifiable(f"No recorded statement of {person or 'the speaker'} matches the "
                        f"sentence, so the attribution cannot be verified.{known}{inst_note}",
                        evidence=(by_person + by_inst)[:5], tolerance=tolerance)
