"""Candidates from rules, where the model is weak on news: job titles glued to names ('Pentagon
Press'), lower-case natural features ('the Syrian desert'), products named after a noun
('platform X', 'iPhone'), names defined by an acronym ('General Motors (GM)').
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from .acronyms import initials_fit
from .aliases import builtin_canonical, builtin_type
from .candidate import LABEL_MAP, NUMERIC_LABELS, PRIORITY_RULE, Candidate, is_cap
from .lang_en import (
    AMOUNT_WORDS,
    APPOSITION_TYPES,
    CONNECTORS,
    HONORIFICS,
    ORG_HEADS,
    PLATFORM_NOUNS,
    ROLE_WORDS,
    SENTENCE_OPENERS,
    STORM_WORDS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
    WEAK_TITLE_WORDS,
)
from .places import bare_rivers, region_names, water_names
from .products import glued_end, model_code_token, names_a_model, version_token

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token


CAMEL_PRODUCT = re.compile(r"^[a-z]{1,3}[A-Z][A-Za-z0-9]+$")
# A model code with a plural s, alone: 'A320s', '787s', 'B-52s'.
PLURAL_CODE = re.compile(r"(?<![\w$£€.-])[A-Z]{0,3}-?\d[\dA-Z-]*\ds(?![\w-])")
CAMEL_IN_TEXT = re.compile(r"(?<![A-Za-z0-9])[a-z]{1,3}[A-Z][A-Za-z0-9]+")


def rule_candidates(doc: Doc, text: str) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """Candidates from the rules, and spans where model entities must be dropped (job titles)."""
    head_end = text.find("\n")
    cands, blocked = _job_titles(doc, head_end)
    cands += region_names(doc)
    cands += water_names(doc)
    cands += bare_rivers(doc)
    cands += _platform_products(doc)
    cands += _camel_products(doc)
    cands += _defined_acronyms(doc)
    cands += _storms(doc)
    cands += _introduced_organisations(doc)
    cands += _appositive_names(doc)
    cands += _airlines(doc)
    cands += _plural_model_codes(doc)
    return cands, blocked


def _plural_model_codes(doc: Doc) -> list[Candidate]:
    """'24 A320s', 'its 787s': a model code in the plural is a product (nobody counts roads or
    years that way: '1990s' and '30s' are no codes), named or not with its maker."""
    out = []
    for m in PLURAL_CODE.finditer(doc.text):
        word = m.group()
        span = doc.char_span(m.start(), m.end())
        if span is None or len(span) != 1 or not names_a_model(word) or _amount_follows(span[0]):
            continue
        out.append(Candidate(m.start(), m.end(), "PRODUCT", PRIORITY_RULE, "rules"))
    return out


def _amount_follows(tok: Token) -> bool:
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return (nxt is not None and nxt.lower_ in AMOUNT_WORDS) or (prev is not None and prev.is_currency)


def _introduced_organisations(doc: Doc) -> list[Candidate]:
    """'electronics retailer Best Buy', 'private equity firm Cerberus Capital': a lower-case noun
    for a kind of organisation announces the name after it (an ORG, whatever its words suggest)."""
    out = []
    for tok in doc[:-1]:
        if APPOSITION_TYPES.get(tok.lower_) != "ORG" or tok.tag_ != "NN" or not tok.text.islower():
            continue
        j = tok.i + 1
        while (j < len(doc) and j - tok.i <= 4 and is_cap(doc[j]) and doc[j].tag_ in ("NNP", "NNPS")
               and doc[j].ent_type_ not in NUMERIC_LABELS and doc[j].lower_ not in TITLE_WORDS):
            j += 1
        if j > tok.i + 1 and not (j < len(doc) and is_cap(doc[j])):
            span = doc[tok.i + 1:j]
            out.append(Candidate(span.start_char, span.end_char, "ORG", PRIORITY_RULE, "rules", weight=2.0))
    return out


def _appositive_names(doc: Doc) -> list[Candidate]:
    """'its Italian division, Vostra.': a capitalised name in apposition to a lower-case noun for a
    kind of organisation is one (the model leaves such names out or reads them as places; a name it
    reads as a person stays one, and nouns for products are too vague: 'his successor, Zardari')."""
    out = []
    for tok in doc[:-2]:
        if APPOSITION_TYPES.get(tok.lower_) != "ORG" or tok.tag_ != "NN" or not tok.text.islower() \
                or doc[tok.i + 1].text != ",":
            continue
        i = j = tok.i + 2
        while j < len(doc) and j - i < 4 and is_cap(doc[j]) and doc[j].tag_ in ("NNP", "NNPS") \
                and doc[j].ent_type_ not in NUMERIC_LABELS | {"PERSON"} and doc[j].lower_ not in TITLE_WORDS:
            j += 1
        if j > i and (j == len(doc) or doc[j].text in (".", ",", ";", ")") or doc[j].is_space):
            span = doc[i:j]  # the text says what the name is: that outvotes the capitals read elsewhere
            out.append(Candidate(span.start_char, span.end_char, "ORG", PRIORITY_RULE, "rules", weight=3.0))
    return out


def _airlines(doc: Doc) -> list[Candidate]:
    """'Air China', 'Air Malta': 'Air' and a country or a city name an airline (an ORG), not the
    place the model reads in the second word."""
    out = []
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if tok.text != "Air" or nxt.ent_type_ != "GPE" or nxt.ent_iob_ != "B" or not nxt.is_title:
            continue
        end = nxt.i + 1
        while end < len(doc) and doc[end].ent_type_ == "GPE" and doc[end].ent_iob_ == "I":
            end += 1
        if end < len(doc) and is_cap(doc[end]):
            continue  # 'Air Canada Centre', 'Air China Cargo': a longer name, left to the model
        last = doc[end - 1]
        out.append(Candidate(tok.idx, last.idx + len(last.text), "ORG", PRIORITY_RULE, "rules"))
    return out


def _storms(doc: Doc) -> list[Candidate]:
    """'Storm Ingrid', 'Hurricane Maria', 'Tropical Storm Alberto': a named storm is an EVENT, never
    a person named Ingrid; its given name alone later is the storm too."""
    out = []
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if tok.lower_ not in STORM_WORDS or not tok.is_title or not nxt.is_title or nxt.tag_ != "NNP":
            continue
        before = doc[tok.i - 1] if tok.i > 0 else None
        start = tok.i - 1 if before is not None and before.lower_ == "tropical" and before.is_title else tok.i
        out.append(Candidate(doc[start].idx, nxt.idx + len(nxt.text), "EVENT", PRIORITY_RULE, "rules",
                             weight=2.0, aliases=(nxt.text,)))  # 'Ingrid' later is the storm
    return out


def _defined_acronyms(doc: Doc) -> list[Candidate]:
    """'General Motors (GM)': the capitalised words before a fitting acronym are one name."""
    out = []
    for i, j in _cap_runs(doc):
        if j + 2 >= len(doc) or doc[j].text != "(" or doc[j + 2].text != ")":
            continue
        while i < j and doc[i].is_sent_start and doc[i].lower_ in SENTENCE_OPENERS:
            i += 1
        acronym, words = doc[j + 1].text, [t.text for t in doc[i:j] if is_cap(t)]
        if len(words) < 2 or not acronym.isupper() or not initials_fit(acronym, " ".join(words)):
            continue
        if acronym[0] != words[0][0]:
            continue
        label = doc[j + 1].ent_type_ or "ORG"
        label = "ORG" if label in NUMERIC_LABELS else label
        out.append(Candidate(doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text), LABEL_MAP.get(label, label),
                             PRIORITY_RULE, "rules"))
    return out


def _cap_runs(doc: Doc) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens (connectors like 'of' allowed inside), within a sentence."""
    runs, i, n = [], 0, len(doc)
    while i < n:
        if not is_cap(doc[i]):
            i += 1
            continue
        j = i + 1
        # The parser's sentence starts are unreliable inside capitalised runs ('General | Motors'):
        # only punctuation and line breaks end a run.
        while j < n and doc[j - 1].text not in (".", "!", "?", ":", ";") and not doc[j - 1].is_space:
            if is_cap(doc[j]):
                j += 1
            elif doc[j].lower_ in CONNECTORS and j + 1 < n and is_cap(doc[j + 1]) and doc[j].lower_ != "and":
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
        if not (has_person or looks_person) or not _role_fits(doc, i, k, name, titles):
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


