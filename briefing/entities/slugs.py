"""Stable ids for entities: slugs of the canonical name.

Ids appear in snapshots, URLs and event records, so they must depend on the
name only (never on order of discovery or on a counter that shifts when an
unrelated entity appears) and be plain ASCII.
"""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(name: str) -> str:
    """'US Central Command' -> 'us-central-command'; accents folded, '&' kept as 'and'."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    folded = folded.replace("&", " and ").replace("'", "").replace(".", "")
    slug = _NON_ALNUM.sub("-", folded.lower()).strip("-")
    return slug or "entity"


def unique_slug(name: str, taken: set[str]) -> str:
    """The slug of ``name``, suffixed ``-2``, ``-3``... when already taken in this article.

    Callers assign ids in a deterministic order (first mention), so the
    suffix is reproducible too; ``taken`` is updated.
    """
    base = slugify(name)
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug
