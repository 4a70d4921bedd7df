"""Entity recognition: spaCy's statistical NER plus rules where it is weak on news.

The small English model is good at ordinary sentences and predictably wrong
on a few news conventions: title-case headlines ('Kill Up to 35 ISIS
Operatives' -> ORG 'ISIS Operatives'), job titles glued to names ('Pentagon
Press'), lower-case natural features ('the Syrian desert'), products named
after a noun ('platform X', 'Boeing 747'). Each rule below fixes one of
these and proposes *candidates*; candidates then compete by priority
(glossary > rules > model) and length, and the survivors are grouped into
identities: one entity per thing, however many ways the text names it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from briefing.model import ENTITY_TYPES, Entity, Mention

from .aliases import (
    ADMIN_WORDS,
    FACILITY_BIGRAMS,
    FACILITY_HEADS,
    FALLBACK_REGIONS,
    PLATFORM_NOUNS,
    TITLE_WORDS,
    WEAK_TITLE_WORDS,
    alias_key,
    builtin_canonical,
    builtin_type,
)
from .crosscheck import mark_place_readings
from .glossary import Glossary, GlossaryEntry
from .names import NameMatcher
from .slugs import unique_slug

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc, Token

# spaCy labels that are values, not entities.
NUMERIC_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
LABEL_MAP = {"LAW": "OTHER", "LANGUAGE": "OTHER", "WORK_OF_ART": "OTHER"}
ENTITY_LABELS = set(ENTITY_TYPES) | set(LABEL_MAP)  # spaCy labels that name entities
# Tie-break when mentions disagree on a type: the more specific reading first.
TYPE_PRIORITY = ("PERSON", "GPE", "ORG", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "OTHER")
# Words that sharpen a job title ("Defense Secretary") without being titles alone.
TITLE_MODIFIERS = frozenset("""
defense defence interior treasury health finance justice trade energy home economy economic
transport transportation education labor labour agriculture environment commerce security
foreign communications intelligence military national homeland affairs public media
""".split())
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lady", "lord", "mx"})
CONNECTORS = frozenset({"of", "for", "and", "&", "the", "on", "de", "al", "bin"})
MODEL_CODE = re.compile(r"^[A-Z]{0,3}-?\d[\w-]*$")
YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
CAMEL_PRODUCT = re.compile(r"^[a-z]{1,3}[A-Z][A-Za-z0-9]+$")
CAMEL_IN_TEXT = re.compile(r"(?<![A-Za-z0-9])[a-z]{1,3}[A-Z][A-Za-z0-9]+")
ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9&.\-]{1,11})\s*\)")
CORPORATE_SUFFIX = re.compile(r",?\s+(?:inc|corp|corporation|co|ltd|llc|plc|ag|sa|nv|gmbh)$")
# The words a company's full name adds to what the text calls it: "Ford Motor Company" is "Ford",
# "Chrysler Group LLC" is "Chrysler" (only an ORG, and only when the short name is in the text too).
CORPORATE_TAIL = re.compile(
    r"(?:,?\s+(?:motors?|company|co|corporation|corp|group|holdings?|inc|incorporated|ltd|limited|llc|plc|ag"
    r"|sa|nv|spa|gmbh))+$"
)
KEEP_FINAL_DOT = re.compile(r"(?:\b[A-Z]\.|Inc\.|Corp\.|Ltd\.|Co\.|Jr\.|Sr\.|St\.)$")
POSSESSIVE = re.compile(r"['’]s?$")

PRIORITY_MODEL, PRIORITY_RULE, PRIORITY_GLOSSARY = 1, 2, 3


@dataclass
class Candidate:
    """A proposed mention: a span, a type and hints about which identity it belongs to."""

    start: int
    end: int
    label: str
    priority: int = PRIORITY_MODEL
    source: str = "model"
    name: str | None = None  # forced canonical name ('Anbar province' for 'Anbar')
    description: str | None = None
    entry: GlossaryEntry | None = None
    weight: float = 1.0
    aliases: tuple[str, ...] = ()
    surface: str = ""

    def __post_init__(self) -> None:
        # Every type is one of ENTITY_TYPES, whatever label a rule borrowed from spaCy.
        if self.label not in ENTITY_TYPES:
            object.__setattr__(self, "label", LABEL_MAP.get(self.label, "OTHER"))

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class _Group:
    """Mentions of one identity while they are being collected."""

    key: str
    cands: list[Candidate] = field(default_factory=list)


# ----------------------------------------------------------------------------- public entry point


def extract_entities(text: str, doc: Doc | None = None, glossary: Glossary | None = None,
                     article: str | None = None) -> list[Entity]:
    """Entities of ``text`` (headline line, newline, paragraphs), one per identity, by first mention.

    ``doc`` is a spaCy Doc of ``text`` when the caller already has one;
    ``article`` names the article for per-article glossary suppressions.
    """
    from briefing.nlp import load_nlp

    nlp = load_nlp()
    if doc is None:
        doc = nlp(text)
    cands, blocked = _rule_candidates(doc, text)
    cands += [c for c in _model_candidates(doc, text, nlp) if not _overlaps_any(c, blocked)]
    cands += _glossary_candidates(text, glossary, doc)
    cands = [c for c in (_clean(c, text) for c in cands) if c is not None]
    cands = _resolve(cands)
    cands = _retype(cands, doc, text)
    cands = _resolve(cands)
    acronyms = _acronym_links(cands, text)
    values = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in NUMERIC_LABELS]
    products = _product_codes(cands, text)
    cands = _propagate(cands, text, acronyms, values, products)
    if glossary is not None:
        cands = [c for c in cands
                 if not glossary.is_suppressed(_strip_possessive(text[c.start:c.end]), article)]
    for c in cands:
        c.surface = _strip_possessive(text[c.start:c.end])
    groups = _group(cands, text, glossary, acronyms, products)
    entities = [_build_entity(g, text, doc, glossary) for g in groups]
    if glossary is not None:
        entities = [e for e in entities if not glossary.is_suppressed(e.name, article)]
    taken: set[str] = set()
    for e in entities:
        e.id = unique_slug(e.name, taken)
    mark_place_readings(entities)  # evidence against a type, for the editors: no type changes
    return entities


# ----------------------------------------------------------------------------- model + headline


def _model_candidates(doc: Doc, text: str, nlp: Language) -> list[Candidate]:
    """spaCy's entities, with the headline's replaced by a re-run on a sentence-cased copy."""
    head_end = text.find("\n")
    headline_ents = _headline_ents(text, head_end, nlp, doc) if head_end > 0 else None
    out = []
    for ent in doc.ents:
        if headline_ents is not None and ent.start_char < head_end:
            continue
        if ent.label_ not in NUMERIC_LABELS:
            out.append(Candidate(ent.start_char, ent.end_char, LABEL_MAP.get(ent.label_, ent.label_)))
    for start, end, label in headline_ents or ():
        if label not in NUMERIC_LABELS:
            out.append(Candidate(start, end, LABEL_MAP.get(label, label)))
    return out


def _is_title_case(headline: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", headline) if len(w) > 3]
    capitalised = sum(w[0].isupper() for w in words)
    return len(words) >= 3 and capitalised >= 0.75 * len(words)


def _headline_ents(text: str, head_end: int, nlp: Language, doc: Doc) -> list[tuple[int, int, str]] | None:
    """Re-run NER on the headline in sentence case, so that every capital means a name again.

    A word keeps its capital when the body writes it capitalised mid-sentence,
    when it is an acronym or camel-case, or when it is unknown to the body but
    inside an entity of the original parse. Case changes keep offsets intact.
    """
    headline = text[:head_end]
    if not _is_title_case(headline):
        return None
    body = text[head_end:]
    # Words only in the headline keep their capital inside a person or place name; ORG is the
    # model's usual guess for any capitalised run ('ISIS Operatives'), so it proves nothing.
    in_ent = {i for e in doc.ents if e.start_char < head_end and e.label_ in ("PERSON", "GPE", "LOC")
              for i in range(e.start_char, e.end_char)}
    chars = list(headline)
    for n, m in enumerate(re.finditer(r"[A-Za-z][\w'’-]*", headline)):
        word = m.group()
        if n == 0 or not word[0].isupper() or _keeps_capital(word, body, m.start() in in_ent):
            continue
        lowered = word.lower()
        if len(lowered) == len(word):
            chars[m.start():m.end()] = lowered
    cased = "".join(chars)
    if cased == headline:
        return [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.start_char < head_end]
    with nlp.select_pipes(enable=[p for p in ("tok2vec", "ner") if p in nlp.pipe_names]):
        return [(e.start_char, e.end_char, e.label_) for e in nlp(cased).ents]  # NER only: cheap


def _keeps_capital(word: str, body: str, in_entity: bool) -> bool:
    if word.isupper() and len(word) > 1 or any(ch.isupper() for ch in word[1:]):
        return True
    pattern = re.compile(r"(?<![\w])" + re.escape(word) + r"(?![\w])")
    mid_sentence = any(m.start() > 1 and body[:m.start()].rstrip()[-1:] not in ".!?:\"“\n"
                       for m in pattern.finditer(body))
    if mid_sentence:
        return True
    absent = re.search(r"(?<![\w])" + re.escape(word) + r"(?![\w])", body, re.IGNORECASE) is None
    return absent and in_entity


# ----------------------------------------------------------------------------- rules


def _rule_candidates(doc: Doc, text: str) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """Candidates from the rules, and spans where model entities must be dropped (job titles)."""
    cands: list[Candidate] = []
    blocked: list[tuple[int, int]] = []
    head_end = text.find("\n")
    title_cands, blocked = _job_titles(doc, head_end)
    cands += title_cands
    cands += _regions(doc)
    cands += _platform_products(doc)
    cands += _camel_products(doc)
    cands += _defined_acronyms(doc)
    return cands, blocked


def _defined_acronyms(doc: Doc) -> list[Candidate]:
    """'General Motors (GM)': the capitalised words before a fitting acronym are one name."""
    out = []
    for i, j in _cap_runs(doc):
        if j + 2 >= len(doc) or doc[j].text != "(" or doc[j + 2].text != ")":
            continue
        while i < j and doc[i].is_sent_start and doc[i].lower_ in ("the", "a", "an", "in", "on", "at"):
            i += 1
        acronym, words = doc[j + 1].text, [t.text for t in doc[i:j] if _is_cap(t)]
        if len(words) < 2 or not acronym.isupper() or not _initials_fit(acronym, " ".join(words)):
            continue
        if acronym[0] != words[0][0]:
            continue
        label = doc[j + 1].ent_type_ or "ORG"
        label = "ORG" if label in NUMERIC_LABELS else label
        out.append(Candidate(doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text), LABEL_MAP.get(label, label),
                             PRIORITY_RULE, "rules"))
    return out


def _is_cap(tok: Token) -> bool:
    return tok.text[:1].isupper() and any(ch.isalpha() for ch in tok.text)


def _cap_runs(doc: Doc) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens (connectors like 'of' allowed inside), within a sentence."""
    runs, i, n = [], 0, len(doc)
    while i < n:
        if not _is_cap(doc[i]):
            i += 1
            continue
        j = i + 1
        # The parser's sentence starts are unreliable inside capitalised runs ('General | Motors'):
        # only punctuation and line breaks end a run.
        while j < n and doc[j - 1].text not in (".", "!", "?", ":", ";") and not doc[j - 1].is_space:
            if _is_cap(doc[j]):
                j += 1
            elif doc[j].lower_ in CONNECTORS and j + 1 < n and _is_cap(doc[j + 1]) and doc[j].lower_ != "and":
                j += 2
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def _job_titles(doc: Doc, head_end: int) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """'Deputy Pentagon Press Secretary Sabrina Singh' -> PERSON with a description, ORG 'Pentagon'."""
    cands, blocked = [], []
    person_tokens = {t.i for e in doc.ents if e.label_ == "PERSON" for t in e}
    for i, j in _cap_runs(doc):
        if head_end > 0 and doc[i].idx < head_end:
            continue  # headline capitals say nothing about titles
        if doc[i].lower_ == "the":
            i += 1
        titles = [k for k in range(i, j) if doc[k].lower_.rstrip(".") in TITLE_WORDS]
        if not titles or titles[-1] >= j - 1:
            continue
        k = titles[-1]
        name = doc[k + 1:j]
        strong = any(doc[t].lower_.rstrip(".") not in WEAK_TITLE_WORDS for t in titles)
        has_person = any(t.i in person_tokens for t in name)
        looks_person = 1 <= len(name) <= 3 and all(t.tag_ == "NNP" for t in name) and strong
        if not (has_person or looks_person):
            continue
        title = doc[i:k + 1]
        honorific = all(t.lower_.rstrip(".") in HONORIFICS for t in title)
        cands.append(Candidate(name.start_char, name.end_char, "PERSON", PRIORITY_RULE, "rules",
                               description=None if honorific else title.text, weight=2.0))
        blocked.append((title.start_char, title.end_char))
        cands += _title_inner_names(doc, i, k + 1)
    described = {(c.start, c.end) for c in cands}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and (ent.start_char, ent.end_char) not in described:
            title = _lowercase_title_before(doc, ent.start)
            if title is not None:
                cands.append(Candidate(ent.start_char, ent.end_char, "PERSON", PRIORITY_RULE, "rules",
                                       description=title, weight=2.0))
    return cands, blocked


