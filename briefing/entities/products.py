"""Products with a model code: 'Boeing 747', 'Airbus A380', 'Boeing 787 Dreamliner'.

A maker followed by a model code is a product; a bare code ('the A380', '787s') is the product the
text named with its maker, unless two makers share the code.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .candidate import PRIORITY_RULE, Candidate
from .lang_en import AMOUNT_WORDS, OPERATOR_HEADS, ORDINAL_WORDS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token


MODEL_CODE = re.compile(r"^[A-Z]{0,3}-?\d[\w-]*$")
VERSION = re.compile(r"^\d+(?:\.\d+){1,3}$")
YEAR = re.compile(r"^(?:1[89]|20)\d\d$")


def with_model_code(c: Candidate, span) -> Candidate:
    """'Boeing 747', 'Airbus A380': a maker or product followed by a model code is a product."""
    if c.label not in ("ORG", "PRODUCT"):
        return c
    doc = span.doc
    if operator_name(span):
        return c  # "American Airlines 777": the airline flies the plane, it does not make it
    end = span.end
    while end < len(doc) and (model_code_token(doc[end]) or c.label == "PRODUCT" and version_token(doc[end])):
        end = glued_end(doc, end + 1)
    if end == span.end:
        return c
    if end < len(doc) and _model_nickname(doc[end]):
        end += 1  # "Boeing 787 Dreamliner": the nickname is part of the name
    elif end + 2 < len(doc) and _quoted_nickname(doc[end:end + 3]):
        end += 3  # 'Boeing 787 "Dreamliner"', as some write it
    return replace(c, end=doc[end - 1].idx + len(doc[end - 1].text), label="PRODUCT", priority=PRIORITY_RULE,
                   source="rules")


def without_ordinal(c: Candidate, span: Span) -> Candidate:
    """'First Airbus A380 delivered': an ordinal opening a maker's name and a model code is the
    headline's word ('the first A380'), not part of the product's name."""
    if len(span) < 3 or span[0].lower_ not in ORDINAL_WORDS or not span[0].is_title:
        return c
    if not any(model_code_token(t) for t in span[2:]) or not span[1].text[:1].isupper():
        return c
    return replace(c, start=span[1].idx, label="PRODUCT", priority=PRIORITY_RULE, source="rules")


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


def _quoted_nickname(toks) -> bool:
    """'"Dreamliner"' right after a model code: a nickname in quotes."""
    return (toks[0].text in ('"', "“") and toks[2].text in ('"', "”") and toks[0].whitespace_ == ""
            and toks[1].whitespace_ == "" and _model_nickname(toks[1]))


def model_code(word: str) -> str | None:
    """The model code a word writes ("A380", "787", "737s" -> "737"), or None."""
    if word.endswith("s") and word[-2:-1].isdigit():
        word = word[:-1]
    return word if MODEL_CODE.match(word) and not YEAR.match(word) and len(word) >= 3 else None


def names_a_model(word: str) -> bool:
    """Whether a word written alone is a model code ("A380", "787s"): round numbers ("300s", "the
    1000") count things, they name no model."""
    code = model_code(word)
    return code is not None and not (code.isdigit() and code.endswith("00"))


def product_codes(cands: list[Candidate], text: str) -> dict[str, Candidate]:
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


def glued_end(doc: Doc, end: int) -> int:
    """The end of a model code the tokenizer cut at a letter or a hyphen ('A400' + 'M', '737' + '-' +
    '800'): letters, digits and inner hyphens written without a space go on the code."""
    while end < len(doc) and doc[end - 1].whitespace_ == "":
        tok = doc[end]
        if tok.text.isalnum():
            end += 1
        elif (tok.text == "-" and tok.whitespace_ == "" and end + 1 < len(doc)
              and doc[end + 1].text.isalnum()):
            end += 2
        else:
            break
    return end


def operator_name(span: Span) -> bool:
    """Whether a name ends with a word for an operator of vehicles ('American Airlines'): a model
    code after it is the operator's plane or train, the name is no maker of it."""
    return span[-1].lower_ in OPERATOR_HEADS and span[-1].text[:1].isupper()


def version_token(tok: Token) -> bool:
    """A version number after a product's name ('iPod Software 1.1.1', 'iPhone 3.0'); the model
    reads '1.1.1' as a time, but a time has one separator at most."""
    if not VERSION.match(tok.text) or tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY"):
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    amount = nxt is not None and nxt.lower_ in AMOUNT_WORDS
    return tok.text.count(".") >= 2 or tok.ent_type_ != "TIME" and not amount


def model_code_token(tok: Token) -> bool:
    if not MODEL_CODE.match(tok.text) or YEAR.match(tok.text):
        return False
    if tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"):
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return not (nxt is not None and nxt.lower_ in AMOUNT_WORDS)


def code_of(surface: str, products: dict[str, Candidate]) -> str | None:
    """The known model code a name starts with ("A380", "787 Dreamliner"), or that it writes after
    the same maker ("Boeing 787 Dreamliner" beside "Boeing 787"), also without the maker's initial
    that the code starts with ("Airbus 380" beside "Airbus A380")."""
    words = surface.split()
    if not words:
        return None
    if (code := model_code(words[0])) in products:
        return code
    for w in words[1:]:
        code = model_code(w)
        for known in (words[0][:1].upper() + code if code and code.isdigit() else None, code):
            if known in products and products[known].surface.split()[0] == words[0]:
                return known
    return None


def singular(name: str, cands: list[Candidate]) -> str:
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
