"""Places the statistical model missed, proposed by the gazetteer and confirmed by the words around.

spaCy's small model reads local news poorly: a town it has never seen is a PERSON ('James Tauber
of Nelson'), an ORG ('Lancaster'), or nothing at all ('BYESVILLE -- Firefighters ...', 'Rep.
Torrey Westrom, R-Elbow Lake'). The gazetteer knows these names; what it cannot know is whether
a given occurrence means the place. Each rule here asks the text for that, as a copy editor would:

- a **dateline**: the ALL-CAPS place heading a paragraph before a dash ('TORRINGTON —',
  'HURRICANE, W.Va. -') is where the story was filed (in Title case, 'Muscat: ...', only for a
  notable place or one written with its state);
- a **party and home town** after a legislator's name ('Sen. Ray Miller, D-Columbus', '(R-Ocilla)',
  'D-S.C.') is a place;
- a PERSON, ORG, NORP, FAC or PRODUCT whose whole name is a gazetteer town, county, state or country becomes a
  GPE when one of its mentions reads as a place ('of X', 'in X', 'X man', 'X police', 'X, Ga.',
  '420 Augusta St., X', 'Kerala and X', 'X and other towns') and the place is plausible for the
  article: notable on its own, in a state or country the article's other places lie in, or in the
  state written after it. A name that is another person's surname in the article stays a person
  ('Sen. Ben Nelson ... said Nelson');
- a place mention that stops short of a longer place name ('Africa' of 'South Africa', 'Baja'
  and 'California') becomes the longer name when the gazetteer knows it as a country, division,
  region or notable city.

Nothing here places anything: the entities it makes or retypes are resolved like every other GPE.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from briefing.entities.slugs import unique_slug
from briefing.geo.bias import area_bias
from briefing.geo.gazetteer import Candidate, gazetteer, normalize
from briefing.geo.placewords import STATE_WORD, listed_with_places, locative, qualifier_of
from briefing.model import Entity, Mention

# A place this prominent needs no support from the article (log10 population + kind bonus):
# a city of 100,000, a province, a country. Smaller towns must lie where the article's other
# places are.
NOTABLE = 5.0
_PLACE_KINDS = ("city", "admin1", "country", "region")
_RETYPED = ("PERSON", "ORG", "NORP", "FAC", "PRODUCT")
ANYWHERE = "*"  # (country, ANYWHERE) in a context: every division of the country (a coverage area)

# A dateline: paragraph (or sentence) start, an ALL-CAPS place, an optional ', State' and
# '(AP)', then a dash or colon.
_DATELINE = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?]\s)|(?<=[.!?]\s\s))"
    r"(?P<place>[A-Z][A-Z'’.]+(?:[ -][A-Z][A-Z'’.]+){0,3})"
    r"(?:,\s*(?P<qual>[A-Z][A-Za-z.]+(?:\s?[A-Z][A-Za-z.]+)?))?"
    r"(?:\s*\([A-Z][A-Za-z ]+\))?\s*(?:—|–|--+|-|:|”|\ufffd)"
)
# The same in Title case, at the start of the text or of a paragraph only.
_TITLE_DATELINE = re.compile(
    r"(?:^|(?<=\n))(?P<place>[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+){0,2})"
    r"(?:,\s*(?P<qual>[A-Z][A-Za-z.]+(?:\s?[A-Z][A-Za-z.]+)?))?"
    r"(?:\s*\([A-Z][A-Za-z ]+\))?(?::|\s+(?:—|–|--+))\s"
)
# 'Sen. Ray Miller, D-Columbus,' / '(R-Ocilla)' / 'D-W. Va.': party, hyphen, home town or state.
_PARTY = re.compile(
    r"(?:(?<=,\s)|(?<=\())(?:R|D|I|DFL|GOP|Ind)-"
    r"(?P<place>[A-Z][\w'’]*\.?(?:\s?[A-Z][\w'’]*\.?){0,2})(?=\s*[,)]|\s*$|\s+[^\sA-Z])"
)


def find_local_places(entities: list[Entity], text: str, quiet: tuple[tuple[int, int], ...] = (),
                      coverage: Sequence[str] = ()) -> list[Entity]:
    """The entities with datelines and party home towns added, and town-named mentions retyped GPE.

    Returns a new list (the entities are changed in place); new entities come last, in text order.
    Nothing is added inside ``quiet`` ranges (a page's headings, table cells, code), where the
    entity stage recognises nothing either. A town in the site's ``coverage`` (``geo.bias``), or in
    the division of a council or police force the article names, is as plausible as one in the
    division of the article's other places.
    """
    out = list(entities)
    taken = {e.id for e in out}
    spans = sorted(_dateline_spans(text) + _party_spans(text))
    spans = [sp for sp in spans if not any(a < sp[1] and sp[0] < b for a, b in quiet)]
    for start, end, name in spans:
        _claim(out, taken, start, end, name, text)
    _widen_to_longer_names(out, taken, text)
    context = _article_regions(out, text)
    area = area_bias(gazetteer(), coverage, out)
    context |= area.admin1s | area.body_admin1s | {(cc, ANYWHERE) for cc in area.countries}
    surnames = _surnames(out)
    from briefing.geo.localtowns import every_mention, towns_after_prepositions, whole_towns  # builds on this
    whole_towns(out, taken, text, context)
    towns_after_prepositions(out, taken, text, quiet, context)
    for _ in range(2):  # a second pass: 'of Penrith and Keswick' once Penrith reads as a place
        places = [m for e in out if e.type == "GPE" for m in e.mentions]
        for e in out:
            if e.type in _RETYPED and e.source != "glossary" and _reads_as_place(e, text, context, surnames,
                                                                                  places):
                e.type, e.place_reading = "GPE", None
    return every_mention([e for e in out if e.mentions], text, quiet, surnames)


# -- new mentions ----------------------------------------------------------------------------------


def _dateline_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each dateline place the gazetteer knows as a town, state or country.

    An ALL-CAPS place needs only be known; a Title-case one ('Muscat: The festival ...') must be a
    notable place or carry its state or country, for a Title-case word before a colon is often
    a label ('Note:', 'Update:').
    """
    out = []
    for m in _TITLE_DATELINE.finditer(text):
        name, qual = m.group("place"), m.group("qual")
        found = [c for c in gazetteer().lookup(name) if not c.alias and c.kind in _PLACE_KINDS]
        if (qual and _known(name, qual)) or any(c.prior >= NOTABLE for c in found):
            out.append((m.start("place"), m.end("place"), name))
    for m in _DATELINE.finditer(text):
        name = m.group("place").rstrip(".")
        if len(name) < 3 or not any(ch.isalpha() for ch in name):
            continue
        if _known(name, m.group("qual")):
            out.append((m.start("place"), m.start("place") + len(name), name.title()))
    out += _dated_dateline_span(text, {s for s, _, _ in out})
    return out


# What precedes a dateline's date: 'CARLISLE, Cumbria, ' of 'CARLISLE, Cumbria, Wednesday 12 March 2025 —'.
_DATED_HEAD = re.compile(r"(?P<place>[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3})"
                         r"(?:,\s*(?P<qual>[A-Z][\w.]+(?:\s[A-Z][\w.]+)?))?,?\s*$")


def _dated_dateline_span(text: str, found: set[int]) -> list[tuple[int, int, str]]:
    """The place of a dateline that carries its date ('CARLISLE, Cumbria, Wednesday 12 March 2025 —').

    ``temporal.dateline`` finds the date; the words from the paragraph's start to it are the place
    and its qualifier. An ALL-CAPS place needs only be known; a Title-case one its qualifier.
    """
    from briefing.temporal.dateline import find_dateline, head_starts

    d = next((d for d in map(lambda st: find_dateline(text, st), head_starts(text)) if d), None)
    if d is None:
        return []
    line = text.rfind("\n", 0, d.start) + 1
    m = _DATED_HEAD.fullmatch(text, line, d.start)
    if m is None or m.start("place") in found:
        return []
    name, qual = m.group("place").rstrip("."), m.group("qual")
    if len(name) < 3 or not (name.isupper() or qual) or not _known(name, qual):
        return []
    return [(m.start("place"), m.start("place") + len(name), name.title() if name.isupper() else name)]


def _party_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each place after a party letter that the gazetteer knows."""
    out = []
    for m in _PARTY.finditer(text):
        name = m.group("place")
        # 'D-N.Y.' keeps its dots; 'R-Marshall.' (a sentence end) does not.
        if name.endswith(".") and not re.search(r"\.[A-Za-z]+\.$|^[A-Z][a-z]?\.$|\s[A-Z][a-z]\.$", name):
            name = name[:-1]
        if _known(name, None, aliases=True):
            out.append((m.start("place"), m.start("place") + len(name), name))
    return out


def _known(name: str, qualifier: str | None, aliases: bool = False) -> bool:
    """Whether the gazetteer knows ``name`` as a town, state or country (in ``qualifier``, if given)."""
    found = [c for c in gazetteer().lookup(name) if c.kind in _PLACE_KINDS and (aliases or not c.alias)]
    if qualifier:
        # A county or region qualifies by the division it lies in ('CARLISLE, Cumbria': England).
        within = {(c.country, c.admin1) for c in gazetteer().lookup(qualifier)
                  if c.kind == "admin1" or (c.kind == "region" and c.admin1 and c.country)}
        within |= {(c.country, None) for c in gazetteer().lookup(qualifier) if c.kind == "country"}
        return any((c.country, c.admin1) in within or (c.country, None) in within for c in found)
    return bool(found)


def _claim(entities: list[Entity], taken: set[str], start: int, end: int, name: str, text: str) -> None:
    """Make [start, end) a GPE mention: of the GPE already named so, or of a new one.

    A mention of another entity lying inside the span ('PALMS' of 'ISLE OF PALMS', an ORG
    'D-Charleston' trimmed to 'Charleston') gives way; one reaching outside it (a longer name)
    or already a place's keeps the text and nothing is added.
    """
    for e in entities:
        for m in e.mentions:
            if m.end <= start or m.start >= end:
                continue
            if e.type in ("GPE", "LOC") or e.source == "glossary" or m.start < start - 4 or m.end > end + 1:
                return  # already a place, the editors' decision, or a longer name
    key = normalize(name)
    for e in entities:  # the model found the name and only mistyped it: keep its entity (and id)
        if normalize(e.name) == key and any(m.start == start and m.end == end for m in e.mentions):
            e.type, e.place_reading = "GPE", None
            return
    for e in entities:  # what lies inside, or glued to it on its line ('D-' of 'D-Charleston'), gives way
        e.mentions = [m for m in e.mentions
                      if m.end <= start - 4 or m.start >= end + 1 or e.type in ("GPE", "LOC")
                      or "\n" in text[m.end:start] or "\n" in text[end:m.start]]
    mention = Mention(start, end, text[start:end])
    # The name elsewhere in the text: the same place (a dateline says what it is, so a town the
    # model read as an organisation or a person is the place: 'CARLISLE, Cumbria —' ... 'Carlisle').
    same = [e for e in entities if normalize(e.name) == key and e.source != "glossary"
            and (e.type == "GPE" or e.type in _RETYPED)]
    if same:
        e = next((x for x in same if x.type == "GPE"), same[0])
        e.type, e.place_reading = "GPE", None
        e.mentions = sorted([*e.mentions, mention], key=lambda m: (m.start, m.end))
        return
    entities.append(Entity(id=unique_slug(name, taken), name=name, type="GPE", mentions=[mention],
                           source="rules"))


# Up to two capitalised words right before or after a mention, on the same line.
_WORDS_BEFORE = re.compile(r"(?:[A-Z][\w.'’-]*[ \t]+){1,2}$")
_WORDS_AFTER = re.compile(r"^(?:[ \t]+[A-Z][\w'’-]*){1,2}")


def _widen_to_longer_names(entities: list[Entity], taken: set[str], text: str) -> None:
    """A place mention that is the tail or head of a longer place name becomes that name.

    'Africa' of 'South Africa', 'California' of 'Baja California', 'U.S.' of 'U.S. Virgin
    Islands': the model (or the region matcher) stopped short, and the short name is another,
    far-away place. The longest run of capitalised words around the mention that the gazetteer
    knows by its main name as a country, division, region or notable city wins ('Kansas' of
    'Kansas City'); a longer name of a village does not (it may be a person's title and surname).
    """
    for e in [x for x in entities if x.type in ("GPE", "LOC") and x.source != "glossary"]:
        for m in list(e.mentions):
            span = _longer_name(text, m)
            if span is None or m not in e.mentions:
                continue
            inside = _parts(entities, span)
            if inside is None:
                continue
            for owner, part in inside:  # 'Baja' and 'California', two model places, become one
                owner.mentions = [x for x in owner.mentions if x is not part]
            _claim(entities, taken, span[0], span[1], text[span[0]:span[1]], text)


def _longer_name(text: str, m: Mention,
                 fits: Callable[[Candidate], bool] | None = None) -> tuple[int, int] | None:
    """The widest [start, end) around ``m`` made of it and adjacent capitalised words that names a
    prominent place (or one that ``fits``), or None."""
    before = _WORDS_BEFORE.search(text, max(0, m.start - 40), m.start)
    after = _WORDS_AFTER.match(text[m.end: m.end + 40])
    starts = [m.start]
    if before:  # each word boundary inside the run before the mention
        run = before.group(0)
        starts = [before.start() + i.start() for i in re.finditer(r"(?<![\w.'’-])[A-Z]", run)] + starts
    ends = [m.end]
    if after:
        ends += [m.end + i.end() for i in re.finditer(r"[ \t]+[A-Z][\w'’-]*", after.group(0))]
    best = None
    own = normalize(m.text)
    for start in starts:
        for end in ends:
            if (start, end) == (m.start, m.end) or (best and end - start <= best[1] - best[0]):
                continue
            if normalize(text[start:end]) == own:  # 'The US' is the US: nothing longer is named
                continue
            if any((fits or _prominent)(c) for c in gazetteer().lookup(text[start:end])):
                best = (start, end)
    return best


def _prominent(c: Candidate) -> bool:
    """A main-name reading that is a country, division, region, feature or notable city."""
    return not c.alias and c.kind in (*_PLACE_KINDS, "feature") and (c.kind != "city" or c.prior >= NOTABLE)


def _parts(entities: list[Entity], span: tuple[int, int]) -> list[tuple[Entity, Mention]] | None:
    """The place mentions the widened span is made of, or None when another name reaches into it
    (a person's or an organisation's, or one running past it)."""
    out = []
    for e in entities:
        for x in e.mentions:
            if x.end <= span[0] or x.start >= span[1]:
                continue
            if e.type not in ("GPE", "LOC") or e.source == "glossary" or x.start < span[0] or x.end > span[1]:
                return None
            out.append((e, x))
    return out


# -- retyping --------------------------------------------------------------------------------------


def _article_regions(entities: list[Entity], text: str) -> set[tuple[str | None, str | None]]:
    """(country, admin1) of the article's resolved places, and (country, None) for their countries."""
    from briefing.geo.resolve import resolve_places

    out: set[tuple[str | None, str | None]] = set()
    gaz = gazetteer()
    for p in resolve_places([e for e in entities if e.type == "GPE"], text):
        out.add((p.country, None))
        if p.kind != "country":
            for c in gaz.lookup(p.name):
                if c.country == p.country and round(c.lat, 4) == p.lat and round(c.lon, 4) == p.lon:
                    out.add((c.country, c.admin1))
                    break
    return out


def _surnames(entities: list[Entity]) -> set[str]:
    """Words that end a multi-word PERSON name of the article ('Nelson' of 'Ben Nelson')."""
    out = set()
    for e in entities:
        if e.type == "PERSON":
            words = e.name.split()
            if len(words) > 1:
                out.add(normalize(words[-1]))
    return out


def _reads_as_place(e: Entity, text: str, context: set, surnames: set[str], places: list[Mention]) -> bool:
    """Whether the entity's whole name is a plausible place and one mention reads as one."""
    key = normalize(e.name)
    if not key or key in surnames or key in gazetteer().demonyms():
        return False
    cands = _candidates(e.name)
    qualified = {q for m in e.mentions for q in qualifier_of(text, m)}
    if not any(_plausible(c, context) or _within(c, qualified) for c in cands):
        return False
    return any(locative(text, m) or listed_with_places(text, m, places) for m in e.mentions)




def _candidates(name: str) -> list[Candidate]:
    """The towns, divisions and countries called ``name`` ('Sokoto State': the state Sokoto)."""
    found = [c for c in gazetteer().lookup(name) if not c.alias and c.kind in _PLACE_KINDS]
    stripped = STATE_WORD.sub("", name)
    if not found and stripped != name:
        found = [c for c in gazetteer().lookup(stripped) if not c.alias and c.kind == "admin1"]
    return found


def _within(c: Candidate, qualifiers: set[Candidate]) -> bool:
    return any(c.country == q.country and (q.kind == "country" or c.admin1 == q.admin1) for q in qualifiers)


def _plausible(c: Candidate, context: set) -> bool:
    if c.prior >= NOTABLE:
        return True
    return (c.country, c.admin1) in context or (c.country, ANYWHERE) in context


