"""Towns of the article's area, typed whole and everywhere (the steps of ``toponyms.find_local_places``
that need the article's context: its places' divisions and the site's coverage area).

The small model reads a local town as part of a person ('Lonsdale' of 'Kirkby Lonsdale'), a
route as one organisation ('Lancaster to Oxenholme') and tags a town in one sentence but not
the next. Each step asks the gazetteer whether the name is a town plausible for the article
(``toponyms._plausible``: notable, or in the article's divisions or the coverage area).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefing.entities.slugs import unique_slug
from briefing.geo.gazetteer import Candidate, gazetteer, normalize
from briefing.geo.toponyms import _PLACE_KINDS, _RETYPED, _claim, _longer_name, _plausible
from briefing.model import Entity, Mention


def _local_town(context: set) -> Callable[[Candidate], bool]:
    """A town or division by its main name, plausible for the article (``_plausible``)."""
    return lambda c: not c.alias and c.kind in ("city", "admin1") and _plausible(c, context)


def whole_towns(entities: list[Entity], taken: set[str], text: str, context: set) -> None:
    """Towns cut short ('Lonsdale') made whole, then routes read as one name split."""
    widen_to_local_names(entities, taken, text, context)
    split_routes(entities, taken, text, context)


def widen_to_local_names(entities: list[Entity], taken: set[str], text: str, context: set) -> None:
    """A person or organisation mention that is the tail or head of a town's name becomes the town.

    'Kirkby Lonsdale' read as a person 'Lonsdale': the model stopped short at a name it knows as a
    surname. When the capitalised words around the mention name a town plausible for the article
    (in its coverage area or where its other places are), the whole run is that town. The bare
    word is no town of the article (or it would be typed so), so nothing shorter is lost.
    """
    fits = _local_town(context)
    for e in [x for x in entities if x.type in _RETYPED and x.source != "glossary"]:
        for m in list(e.mentions):
            span = _longer_name(text, m, fits)
            if span is not None and m in e.mentions:
                _claim(entities, taken, span[0], span[1], text[span[0]:span[1]], text)


# 'Lancaster to Oxenholme', 'Lancaster and Oxenholme' read as one organisation's name.
_JOINED = re.compile(r"(?P<a>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}) (?P<joint>to|and) "
                     r"(?P<b>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2})")


def split_routes(entities: list[Entity], taken: set[str], text: str, context: set) -> None:
    """A route the model read as one name becomes two mentions: the town's and the other end's.

    'from Lancaster to Oxenholme', 'between Lancaster and Oxenholme': split when either end is a
    town plausible for the article. A bare 'X and Y' is left whole, for it is as often one name
    ('Marks and Spencer', 'Washington and Lee') as a list. A town becomes a GPE mention
    (``_claim``); the other end keeps the model's type, joining its namesake if any.
    """
    fits = _local_town(context)

    def town(name: str) -> bool:
        return any(fits(c) for c in gazetteer().lookup(name))

    for e in [x for x in entities if x.type in _RETYPED and x.source != "glossary"]:
        for m in list(e.mentions):
            j = _JOINED.fullmatch(m.text)
            if j is None or m not in e.mentions:
                continue
            opener = {"to": "from", "and": "between"}[j.group("joint")]
            if not re.search(rf"\b{opener}\s+$", text[max(0, m.start - 9):m.start]):
                continue
            a, b = town(j.group("a")), town(j.group("b"))
            if not (a or b):
                continue
            e.mentions = [x for x in e.mentions if x is not m]
            for part, is_town in (("a", a), ("b", b)):
                start, end = m.start + j.start(part), m.start + j.end(part)
                if is_town:
                    _claim(entities, taken, start, end, j.group(part), text)
                    continue
                mention = Mention(start, end, j.group(part))
                key = normalize(j.group(part))
                kin = next((x for x in entities if x.type == e.type and normalize(x.name) == key), None)
                if kin is None:
                    kin = Entity(id=unique_slug(j.group(part), taken), name=j.group(part), type=e.type,
                                 mentions=[], source=e.source)
                    entities.append(kin)
                kin.mentions = sorted([*kin.mentions, mention], key=lambda x: (x.start, x.end))


# A capitalised word right before or after a name, on its line: the name is part of a longer one.
_CAP_BEFORE = re.compile(r"[A-Z][\w'’.-]*[ \t]+$")
_CAP_AFTER = re.compile(r"^(?:[ \t]+[A-Z]|[-’'][A-Za-z])")


def every_mention(entities: list[Entity], text: str, quiet: tuple[tuple[int, int], ...],
                  surnames: set[str]) -> list[Entity]:
    """Every other occurrence of a town's name in the article is a mention of the town.

    The model tags 'Carlisle' in one sentence and misses it, or reads it as something else, in the
    next; once one mention is a place the gazetteer knows, the name written alone elsewhere (not
    inside a longer capitalised name: 'Carlisle United', 'Bishop Carlisle'; not a surname of the
    article's people) is the same place. Only occurrences no entity has are added. Returns
    ``entities`` (changed in place).
    """
    covered = _covered(entities, quiet, len(text))
    for e in entities:
        if e.type != "GPE" or e.source == "glossary" or normalize(e.name) in surnames:
            continue
        if not any(not c.alias and c.kind in _PLACE_KINDS for c in gazetteer().lookup(e.name)):
            continue
        forms = {m.text for m in e.mentions if not m.text.isupper()} | {e.name}
        added = []
        for form in sorted(forms, key=len, reverse=True):
            for hit in re.finditer(r"(?<![\w.'’-])" + re.escape(form) + r"(?![\w'’-])", text):
                s, t_end = hit.span()
                if any(covered[s:t_end]) or _CAP_BEFORE.search(text, max(0, s - 30), s) \
                        or _CAP_AFTER.match(text[t_end:t_end + 3]):
                    continue
                covered[s:t_end] = b"\1" * (t_end - s)
                added.append(Mention(s, t_end, form))
        if added:
            e.mentions = sorted([*e.mentions, *added], key=lambda x: (x.start, x.end))
    return entities


# 'north of Penrith to Carlisle', 'flooding in Appleby': a town's name right after a place word,
# not glued to more capitalised words. The word before the preposition is lower case, so a
# sentence's or a headline's capitals ('In Brief', 'To Let') are not taken for it.
_AFTER_PREPOSITION = re.compile(
    r"(?<=[a-z,] )(?:in|to|from|near|at|outside|around|towards|toward|via|into)\s+"
    r"(?P<name>[A-Z][a-z'’]+(?:(?:-(?:upon|on|in|under|le|by)-|[ -]|\s+upon\s+)[A-Z][a-z'’]+){0,3})"
    r"(?![\w'’-])(?![ \t]+[A-Z])")
# Capitalised words after 'in' or 'at' that are no towns, whatever the gazetteer has ('in March').
_CALENDAR = frozenset("""january february march april may june july august september october november
    december monday tuesday wednesday thursday friday saturday sunday christmas easter""".split())


def towns_after_prepositions(entities: list[Entity], taken: set[str], text: str,
                             quiet: tuple[tuple[int, int], ...], context: set) -> None:
    """A town the model left untagged after 'in', 'to', 'from', 'near' becomes a GPE mention.

    Only a town in a division where the article's other places already are ('to Carlisle' in a
    story from Penrith), or a notable one in a country they are in: the site's coverage area
    alone is too wide a net for a bare capitalised word, and calendar words are never towns.
    """
    covered = _covered(entities, quiet, len(text))
    countries = {cc for cc, admin1 in context if admin1 is not None}
    for hit in _AFTER_PREPOSITION.finditer(text):
        s, t_end = hit.span("name")
        name = hit.group("name")
        if any(covered[s:t_end]) or normalize(name) in _CALENDAR:
            continue
        if any((c.country, c.admin1) in context or (c.prior >= 5.0 and c.country in countries)
               for c in gazetteer().lookup(name) if not c.alias and c.kind in ("city", "admin1")):
            _claim(entities, taken, s, t_end, name, text)
            covered[s:t_end] = b"\1" * (t_end - s)


def _covered(entities: list[Entity], quiet: tuple[tuple[int, int], ...], size: int) -> bytearray:
    """A flag per character of the text: already some entity's mention, or in a quiet range."""
    covered = bytearray(size)
    for e in entities:
        for m in e.mentions:
            covered[m.start:m.end] = b"\1" * (m.end - m.start)
    for a, b in quiet:
        covered[a:b] = b"\1" * (b - a)
    return covered