def _lowercase_title_before(doc: Doc, start: int) -> str | None:
    """'Finance spokesman Daniel Okafor': a lower-case title word, with its modifiers, before a person."""
    k = start
    while k > 0 and doc[k - 1].lower_ in TITLE_WORDS | TITLE_MODIFIERS and not doc[k - 1].is_sent_end:
        k -= 1
    if k == start or not any(t.lower_ in TITLE_WORDS and t.text.islower() for t in doc[k:start]):
        return None
    if doc[start - 1].lower_ not in TITLE_WORDS or doc[start - 1].lower_ in HONORIFICS:
        return None
    return doc[k:start].text


def _title_inner_names(doc: Doc, i: int, j: int) -> list[Candidate]:
    """Names inside a job title ('Pentagon' in 'Deputy Pentagon Press Secretary')."""
    out = []
    k = i
    while k < j:
        if _title_part(doc[k]):
            k += 1
            continue
        m = k
        while m < j and not _title_part(doc[m]):
            m += 1
        while m > k and doc[m - 1].lower_ in CONNECTORS:
            m -= 1
        span = doc[k:m]
        if len(span) and span[0].lower_ not in CONNECTORS:
            out.append(Candidate(span.start_char, span.end_char, _inner_label(doc, span), PRIORITY_RULE,
                                 "rules"))
        k = max(m, k + 1)
    return out


