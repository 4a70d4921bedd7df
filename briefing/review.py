"""What changed in the annotations between two git revisions, as a Markdown report.

It compares the committed snapshots (``*.annotations.yml``), not the
articles: a reviewer sees the entities, places (with coordinates), times and
events that were added, removed or changed, ready to post on a pull request.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .snapshots import SUFFIX


class GitError(RuntimeError):
    """git failed (unknown revision, not a repository); the message is one line."""


def _git(args: list[str], cwd: Path) -> bytes:
    """git's standard output as bytes (snapshot contents need not be UTF-8); one-line errors."""
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True)
    except OSError as e:
        raise GitError(f"git {' '.join(args)}: {e.strerror or e}") from None
    if proc.returncode != 0:
        lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {' '.join(args)}: {lines[-1] if lines else 'failed'}")
    return proc.stdout


def _names(raw: bytes) -> list[str]:
    return sorted(n for n in raw.decode("utf-8", "replace").split("\0") if n.endswith(SUFFIX))


def top_level(folder: Path) -> Path:
    """The repository's top folder: git paths (``rev:path``) are relative to it, not to the cwd."""
    return Path(_git(["rev-parse", "--show-toplevel"], folder).decode("utf-8", "replace").strip())


def snapshots_at(rev: str | None, root: Path) -> dict[str, dict[str, Any]]:
    """Snapshot path -> parsed content, at a revision (None: the working tree)."""
    out: dict[str, dict[str, Any]] = {}
    if rev is None:
        for name in _names(_git(["ls-files", "-z", "--cached", "--others", "--exclude-standard"], root)):
            path = root / name
            try:
                raw = path.read_bytes()
            except FileNotFoundError:
                continue
            except OSError as e:
                out[name] = {"_error": f"{name}: unreadable snapshot ({e.strerror or e})"}
                continue
            out[name] = _parse(raw, name)
        return out
    for name in _names(_git(["ls-tree", "-r", "-z", "--name-only", "--full-tree", rev], root)):
        out[name] = _parse(_git(["show", f"{rev}:{name}"], root), name)
    return out


def _parse(raw: bytes, name: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(raw.decode("utf-8"))
    except UnicodeDecodeError as e:
        return {"_error": f"{name}: unreadable snapshot (not UTF-8 text, byte {e.start})"}
    except (yaml.YAMLError, ValueError):
        data = None
    return data if isinstance(data, dict) else {"_error": f"{name}: unreadable snapshot"}


# Inline Markdown that text from a snapshot must not form: emphasis, code, links and images,
# HTML, tables, strike-through; '#' for headings. Escaped with a backslash.
_MD_INLINE = re.compile(r"([\\`*_{}\[\]()!|~#])")
WJ = "\u2060"  # word joiner: invisible, but '@name', '#12' and 'https://' are no longer links


def md(value: object) -> str:
    """Any value as inert Markdown text on one line, for a pull-request comment.

    Markdown syntax is backslash-escaped and ``& < >`` become entities, so a name cannot add
    an image, a link, a heading or HTML; a word joiner after ``@`` and ``#`` and inside
    ``://`` keeps GitHub from notifying a user, linking an issue or autolinking a URL.
    """
    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_INLINE.sub(r"\\\1", text)
    text = re.sub(r"([@#])(?=\w)", "\\1" + WJ, text)
    text = re.sub(r"(?i)(\w)(://)", "\\1" + WJ + "\\2", text)
    return re.sub(r"(?i)\b(www)\.", "\\1" + WJ + ".", text)


def code(value: object) -> str:
    """A code span that no backtick inside ``value`` can close early."""
    text = " ".join(str(value).split())
    longest = max((len(r) for r in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {text} {fence}" if longest else f"`{text}`"


def _coords(p: dict) -> str:
    try:
        return f"{float(p.get('lat')):.3f}, {float(p.get('lon')):.3f}"
    except (TypeError, ValueError):
        return "no coordinates"


def _entity_line(e: dict) -> str:
    aliases = f" (also {', '.join(md(a) for a in e['aliases'])})" if e.get("aliases") else ""
    n = len(e.get("mentions") or [])
    return f"**{md(e['name'])}** {md(e['type'])}{aliases}, {n} mention{'' if n == 1 else 's'}"


def _when(ev: dict) -> str:
    return md(ev.get("label") or (ev.get("earliest") and f"{ev['earliest']}..{ev['latest']}") or "undated")


def _event_line(ev: dict) -> str:
    return f"{_when(ev)}: {md(ev['summary'])}"


def _entity_changed(a: dict, b: dict) -> str | None:
    changes = [
        f"{k} {md(repr(a.get(k)))} → {md(repr(b.get(k)))}"
        for k in ("name", "type", "aliases", "description", "link")
        if a.get(k) != b.get(k)
    ]
    na, nb = len(a.get("mentions") or []), len(b.get("mentions") or [])
    if na != nb:
        changes.append(f"mentions {na} → {nb}")
    return f"entity changed: **{md(b['name'])}**: {'; '.join(changes)}" if changes else None


def _place_added(p: dict) -> str:
    return f"**{md(p['name'])}** ({md(p['kind'])}) at {_coords(p)} via {md(p['source'])}"


def _place_removed(p: dict) -> str:
    return f"**{md(p['name'])}** ({md(p['kind'])}) at {_coords(p)}"


def _place_changed(a: dict, b: dict) -> str | None:
    if (_coords(a), a.get("kind"), a.get("source")) == (_coords(b), b.get("kind"), b.get("source")):
        return None
    return (
        f"place changed: **{md(b['name'])}**: {_coords(a)} ({md(a.get('kind'))}, "
        f"{md(a.get('source'))}) → {_coords(b)} ({md(b.get('kind'))}, {md(b.get('source'))})"
    )


def _time_key(t: dict) -> tuple:
    return (t["text"], t["type"], t["value"], t.get("mod"))


def _time(key: tuple) -> str:
    text, typ, value, mod = key
    return f"“{md(text)}” = {md(value)}{' ' + md(mod) if mod else ''} ({md(typ)})"


def _event_changed(a: dict, b: dict) -> str | None:
    when = ("earliest", "latest", "approximate")
    if tuple(a.get(k) for k in when) == tuple(b.get(k) for k in when):
        return None
    return f"event re-dated: {md(b['summary'])}: {_when(a)} → {_when(b)}"


@dataclass(frozen=True)
class _Kind:
    """How the report compares one kind of annotation between two snapshots."""

    name: str  # as the report's lines say it: "entity added: ..."
    field: str  # the snapshot's list of them
    key: Callable[[dict], Any]  # an item's identity across revisions
    added: Callable[[Any], str]  # an item's line (with ``repeats``, its key's)
    removed: Callable[[Any], str]
    changed: Callable[[dict, dict], str | None] | None = None  # the line for a changed item, if any
    repeats: bool = False  # items are their keys, a repeat one more item (times have no id)

    def lines(self, old: dict[str, Any], new: dict[str, Any]) -> list[str]:
        """Added, then removed, then changed items, each group sorted by key."""
        a, b = self._items(old), self._items(new)
        if self.repeats:  # Counters of keys: each repeat is an item, and its key is all it shows
            added, removed, kept = (b - a).elements(), (a - b).elements(), ()
            a = b = {k: k for k in a | b}
        else:
            added, removed, kept = b.keys() - a.keys(), a.keys() - b.keys(), a.keys() & b.keys()
        lines = [f"- {self.name} added: {self.added(b[k])}" for k in sorted(added)]
        lines += [f"- {self.name} removed: {self.removed(a[k])}" for k in sorted(removed)]
        if self.changed is not None:
            changed = (self.changed(a[k], b[k]) for k in sorted(kept))
            lines += [f"- {line}" for line in changed if line]
        return lines

    def _items(self, snapshot: dict[str, Any]) -> dict:
        items = snapshot.get(self.field) or []
        if self.repeats:
            return Counter(self.key(x) for x in items)
        return {self.key(x): x for x in items}


_KINDS = (
    _Kind("entity", "entities", lambda e: e["id"], _entity_line, _entity_line, _entity_changed),
    _Kind("place", "places", lambda p: p["entity"], _place_added, _place_removed, _place_changed),
    _Kind("time", "times", _time_key, _time, _time, repeats=True),
    _Kind("event", "events", lambda ev: ev["id"], _event_line, _event_line, _event_changed),
)


def compare(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Markdown bullet lines for one article's changes (empty when nothing changed)."""
    lines: list[str] = []
    od, nd = old.get("document") or {}, new.get("document") or {}
    if od.get("date") != nd.get("date"):
        lines.append(
            f"- document date: {md(od.get('date'))} → {md(nd.get('date'))} ({md(nd.get('date_source'))})"
        )
    for kind in _KINDS:
        lines += kind.lines(old, new)
    return lines


def report(base: str, head: str | None, root: Path) -> str:
    """The pull-request comment: one section per article whose annotations changed."""
    root = top_level(root)
    old, new = snapshots_at(base, root), snapshots_at(head, root)
    sections: list[str] = []
    for name in sorted(old.keys() | new.keys()):
        a, b = old.get(name, {}), new.get(name, {})
        if "_error" in a or "_error" in b:
            sections.append(f"### {code(name)}\n\n- {md(a.get('_error') or b.get('_error'))}")
            continue
        if not a:
            title = "(new article)"
        elif not b:
            title = "(article removed)"
        else:
            title = ""
        try:
            lines = compare(a, b)
        except (KeyError, TypeError, AttributeError, ValueError) as e:  # hand-edited or damaged
            lines = [f"- cannot compare: damaged snapshot ({type(e).__name__}: {md(e)})"]
        if lines:
            document = (b or a).get("document")
            heading = (document.get("title") if isinstance(document, dict) else None) or name
            sections.append(
                f"### {md(heading)} {title}".rstrip() + f"\n\n{code(name)}\n\n" + "\n".join(lines)
            )
    target = md(head or "working tree")
    if not sections:
        return f"## Annotation changes ({md(base)} → {target})\n\nNo annotation changes.\n"
    return f"## Annotation changes ({md(base)} → {target})\n\n" + "\n\n".join(sections) + "\n"


def stale_note(stale: list[str]) -> str:
    """The report's last word when snapshots of the working tree are stale: they do not match
    their article, glossary or extractor, so the changes above (or "No annotation changes")
    leave out what refreshing them would change. Empty when every snapshot is fresh."""
    if not stale:
        return ""
    n = len(stale)
    items = "\n".join(f"- {code(line)}" for line in stale)
    return (
        f"\n**{n} snapshot{'s are' if n > 1 else ' is'} stale**: {'they do' if n > 1 else 'it does'} not "
        "match the article, the glossary or the extractor, so this report leaves out what refreshing "
        f"{'them' if n > 1 else 'it'} would change. Run `mkdocs build` or "
        f"`briefing annotate --write FILE...` and commit the result:\n\n{items}\n"
    )
