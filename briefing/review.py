"""What changed in the annotations between two git revisions, as a Markdown report.

It compares the committed snapshots (``*.annotations.yml``), not the
articles: a reviewer sees the entities, places (with coordinates), times and
events that were added, removed or changed, ready to post on a pull request.
"""

from __future__ import annotations

import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from .snapshots import SUFFIX


class GitError(RuntimeError):
    """git failed (unknown revision, not a repository); the message is one line."""


def _git(args: list[str], cwd: Path) -> str:
    proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        lines = proc.stderr.strip().splitlines()
        raise GitError(f"git {' '.join(args)}: {lines[-1] if lines else 'failed'}")
    return proc.stdout


def snapshots_at(rev: str | None, root: Path) -> dict[str, dict[str, Any]]:
    """Snapshot path -> parsed content, at a revision (None: the working tree)."""
    out: dict[str, dict[str, Any]] = {}
    if rev is None:
        names = _git(["ls-files", "-z", "--cached", "--others", "--exclude-standard"], root).split("\0")
        for name in sorted(n for n in names if n.endswith(SUFFIX)):
            path = root / name
            if path.exists():
                out[name] = _parse(path.read_text(encoding="utf-8"), name)
        return out
    names = _git(["ls-tree", "-r", "-z", "--name-only", rev], root).split("\0")
    for name in sorted(n for n in names if n.endswith(SUFFIX)):
        out[name] = _parse(_git(["show", f"{rev}:{name}"], root), name)
    return out


def _parse(text: str, name: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        data = None
    return data if isinstance(data, dict) else {"_error": f"{name}: unreadable snapshot"}


def _coords(p: dict) -> str:
    try:
        return f"{float(p.get('lat')):.3f}, {float(p.get('lon')):.3f}"
    except (TypeError, ValueError):
        return "no coordinates"


def _entity_line(e: dict) -> str:
    aliases = f" (also {', '.join(e['aliases'])})" if e.get("aliases") else ""
    n = len(e.get("mentions") or [])
    return f"**{e['name']}** {e['type']}{aliases}, {n} mention{'' if n == 1 else 's'}"


def _event_line(ev: dict) -> str:
    when = ev.get("label") or (ev.get("earliest") and f"{ev['earliest']}..{ev['latest']}") or "undated"
    return f"{when}: {ev['summary']}"


def compare(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Markdown bullet lines for one article's changes (empty when nothing changed)."""
    lines: list[str] = []
    od, nd = old.get("document") or {}, new.get("document") or {}
    if od.get("date") != nd.get("date"):
        lines.append(f"- document date: {od.get('date')} → {nd.get('date')} ({nd.get('date_source')})")
    oe = {e["id"]: e for e in old.get("entities") or []}
    ne = {e["id"]: e for e in new.get("entities") or []}
    for eid in sorted(ne.keys() - oe.keys()):
        lines.append(f"- entity added: {_entity_line(ne[eid])}")
    for eid in sorted(oe.keys() - ne.keys()):
        lines.append(f"- entity removed: {_entity_line(oe[eid])}")
    for eid in sorted(oe.keys() & ne.keys()):
        a, b = oe[eid], ne[eid]
        changes = [
            f"{k} {a.get(k)!r} → {b.get(k)!r}"
            for k in ("name", "type", "aliases", "description", "link")
            if a.get(k) != b.get(k)
        ]
        na, nb = len(a.get("mentions") or []), len(b.get("mentions") or [])
        if na != nb:
            changes.append(f"mentions {na} → {nb}")
        if changes:
            lines.append(f"- entity changed: **{b['name']}**: {'; '.join(changes)}")
    op = {p["entity"]: p for p in old.get("places") or []}
    np_ = {p["entity"]: p for p in new.get("places") or []}
    for pid in sorted(np_.keys() - op.keys()):
        p = np_[pid]
        lines.append(f"- place added: **{p['name']}** ({p['kind']}) at {_coords(p)} via {p['source']}")
    for pid in sorted(op.keys() - np_.keys()):
        p = op[pid]
        lines.append(f"- place removed: **{p['name']}** ({p['kind']}) at {_coords(p)}")
    for pid in sorted(op.keys() & np_.keys()):
        a, b = op[pid], np_[pid]
        if (_coords(a), a.get("kind"), a.get("source")) != (_coords(b), b.get("kind"), b.get("source")):
            lines.append(
                f"- place changed: **{b['name']}**: {_coords(a)} ({a.get('kind')}, {a.get('source')}) → "
                f"{_coords(b)} ({b.get('kind')}, {b.get('source')})"
            )
    ot = Counter((t["text"], t["type"], t["value"], t.get("mod")) for t in old.get("times") or [])
    nt = Counter((t["text"], t["type"], t["value"], t.get("mod")) for t in new.get("times") or [])
    for key in sorted((nt - ot).elements()):
        lines.append(f"- time added: “{key[0]}” = {key[2]}{' ' + key[3] if key[3] else ''} ({key[1]})")
    for key in sorted((ot - nt).elements()):
        lines.append(f"- time removed: “{key[0]}” = {key[2]}{' ' + key[3] if key[3] else ''} ({key[1]})")
    ov = {ev["id"]: ev for ev in old.get("events") or []}
    nv = {ev["id"]: ev for ev in new.get("events") or []}
    for vid in sorted(nv.keys() - ov.keys()):
        lines.append(f"- event added: {_event_line(nv[vid])}")
    for vid in sorted(ov.keys() - nv.keys()):
        lines.append(f"- event removed: {_event_line(ov[vid])}")
    for vid in sorted(ov.keys() & nv.keys()):
        a, b = ov[vid], nv[vid]
        if (a.get("earliest"), a.get("latest"), a.get("approximate")) != (
            b.get("earliest"),
            b.get("latest"),
            b.get("approximate"),
        ):
            lines.append(
                f"- event re-dated: {b['summary']}: {_event_line(a).split(':')[0]} → "
                f"{_event_line(b).split(':')[0]}"
            )
    return lines


def report(base: str, head: str | None, root: Path) -> str:
    """The pull-request comment: one section per article whose annotations changed."""
    old, new = snapshots_at(base, root), snapshots_at(head, root)
    sections: list[str] = []
    for name in sorted(old.keys() | new.keys()):
        a, b = old.get(name, {}), new.get(name, {})
        if "_error" in a or "_error" in b:
            sections.append(f"### `{name}`\n\n- {(a.get('_error') or b.get('_error'))}")
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
            lines = [f"- cannot compare: damaged snapshot ({type(e).__name__}: {e})"]
        if lines:
            heading = (b or a).get("document", {}).get("title") or name
            sections.append(f"### {heading} {title}".rstrip() + f"\n\n`{name}`\n\n" + "\n".join(lines))
    target = head or "working tree"
    if not sections:
        return f"## Annotation changes ({base} → {target})\n\nNo annotation changes.\n"
    return f"## Annotation changes ({base} → {target})\n\n" + "\n\n".join(sections) + "\n"