def _title_part(tok: Token) -> bool:
    word = tok.lower_.rstrip(".")
    return word in TITLE_WORDS or word in TITLE_MODIFIERS


def _inner_label(doc: Doc, span) -> str:
    canonical = builtin_canonical(span.text)
    if canonical:
        return builtin_type(canonical) or "ORG"
    labels = [t.ent_type_ for t in span if t.ent_type_ and t.ent_type_ not in NUMERIC_LABELS]
    if labels:
        return Counter(labels).most_common(1)[0][0]
    return "NORP" if span[-1].tag_ in ("JJ", "NNPS") and len(span) == 1 else "ORG"


@lru_cache(maxsize=1)
def _region_index() -> tuple[dict[tuple[str, ...], str], int]:
    """Lower-cased token tuples of region names: from the gazetteer when present, else built-in."""
    names: list[str] = list(FALLBACK_REGIONS)
    try:  # the gazetteer is optional: another part of the project, maybe without its data file
        from briefing.geo.gazetteer import gazetteer

        names += list(gazetteer().region_names())
    except Exception:  # noqa: BLE001 - any failure just means "no gazetteer"
        pass
    index: dict[tuple[str, ...], str] = {}
    for name in sorted(set(names)):
        words = tuple(re.findall(r"\w+|[^\w\s]", name.lower()))
        if words:
            index.setdefault(words, name)
    return index, max((len(k) for k in index), default=0)