def _role_fits(doc: Doc, i: int, k: int, name, titles: list[int]) -> bool:
    """A role ('Farmer', 'Volunteer') is a title only when it opens the run and what follows
    looks like a person: 'Farmer Tom Ashworth', not 'Cookville Volunteer Fire Department'."""
    if any(doc[t].lower_.rstrip(".") not in ROLE_WORDS for t in titles):
        return True
    pure = all(_title_part(t) for t in doc[i:k + 1])
    return pure and name[-1].lower_ not in ORG_HEADS


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


def _platform_products(doc: Doc) -> list[Candidate]:
    """'social media platform X', 'messaging app Signal': the capitalised name after the noun."""
    out = []
    for tok in doc[:-1]:
        if tok.lower_ not in PLATFORM_NOUNS or tok.tag_ not in ("NN", "NNS"):
            continue
        j = tok.i + 1
        while j < len(doc) and j - tok.i <= 3 and is_cap(doc[j]) and doc[j].ent_type_ != "GPE":
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
            while end < len(doc) and (model_code_token(doc[end]) or version_token(doc[end])):
                end = glued_end(doc, end + 1)
            span = doc[tok.i:end]
            out.append(Candidate(span.start_char, span.end_char, "PRODUCT", PRIORITY_RULE, "rules"))
    return out
