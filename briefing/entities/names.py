"""Finding any of many names in a text, in time linear in the text and the number of names.

``re.compile(prefix + "(?:name1|name2|...)" + suffix).finditer(text)`` tries every alternative
at every position: 10,000 glossary names in a 400 KB article is 4 * 10^9 attempts. A name can
only match where the text has its first character, so the alternatives are grouped by that
character (case-folded: a superset is harmless) and each position only tries its own group, in
the original order. The matches are exactly those of the single pattern.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from functools import lru_cache

_ASCII_LETTERS = string.ascii_lowercase


class NameMatcher:
    """``finditer`` of ``prefix(?:alternatives)suffix``, dispatched by first character.

    ``alternatives`` are ``(name, regex)`` pairs in priority order (the first that matches at a
    position wins, as in a regex alternation); ``regex`` must start with ``name``'s first
    character, matched literally or case-insensitively.
    """

    def __init__(self, alternatives: list[tuple[str, str]], prefix: str, suffix: str) -> None:
        self.prefix, self.suffix = prefix, suffix
        self.groups: dict[str, list[int]] = {}
        self.anywhere: list[int] = []  # names starting with a non-ASCII character: tried everywhere
        self.bodies = [body for _, body in alternatives]
        for i, (name, _) in enumerate(alternatives):
            first = name[:1]
            if first.isascii():
                self.groups.setdefault(first.lower(), []).append(i)
            else:
                self.anywhere.append(i)
        if self.anywhere:
            starts = r"[\s\S]"
        else:
            chars = {c for k in self.groups for c in (k, k.upper())}
            starts = "[" + "".join(re.escape(c) for c in sorted(chars)) + "\u0080-\U0010ffff]"
        self._finder = re.compile(prefix + "(?=" + starts + ")")
        self._compiled: dict[tuple[int, ...], re.Pattern[str] | None] = {}

    def _pattern_at(self, char: str) -> re.Pattern[str] | None:
        keys = (char.lower(),) if char.isascii() else _ascii_equivalents(char)
        members = sorted({i for k in keys for i in self.groups.get(k, ())} | set(self.anywhere))
        key = tuple(members)
        if key not in self._compiled:
            self._compiled[key] = (
                re.compile(
                    self.prefix + "(?:" + "|".join(self.bodies[i] for i in members) + ")" + self.suffix
                )
                if members
                else None
            )
        return self._compiled[key]

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of the whole alternation, left to right, never overlapping."""
        pos = 0
        by_char: dict[str, re.Pattern[str] | None] = {}
        while True:
            found = self._finder.search(text, pos)
            if found is None:
                return
            at = found.start()
            char = text[at]
            if char not in by_char:
                by_char[char] = self._pattern_at(char)
            pattern = by_char[char]
            hit = pattern.match(text, at) if pattern is not None else None
            if hit is not None and hit.end() > at:
                yield hit
                pos = hit.end()
            else:
                pos = at + 1


@lru_cache(maxsize=4096)
def _ascii_equivalents(char: str) -> tuple[str, ...]:
    """ASCII letters that ``char`` matches case-insensitively (the Kelvin sign matches 'k')."""
    return tuple(c for c in _ASCII_LETTERS if re.fullmatch("(?i:" + c + ")", char))