def _regions(doc: Doc) -> list[Candidate]:
    """Named regions and features in any case after a capital: 'the Syrian desert' -> LOC."""
    index, longest = _region_index()
    out, i, n = [], 0, len(doc)
    while i < n:
        found = 0
        if _is_cap(doc[i]):
            for size in range(min(longest, n - i), 0, -1):
                if tuple(t.lower_ for t in doc[i:i + size]) in index:
                    found = size
                    break
        if found:
            span = doc[i:i + found]
            label = span[0].ent_type_ if span[0].ent_type_ in ("GPE", "FAC") and span.ents else "LOC"
            out.append(Candidate(span.start_char, span.end_char, label, PRIORITY_RULE, "rules", weight=2.0))
            i += found
        else:
            i += 1
    return out


def _platform_products(doc: Doc) -> list[Candidate]:
    """'social media platform X', 'messaging app Signal': the capitalised name after the noun."""
    out = []
    for tok in doc[:-1]:
        if tok.lower_ not in PLATFORM_NOUNS or tok.tag_ not in ("NN", "NNS"):
            continue
        j = tok.i + 1
        while j < len(doc) and j - tok.i <= 3 and _is_cap(doc[j]) and doc[j].ent_type_ != "GPE":
            j += 1
        if j > tok.i + 1:
            span = doc[tok.i + 1:j]
            out.append(Candidate(span.start_char, span.end_char, "PRODUCT", PRIORITY_RULE, "rules",
                                 weight=2.0))
    return out


def _camel_products(doc: Doc) -> list[Candidate]:
    """Lower-case-initial camel case ('iPhone', 'iOS') is a product name, with its model number."""
    out = []
    # Find candidates in the text first: walking every token in Python costs more than the rule.
    starts = {m.start() for m in CAMEL_IN_TEXT.finditer(doc.text)}
    for tok in (t for t in doc if t.idx in starts) if starts else ():
        if CAMEL_PRODUCT.match(tok.text) and (tok.i == 0 or not CAMEL_PRODUCT.match(doc[tok.i - 1].text)):
            end = tok.i + 1
            if tok.ent_type_ and tok.ent_type_ not in NUMERIC_LABELS and tok.ent_iob_ != "O":
                end = max(end, next(e.end for e in doc.ents if e.start <= tok.i < e.end))
            while end < len(doc) and _model_code_token(doc[end]):
                end += 1
            span = doc[tok.i:end]
            out.append(Candidate(span.start_char, span.end_char, "PRODUCT", PRIORITY_RULE, "rules"))
    return out


# ----------------------------------------------------------------------------- glossary


def _glossary_candidates(text: str, glossary: Glossary | None, doc: Doc | None = None) -> list[Candidate]:
    """Every glossary name in the text. An entry without a type takes the model's label for the
    same words (an editor who only adds a description must not turn a country into OTHER)."""
    if glossary is None:
        return []
    labels = {(e.start_char, e.end_char): e.label_ for e in doc.ents} if doc is not None else {}
    pattern = glossary.name_pattern()
    if pattern is None:
        return []
    out = []
    for m in pattern.finditer(text):
        entry = glossary.entry_for(m.group()) or glossary.entry_for(re.sub(r"(?:es|s)$", "", m.group()))
        if entry is None:
            entry = glossary.entry_for(m.group()[:-2]) or glossary.entry_for(m.group()[:-1])
        if entry is not None:
            model = labels.get((m.start(), m.end()))
            label = entry.type or (LABEL_MAP.get(model, model) if model in ENTITY_LABELS else None) or "OTHER"
            out.append(Candidate(m.start(), m.end(), label, PRIORITY_GLOSSARY, "glossary", entry=entry,
                                 weight=3.0))
    return out


# ----------------------------------------------------------------------------- spans


def _strip_possessive(s: str) -> str:
    return POSSESSIVE.sub("", s) if len(s) > 2 else s


