"""Stable ids for entities: slugs of the canonical name.

Ids appear in snapshots, URLs and event records, so they must depend on the
name only (never on order of discovery or on a counter that shifts when an
unrelated entity appears) and be plain ASCII.
"""

from __future__ import annotations

from briefing.slugs import slug_or_hash


def slugify(name: str) -> str:
    """'US Central Command' -> 'us-central-command'; names in other scripts get a hashed id."""
    return slug_or_hash(name, "entity", max_len=200)


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
