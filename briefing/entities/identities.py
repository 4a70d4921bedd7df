"""Grouping mentions into identities: one entity per thing, however many ways the text names it.

Each candidate gets an identity key: ``g:`` a glossary entry, ``b:`` a built-in alias, ``t:`` a
name of its own. Short forms join their full names: a surname its person, an acronym its long
form, 'Ford' its 'Ford Motor Company', 'A380' its 'Airbus A380'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .aliases import alias_key, builtin_canonical
from .candidate import Candidate
from .lang_en import CORPORATE_SUFFIXES, CORPORATE_TAIL_WORDS, LEGAL_FORMS, MAKER_WORDS, OPERATOR_HEADS
from .products import code_of, model_code
from .spans import strip_possessive

if TYPE_CHECKING:  # pragma: no cover
    from .glossary import Glossary


# A legal-form suffix at the end of an alias key ("boeing co").
CORPORATE_SUFFIX = re.compile(r",?\s+(?:" + "|".join(CORPORATE_SUFFIXES) + r")$")
# The words a company's full name adds to what the text calls it: "Ford Motor Company" is "Ford",
# "Chrysler Group LLC" is "Chrysler" (only an ORG, and only when the short name is in the text too).
CORPORATE_TAIL = re.compile(r"(?:,?\s+(?:" + "|".join(CORPORATE_TAIL_WORDS) + r"))+$")


@dataclass
class Group:
    """Mentions of one identity while they are being collected."""

    key: str
    cands: list[Candidate] = field(default_factory=list)


def group_candidates(cands: list[Candidate], text: str, glossary: Glossary | None,
           acronyms: dict[str, Candidate], products: dict[str, Candidate]) -> list[Group]:
    """Put candidates that name the same thing into one group, in order of first mention."""
    groups: dict[str, Group] = {}
    form_key: dict[str, str] = {}
    surname_key = _surnames(cands, glossary)
    given_key = _given_names(cands, surname_key)
    code_key = {code: _full_key(c, glossary) for code, c in products.items()}
    nickname_of = {}  # "Dreamliner" -> "787", from "Boeing 787 Dreamliner"
    for code, c in products.items():
        words = c.surface.split()
        nickname = words[-1].strip('"“”') if words else ""
        if len(words) >= 3 and model_code(words[-2]) == code and nickname.isalpha():
            nickname_of.setdefault(nickname.removesuffix("s"), code)
    acronym_key = {alias_key(a): id(c) for a, c in acronyms.items()}
    cand_key: dict[int, str] = {}
    org_short: dict[str, str] = {}  # "ford" -> the key of "Ford Motor Company"
    operator_short: dict[str, str] = {}  # "china eastern" -> the key of "China Eastern Airlines"
    early: dict[str, Candidate] = {}  # acronym used before its long form -> the long form
    for c in cands:
        surface = strip_possessive(text[c.start:c.end])
        long_form = acronyms.get(surface.replace(".", ""))
        if long_form is not None and long_form.start > c.start and id(long_form) not in cand_key:
            key = "a:" + alias_key(surface)  # "GM, Chrysler offer buyouts" above "General Motors (GM)"
            early[key] = long_form
        else:
            key = _identity_key(c, surface, glossary, form_key, surname_key, acronym_key, cand_key)
            full = given_key.get(surface) if key.startswith("t:") and c.label == "PERSON" else None
            if full is not None and full.start < c.start and id(full) in cand_key:
                key = cand_key[id(full)]  # "Elian" after "Elian Gonzalez"
            if key.startswith("t:"):  # a name of its own so far: maybe a company's or a product's short one
                key = _short_name_key(c, surface, key, form_key, org_short, products, code_key, nickname_of)
            if key.startswith("t:") and c.label == "ORG" and alias_key(surface) in operator_short:
                key = operator_short[alias_key(surface)]  # "China Eastern" after "China Eastern Airlines"
        cand_key[id(c)] = key
        for form in (surface, *c.aliases, *([c.name] if c.name else [])):
            form_key.setdefault(alias_key(form), key)
            form_key.setdefault(CORPORATE_SUFFIX.sub("", alias_key(form)), key)
            if c.label == "ORG" and (short := _company_short(alias_key(form))):
                org_short.setdefault(short, key)
            if c.label == "ORG" and (short := _operator_short(alias_key(form))):
                operator_short.setdefault(short, key)
        groups.setdefault(key, Group(key)).cands.append(c)
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


def _given_names(cands: list[Candidate], surname_key: dict[str, tuple[str, int]]) -> dict[str, Candidate]:
    """Given name -> the first mention of the one full name that has it ("Elian" -> "Elian
    Gonzalez", "Saddam" -> "Saddam Hussein"), when no other person in the text has it and it is no
    one's surname: a story calls a child, or a leader, by the given name alone."""
    out: dict[str, Candidate] = {}
    taken: set[str] = set()
    for c in cands:
        words = c.surface.split()
        if c.label != "PERSON" or len(words) != 2 or not all(w[:1].isupper() for w in words):
            continue
        first = out.setdefault(words[0], c)
        if alias_key(first.surface) != alias_key(c.surface):
            taken.add(words[0])  # two people share it: it names neither
    return {g: c for g, c in out.items() if g not in taken and g not in surname_key}


def _short_name_key(c: Candidate, surface: str, key: str, form_key: dict[str, str], org_short: dict[str, str],
                    products: dict[str, Candidate], code_key: dict[str, str],
                    nickname_of: dict[str, str]) -> str:
    """The identity a company's or a product's other name joins: "Ford Motor Company" and "Ford",
    "A380" and "Airbus A380", "Dreamliner" and "Boeing 787 Dreamliner"; else ``key``."""
    if c.label == "ORG":
        short = _company_short(alias_key(surface))
        if short and short in form_key:
            return form_key[short]  # "Ford Motor Company" after "Ford"
    if (c.label == "ORG" or c.label == "PERSON" and " " not in surface) and alias_key(surface) in org_short:
        # "Ford" after "Ford Motor Company"; "Cerberus" after "Cerberus Capital Management", even
        # when the model takes the lone word for a surname (a person's surname joined before this)
        c.label = "ORG"
        return org_short[alias_key(surface)]
    code = code_of(surface, products)
    if code not in code_key and " " not in surface:
        code = nickname_of.get(surface.removesuffix("s"))
    if code in code_key and c.label in ("PRODUCT", "ORG", "PERSON", "OTHER"):
        c.label = "PRODUCT"  # "787 Dreamliner" read as an ORG, "Dreamliner" as a PERSON: the plane
        return code_key[code]
    return key


# The legal form at the end of a company's written name ("General Motors Corporation", "EADS N.V.",
# "Chrysler LLC"), and a maker's "Motor" before it ("Ford Motor Company", "Toyota Motor Corp.").
_LEGAL_TAIL = re.compile(r"(?:,?\s+(?:" + "|".join(LEGAL_FORMS) + r")\.?)+$", re.I)
_MOTOR_TAIL = re.compile(r"\s+Motor(?:\s+Company)?$")


def company_short_names(name: str) -> list[str]:
    """What else a company's full name is written as: without its legal form ("General Motors
    Corporation" -> "General Motors"), and a "X Motor Company" as "X" ("Ford Motor Company" ->
    "Ford Motor", "Ford"). These are its aliases, so that a briefing calling it "Ford" is about the
    same company. "General Motors" keeps its "Motors": that is its name."""
    if " " not in name:
        return []
    bare = _LEGAL_TAIL.sub("", name)
    out = [bare] if bare != name else []
    if _MOTOR_TAIL.search(bare):
        out.append(_MOTOR_TAIL.sub("", bare))
    return [n for n in out if n]


def _company_short(key: str) -> str | None:
    """"ford motor company" -> "ford"; None when nothing but "Motors" would go ("general motors")."""
    short = CORPORATE_TAIL.sub("", key)
    removed = key[len(short):].replace(",", " ").split()
    return short if short and any(w not in MAKER_WORDS for w in removed) else None


def _operator_short(key: str) -> str | None:
    """"china eastern airlines" -> "china eastern": an airline is called by its name without
    "Airlines", when the text reads that short name as an organisation's (the model reads
    "Singapore", alone, as the country: it stays one)."""
    words = key.split()
    return " ".join(words[:-1]) if len(words) >= 2 and words[-1] in OPERATOR_HEADS else None


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
