"""How much each place of an article is a place where its story happens: the map's framing weights.

An article names places in two ways. "Airstrikes in Syria", "evacuated to a rest centre in
Penrith", "Anbar province, Iraq": the place is *where* something happens. "The US military
announced", "US-led coalition", "Iraq has delayed": the place (a country, mostly) is an actor or
a modifier, and a map that frames it zooms out to the whole world for nothing. The weights
computed here tell the two apart from the text around each mention, with no NLP model (render/
runs on the annotations alone), and ``render/mapframe.py`` frames the places that carry the
weight; the others stay listed and, when far away, are drawn at the map's edge.

Per mention: 1 when a locative preposition ("in", "at", "near", "to", "north of" ...) governs
it, possibly over a determiner and adjectives ("in the Syrian desert", "in central Iraq"), when
it follows another locative place in a list or an apposition ("in Carlisle and Keswick",
"Anbar province, Iraq") or when it opens the article's dateline ("CARLISLE, Cumbria —"); 0.5
for any other mention of a town, region or feature (a town is rarely an actor); 0 for any
other mention of a country (the actor or modifier case). A mention in the sentence of an event
that lists the place counts twice: the places of the events come first. When no mention
carries any weight, every place weighs its number of mentions: the map then frames what the
article names most.
"""

from __future__ import annotations

import re

from ..model import Annotations

__all__ = ["place_weights"]

# Prepositions after which a place name is where something is or happens.
LOCATIVE = frozenset(
    "in at near inside outside across throughout around into from to towards toward within along "
    "over through beyond between via off onto".split()
)
# Words that may stand between the preposition and the name: "in the", "in central", "in war-torn".
SKIPPABLE = frozenset(
    "the a an its their his her our northern southern eastern western central north south east west "
    "north-east north-west south-east south-west northeast northwest southeast southwest "
    "north-eastern north-western south-eastern south-western northeastern northwestern southeastern "
    "southwestern upper lower greater rural urban downtown coastal neighbouring neighboring nearby "
    "remote war-torn flood-hit storm-hit occupied".split()
)
DIRECTIONS = frozenset(
    "north south east west north-east north-west south-east south-west northeast northwest "
    "southeast southwest outside".split()
)
COUNTRY = "country"
# What may stand between two places of one list or apposition: a designator, a comma, "and".
CONTINUATION = re.compile(
    r"(\s+(province|county|district|region|state|city|town|parish|governorate|oblast|prefecture|"
    r"borough|municipality|department|valley))?\s*(,|and|or|, and|, or)?\s*",
    re.IGNORECASE,
)
WORD = re.compile(r"[\w'’-]+|[^\w\s]")
EVENT_FACTOR = 2.0
BARE_WEIGHT = {COUNTRY: 0.0}  # other kinds: BARE_DEFAULT
BARE_DEFAULT = 0.5
DASHES = {" \u2014", " \u2013", " -"}  # "CARLISLE — ..."
LOOKBACK = 60  # characters before a mention that are read for its preposition


def _tokens_before(text: str, start: int) -> list[str]:
    """The words and punctuation just before ``start``, nearest last, lower-cased."""
    return [t.lower() for t in WORD.findall(text[max(0, start - LOOKBACK) : start])]


def _locative(tokens: list[str], kind: str) -> bool:
    """Whether the words before a mention make it a place where something is."""
    words = list(tokens)
    while words and words[-1] in SKIPPABLE:
        words.pop()
    if not words:
        return False
    last = words[-1]
    if last in LOCATIVE:
        return True
    if last == "of":
        # "north of Carlisle" for any place; "residents of Keswick" for a town, not "the
        # president of France" (a country after "of" is too often the actor).
        return kind != COUNTRY or (len(words) > 1 and words[-2] in DIRECTIONS)
    return False


def _dateline(text: str, start: int, end: int) -> bool:
    """A mention in capitals that opens a paragraph: "CARLISLE, Cumbria, Wednesday ... —"."""
    line_start = text.rfind("\n", 0, start) + 1
    name = text[start:end]
    after = text[end : end + 3]
    return line_start == start and name.isupper() and len(name) > 1 and (after[:1] == "," or after in DASHES)


def place_weights(ann: Annotations) -> dict[str, float]:
    """Each mapped place's framing weight (entity id -> weight >= 0), from the article's text."""
    text = ann.document.text
    kinds = {p.entity: p.kind for p in ann.places}
    entities = {e.id: e for e in ann.entities if e.id in kinds}
    in_events: dict[str, list[tuple[int, int]]] = {}
    for event in ann.events:
        for place in event.places:
            in_events.setdefault(place, []).append(tuple(event.sentence))
    mentions = sorted(
        (m.start, m.end, entity_id) for entity_id, e in entities.items() for m in e.mentions
    )
    weights = dict.fromkeys(kinds, 0.0)
    counts = dict.fromkeys(kinds, 0)
    locative_until: list[tuple[int, bool]] = []  # (end, locative) of the mentions read so far
    dateline_seen = False
    for start, end, entity_id in mentions:
        kind = kinds[entity_id]
        tokens = _tokens_before(text, start)
        follows_place = False
        if locative_until and tokens:
            previous_end, previous_locative = locative_until[-1]
            gap = text[previous_end:start]
            # "in Carlisle and Keswick", "Anbar province, Iraq", "Carlisle, Cumbria": a list or
            # an apposition shares the role of the place it continues.
            if previous_locative and CONTINUATION.fullmatch(gap):
                follows_place = True
        if not dateline_seen and _dateline(text, start, end):
            dateline_seen = True
            locative = True
        else:
            locative = follows_place or _locative(tokens, kind)
        weight = 1.0 if locative else BARE_WEIGHT.get(kind, BARE_DEFAULT)
        if any(s <= start < e for s, e in in_events.get(entity_id, ())):
            weight *= EVENT_FACTOR
        weights[entity_id] += weight
        counts[entity_id] += 1
        locative_until.append((end, locative))
    if not any(weights.values()):
        return {entity_id: float(count) for entity_id, count in counts.items()}
    return weights
