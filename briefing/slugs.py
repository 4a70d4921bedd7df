"""Stable, readable ids derived from content (no counters, no randomness)."""

from __future__ import annotations

import hashlib
import re
import unicodedata


def slugify(text: str, max_len: int = 80) -> str:
    """ASCII lower-case words joined by hyphens: 'US Central Command' -> 'us-central-command'.

    Accents are folded, '&' reads 'and', apostrophes and dots vanish ("U.S." -> 'us'); words
    are kept whole up to ``max_len`` characters. Text in other scripts gives ''.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    folded = re.sub(r"['.]", "", folded.replace("&", " and "))
    slug = ""
    for word in re.findall(r"[a-z0-9]+", folded.lower()):
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_len:
            break
        slug = candidate
    return slug


def slug_or_hash(text: str, prefix: str, max_len: int = 80) -> str:
    """``slugify(text)``, or ``prefix-<hash>`` when nothing ASCII is left: still stable, never shared."""
    return slugify(text, max_len) or f"{prefix}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}"