def _clean(c: Candidate, text: str) -> Candidate | None:
    """Trim 'the', possessives and punctuation off a span; drop spans that are no names."""
    start, end = c.start, c.end
    while True:
        frag = text[start:end]
        m = re.match(r"(?:the|The|THE|a|an)\s+", frag)
        if m and end - start > m.end():
            start += m.end()
            continue
        m2 = re.search(r"['’]s?$", frag)
        if m2 and m2.start() > 0 and c.source != "glossary":
            end = start + m2.start()
            continue
        stripped = frag.strip(" \t\n\"“”‘'(),;:!?-—–")
        if stripped != frag and stripped:
            offset = frag.index(stripped)
            start, end = start + offset, start + offset + len(stripped)
            continue
        if frag.endswith(".") and not KEEP_FINAL_DOT.search(frag):
            end -= 1
            continue
        break
    frag = text[start:end]
    if not frag or not any(ch.isupper() for ch in frag) or not any(ch.isalpha() for ch in frag):
        return None
    if "\n" in frag or text[end:end + 1] == "$":
        return None
    return replace(c, start=start, end=end)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _overlaps_any(c: Candidate, spans: list[tuple[int, int]]) -> bool:
    return any(_overlaps((c.start, c.end), s) for s in spans)


def _resolve(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: higher priority first, then longer, then earlier."""
    chosen: list[Candidate] = []
    taken = bytearray()
    for c in sorted(cands, key=lambda c: (-c.priority, -c.length, c.start, c.label)):
        if len(taken) < c.end:
            taken.extend(b"\0" * (c.end - len(taken)))
        if any(taken[c.start:c.end]):
            continue
        taken[c.start:c.end] = b"\1" * c.length
        chosen.append(c)
    return sorted(chosen, key=lambda c: (c.start, c.end))


def _retype(cands: list[Candidate], doc: Doc, text: str) -> list[Candidate]:
    """Span-level fixes: product model numbers, facilities, 'Anbar province'."""
    out = []
    for c in cands:
        if c.source == "glossary":
            out.append(c)
            continue
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None or not len(span):
            out.append(c)
            continue
        c = _with_model_code(c, span)
        c = _facility(c, span)
        c = _admin_area(c, span, text)
        out.append(c)
    return out


def _with_model_code(c: Candidate, span) -> Candidate:
    """'Boeing 747', 'Airbus A380': a maker or product followed by a model code is a product."""
    if c.label not in ("ORG", "PRODUCT"):
        return c
    doc = span.doc
    end = span.end
    while end < len(doc) and _model_code_token(doc[end]):
        end += 1
    if end == span.end:
        return c
    if end < len(doc) and _model_nickname(doc[end]):
        end += 1  # "Boeing 787 Dreamliner": the nickname is part of the name
    return replace(c, end=doc[end - 1].idx + len(doc[end - 1].text), label="PRODUCT", priority=PRIORITY_RULE,
                   source="rules")


def _model_nickname(tok: Token) -> bool:
    """A single capitalised noun right after a model code ("Dreamliner"), not the start of another name."""
    if tok.pos_ not in ("PROPN", "NOUN") or not tok.is_alpha:
        return False
    if not tok.text[:1].isupper() or not tok.text[1:].islower():
        return False
    if tok.ent_type_ in ("GPE", "LOC", "NORP", "FAC", "DATE", "TIME"):
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is None or not (nxt.pos_ == "PROPN" and nxt.text[:1].isupper())


def model_code(word: str) -> str | None:
    """The model code a word writes ("A380", "787", "737s" -> "737"), or None."""
    if word.endswith("s") and word[-2:-1].isdigit():
        word = word[:-1]
    return word if MODEL_CODE.match(word) and not YEAR.match(word) and len(word) >= 3 else None


def _product_codes(cands: list[Candidate], text: str) -> dict[str, Candidate]:
    """Model code -> the first product named with its maker ("Airbus A380", "Boeing 787 Dreamliner"), so
    that a bare "A380" or "the 787" is that product. A code two makers share belongs to neither."""
    out: dict[str, Candidate] = {}
    shared: set[str] = set()
    for c in cands:
        words = text[c.start:c.end].split()
        if c.label != "PRODUCT" or len(words) < 2 or model_code(words[0]):
            continue
        for w in words[1:]:
            code = model_code(w)
            if code is None:
                continue
            first = out.get(code)
            if first is not None and text[first.start:first.end].split()[0] != words[0]:
                shared.add(code)
            out.setdefault(code, c)
    return {code: c for code, c in out.items() if code not in shared}


def _model_code_token(tok: Token) -> bool:
    if not MODEL_CODE.match(tok.text) or YEAR.match(tok.text):
        return False
    if tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"):
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return not (nxt is not None and nxt.lower_ in ("%", "percent", "per", "billion", "million"))


def _facility(c: Candidate, span) -> Candidate:
    if c.label not in ("ORG", "GPE", "LOC") or len(span) < 2:
        return c
    last = span[-1].lower_
    if last in FACILITY_HEADS or (span[-2].lower_, last) in FACILITY_BIGRAMS:
        return replace(c, label="FAC")
    return c


def _admin_area(c: Candidate, span, text: str) -> Candidate:
    """'Anbar province': the mention is 'Anbar', the identity is named 'Anbar province'."""
    if c.label not in ("GPE", "LOC"):
        return c
    doc = span.doc
    if len(span) > 1 and span[-1].lower_ in ADMIN_WORDS and span[-1].text.islower():
        name = span.text
        inner = doc[span.start:span.end - 1]
        return replace(c, end=inner.end_char, label="GPE", name=name, aliases=(inner.text,))
    if span.end < len(doc):
        nxt = doc[span.end]
        after = doc[span.end + 1] if span.end + 1 < len(doc) else None
        if nxt.lower_ in ADMIN_WORDS and (nxt.text.islower() or (after is None or not _is_cap(after))
                                          and nxt.lower_ not in ("state", "department")):
            if nxt.text.islower() or nxt.is_title:
                return replace(c, label="GPE", name=text[c.start:nxt.idx + len(nxt.text)],
                               aliases=(text[c.start:c.end],))
    return c


# ----------------------------------------------------------------------------- identities


def _acronym_links(cands: list[Candidate], text: str) -> dict[str, Candidate]:
    """'US Central Command (CENTCOM)': acronym -> the long form's candidate."""
    links: dict[str, Candidate] = {}
    for c in cands:
        m = ACRONYM_AFTER.match(text, c.end)
        if not m or len(text[c.start:c.end].split()) < 2:
            continue
        acronym = m.group(1)
        if sum(ch.isupper() for ch in acronym) >= 2 and _initials_fit(acronym, text[c.start:c.end]):
            links.setdefault(acronym.replace(".", ""), c)
    return links


def _initials_fit(acronym: str, long_form: str) -> bool:
    """Letters of the acronym appear in order in the long form, starting at a word's initial."""
    letters = [ch.lower() for ch in acronym if ch.isalnum()]
    words = long_form.split()
    if not letters or letters[0] not in {w[0].lower() for w in words}:
        return False
    rest = iter(long_form.lower())
    return all(ch in rest for ch in letters)


def _propagate(cands: list[Candidate], text: str, acronyms: dict[str, Candidate],
               values: list[tuple[int, int]],
               codes: dict[str, Candidate]) -> list[Candidate]:
    """Find later (or headline) mentions of names already recognised somewhere in the text.

    The model misses a name in one sentence and finds it in another; one
    identity should have all its mentions. Persons also lend their surname
    ('Singh' after 'Sabrina Singh').
    """
    forms: dict[str, Candidate] = {}
    for c in cands:
        surface = text[c.start:c.end]
        forms.setdefault(surface, c)
        if c.label == "PERSON" and len(surface.split()) >= 2:
            forms.setdefault(surface.split()[-1], c)
        for alias in c.aliases:
            forms.setdefault(alias, c)
    for acronym, c in acronyms.items():
        forms.setdefault(acronym, c)
    forms = {f: c for f, c in forms.items() if len(f) >= 2 and any(ch.isupper() for ch in f)}
    for code, c in codes.items():  # "A380", "787s" of an "Airbus A380", a "Boeing 787"
        for form in (code, code + "s"):
            forms.setdefault(form, c)
    if not forms:
        return cands
    lower_words = _lower_words(text)
    taken = bytearray(len(text))
    for c in cands:
        taken[c.start:c.end] = b"\1" * c.length
    for start, end in values:  # 'US' in 'US$40 billion' is part of an amount
        if model_code(text[start:end]) not in codes:  # but "the 787" of a Boeing 787 is the plane
            taken[start:end] = b"\1" * (end - start)
    names = sorted(forms, key=lambda f: (-len(f), f))
    pattern = NameMatcher([(f, re.escape(f)) for f in names], r"(?<![\w.-])", r"(?![\w$-])")
    added = []
    for m in pattern.finditer(text):
        if any(taken[m.start():m.end()]):
            continue
        form = m.group()
        if " " not in form and _sentence_initial(text, m.start()) and form.lower() in lower_words:
            continue  # 'Will' opening a sentence is the verb when the text also writes 'will'
        src = forms[form]
        added.append(Candidate(m.start(), m.end(), src.label, PRIORITY_MODEL, "model", weight=0.5))
        taken[m.start():m.end()] = b"\1" * (m.end() - m.start())
    return sorted(cands + added, key=lambda c: (c.start, c.end))


def _lower_words(text: str) -> set[str]:
    return set(re.findall(r"(?<![\w])[a-z][\w-]*", text))


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?\n:"


def _group(cands: list[Candidate], text: str, glossary: Glossary | None,
           acronyms: dict[str, Candidate], products: dict[str, Candidate]) -> list[_Group]:
    """Put candidates that name the same thing into one group, in order of first mention."""
    groups: dict[str, _Group] = {}
    form_key: dict[str, str] = {}
    surname_key = _surnames(cands, glossary)
    code_key = {code: _full_key(c, glossary) for code, c in products.items()}
    nickname_of = {}  # "Dreamliner" -> "787", from "Boeing 787 Dreamliner"
    for code, c in products.items():
        words = c.surface.split()
        if len(words) >= 3 and model_code(words[-2]) == code and words[-1].isalpha():
            nickname_of.setdefault(words[-1].removesuffix("s"), code)
    acronym_key = {alias_key(a): id(c) for a, c in acronyms.items()}
    cand_key: dict[int, str] = {}
    org_short: dict[str, str] = {}  # "ford" -> the key of "Ford Motor Company"
    early: dict[str, Candidate] = {}  # acronym used before its long form -> the long form
    for c in cands:
        surface = _strip_possessive(text[c.start:c.end])
        long_form = acronyms.get(surface.replace(".", ""))
        if long_form is not None and long_form.start > c.start and id(long_form) not in cand_key:
            key = "a:" + alias_key(surface)  # "GM, Chrysler offer buyouts" above "General Motors (GM)"
            early[key] = long_form
        else:
            key = _identity_key(c, surface, glossary, form_key, surname_key, acronym_key, cand_key)
            if key.startswith("t:"):  # a name of its own so far: maybe a company's or a product's short one
                key = _short_name_key(c, surface, key, form_key, org_short, products, code_key, nickname_of)
        cand_key[id(c)] = key
        for form in (surface, *c.aliases, *([c.name] if c.name else [])):
            form_key.setdefault(alias_key(form), key)
            form_key.setdefault(CORPORATE_SUFFIX.sub("", alias_key(form)), key)
            if c.label == "ORG" and (short := _company_short(alias_key(form))):
                org_short.setdefault(short, key)
        groups.setdefault(key, _Group(key)).cands.append(c)
    for key, long_form in early.items():  # the early acronym joins its long form's identity
        target = cand_key.get(id(long_form))
        if target in groups and key in groups and target != key:
            groups[target].cands = sorted(groups[target].cands + groups.pop(key).cands,
                                          key=lambda c: (c.start, c.end))
    return list(groups.values())


def _surnames(cands: list[Candidate], glossary: Glossary | None) -> dict[str, tuple[str, int]]:
    """Surname -> (identity key of the full name, where the full name first appears).

    Headlines often use the surname before the body gives the full name, so
    this is collected before grouping rather than in reading order; the
    glossary's persons count as named before the text starts.
    """
    out: dict[str, tuple[str, int]] = {}
    people = [e for e in (glossary.entries if glossary else []) if e.type == "PERSON"]
    full_names = [(e.name, "g:" + e.name, -1) for e in people]
    for c in cands:
        if c.label == "PERSON" and c.entry is None:
            entry = glossary.entry_for(c.surface) if glossary is not None else None
            key = "g:" + entry.name if entry else "t:" + alias_key(c.surface)
            full_names.append((c.surface, key, c.start))
    for name, key, start in full_names:
        if len(name.split()) >= 2:
            out.setdefault(name.split()[-1], (key, start))
    return out


def _short_name_key(c: Candidate, surface: str, key: str, form_key: dict[str, str], org_short: dict[str, str],
                    products: dict[str, Candidate], code_key: dict[str, str],
                    nickname_of: dict[str, str]) -> str:
    """The identity a company's or a product's other name joins: "Ford Motor Company" and "Ford",
    "A380" and "Airbus A380", "Dreamliner" and "Boeing 787 Dreamliner"; else ``key``."""
    if c.label == "ORG":
        short = _company_short(alias_key(surface))
        if short and short in form_key:
            return form_key[short]  # "Ford Motor Company" after "Ford"
        if alias_key(surface) in org_short:
            return org_short[alias_key(surface)]  # "Ford" after "Ford Motor Company"
    code = _code_of(surface, products)
    if code not in code_key and " " not in surface:
        code = nickname_of.get(surface.removesuffix("s"))
    if code in code_key and c.label in ("PRODUCT", "ORG", "PERSON", "OTHER"):
        c.label = "PRODUCT"  # "787 Dreamliner" read as an ORG, "Dreamliner" as a PERSON: the plane
        return code_key[code]
    return key


def _company_short(key: str) -> str | None:
    """"ford motor company" -> "ford"; None when nothing but "Motors" would go ("general motors")."""
    short = CORPORATE_TAIL.sub("", key)
    removed = key[len(short):].replace(",", " ").split()
    return short if short and any(w not in ("motor", "motors") for w in removed) else None


def _code_of(surface: str, products: dict[str, Candidate]) -> str | None:
    """The known model code a name starts with ("A380", "787 Dreamliner"), or that it writes after
    the same maker ("Boeing 787 Dreamliner" beside "Boeing 787")."""
    words = surface.split()
    if not words:
        return None
    if (code := model_code(words[0])) in products:
        return code
    for w in words[1:]:
        code = model_code(w)
        if code in products and products[code].surface.split()[0] == words[0]:
            return code
    return None


def _full_key(c: Candidate, glossary: Glossary | None) -> str:
    """The identity key a full name ("Airbus A380") gets, for its short forms to join before it is met."""
    entry = c.entry or (glossary.entry_for(c.surface) if glossary is not None else None)
    if entry is not None:
        return "g:" + entry.name
    canonical = builtin_canonical(c.surface)
    return "b:" + canonical if canonical else "t:" + alias_key(c.name or c.surface)


def _identity_key(c: Candidate, surface: str, glossary: Glossary | None, form_key: dict[str, str],
                  surname_key: dict[str, tuple[str, int]], acronym_key: dict[str, int],
                  cand_key: dict[int, str]) -> str:
    if c.entry is not None:
        return "g:" + c.entry.name
    entry = glossary.entry_for(surface) if glossary is not None else None
    if entry is not None:
        return "g:" + entry.name
    canonical = builtin_canonical(surface)
    if canonical:
        entry = glossary.entry_for(canonical) if glossary is not None else None
        return "g:" + entry.name if entry is not None else "b:" + canonical
    k = alias_key(surface)
    short = CORPORATE_SUFFIX.sub("", k)
    if short != k and short in form_key:
        return form_key[short]
    if k in acronym_key and acronym_key[k] in cand_key and acronym_key[k] != id(c):
        return cand_key[acronym_key[k]]
    if k in form_key:
        return form_key[k]
    if " " not in surface and surface in surname_key:
        key, first = surname_key[surface]
        if c.start > first or c.label == "PERSON":  # before the full name, only a PERSON reading joins
            return key
    return "t:" + alias_key(c.name or surface)


def _build_entity(group: _Group, text: str, doc: Doc, glossary: Glossary | None) -> Entity:
    cands = group.cands
    surfaces = [_strip_possessive(text[c.start:c.end]) for c in cands]
    entry = next((c.entry for c in cands if c.entry is not None), None)
    if entry is None and group.key.startswith("g:") and glossary is not None:
        entry = glossary.entry_for(group.key[2:])
    canonical = group.key[2:] if group.key.startswith("b:") else None
    if entry is not None:
        name, etype = entry.name, entry.type or _vote_type(cands)
    else:
        forced = next((c.name for c in cands if c.name), None)
        longest = max(surfaces, key=lambda s: (len(s.split()), len(s), -surfaces.index(s)))
        name = canonical or forced or _singular(longest, cands)
        etype = (builtin_type(canonical) if canonical else None) or _vote_type(cands)
    aliases: list[str] = []
    for form in [*surfaces, *(a for c in cands for a in c.aliases)]:
        if form != name and form not in aliases and alias_key(form) != alias_key(name):
            aliases.append(form)
    if entry is not None:
        aliases = [a for a in aliases if not _is_plural_of(a, entry)]
    description = entry.description if entry is not None and entry.description else None
    if description is None:
        description = next((c.description for c in cands if c.description), None)
    if description is None:
        description = _appositive(doc, cands[0], text)
    sources = {c.source for c in cands}
    source = "glossary" if entry is not None else ("rules" if "rules" in sources else "model")
    mentions = sorted({Mention(c.start, c.end, text[c.start:c.end]) for c in cands})
    return Entity(id="", name=name, type=etype, aliases=aliases, description=description,
                  mentions=mentions, link=entry.link if entry is not None else None, source=source)


def _singular(name: str, cands: list[Candidate]) -> str:
    """A product is named in the singular: "Boeing 737s" and "Boeing 787 Dreamliners" are the
    Boeing 737 and the Boeing 787 Dreamliner."""
    if not name.endswith("s") or not any(c.label == "PRODUCT" for c in cands):
        return name
    words = name.split()
    if model_code(words[-1]) and words[-1][-2:-1].isdigit():
        return name[:-1]
    if len(words) >= 3 and model_code(words[-2]) and words[-1].isalpha():
        return name[:-1]
    return name


def _is_plural_of(form: str, entry: GlossaryEntry) -> bool:
    return any(form in (n + "s", n + "es") for n in entry.names)


def _vote_type(cands: list[Candidate]) -> str:
    votes: Counter[str] = Counter()
    for c in cands:
        votes[c.label] += c.weight
    # A lone capitalised word is often mistaken for a surname ('Ryanair said'); a person usually
    # appears at least once with a first name or a title, which makes the PERSON votes count fully.
    lone = all(" " not in c.surface and c.description is None and c.name is None for c in cands)
    if votes.get("PERSON") and len(votes) > 1 and lone:
        votes["PERSON"] /= 2
    best = max(votes.values())
    return min((t for t, v in votes.items() if v == best),
               key=lambda t: (TYPE_PRIORITY.index(t) if t in TYPE_PRIORITY else len(TYPE_PRIORITY), t))


def _appositive(doc: Doc, c: Candidate, text: str) -> str | None:
    """'Airbus, Europe's biggest planemaker,' -> the description 'Europe's biggest planemaker'."""
    if not text[c.end:].lstrip("'’s").startswith(","):
        return None
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return None
    for tok in doc[span.end:min(len(doc), span.end + 4)]:
        if tok.dep_ == "appos" and span.start <= tok.head.i < span.end:
            sub = doc[tok.left_edge.i:tok.right_edge.i + 1]
            if (sub.start <= span.end or not 2 <= len(sub) <= 15
                    or any(t.pos_ in ("VERB", "AUX") for t in sub)):
                return None
            after = doc[sub.end] if sub.end < len(doc) else None
            if after is not None and after.text not in (",", ".", ";", ")"):
                return None
            return sub.text.strip(" ,;")
    return None
