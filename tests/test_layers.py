"""Data flows one way: sources -> stages -> Annotations -> render -> plugin (issue #15).

Every module of ``briefing/`` is parsed (``ast``, nothing imported) and its imports checked,
those inside functions and ``TYPE_CHECKING`` blocks included: a lazy import is a dependency too.

- ``render/`` takes Annotations and the site's structure, not the stages that made them;
- no stage reaches up into rendering or the entry points;
- the entry points (the MkDocs plugin and the command, with the modules they are made of) reach
  the stages only through the orchestration layer (``pipeline``, ``batch``, ``siteconfig``);
- no module over 400 lines.

``from X import y`` counts as importing ``X.y`` when that is a module of the package, else ``X``.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "briefing"
MAX_LINES = 400

# The stages, as patterns of module names ("events" also covers events_*.py modules split off).
STAGES = {
    "entities": r"briefing\.entities",
    "temporal": r"briefing\.temporal",
    "geo": r"briefing\.geo",
    "events": r"briefing\.events\w*",
    "nlp": r"briefing\.nlp",
}
# What render/ must not import: the stages and the sources, with the few modules it may use.
RENDER_FORBIDDEN = {
    **STAGES,
    "sources": r"briefing\.sources",
}
RENDER_ALLOWED: tuple[str, ...] = ()  # render/ reads shared modules (basemap, datelabels, markup) only
ABOVE_STAGES = ("briefing.render", "briefing.plugin", "briefing.cli")
# Modules below rendering that must not reach up into it either (the site structure, the checks).
BELOW_RENDER = ("briefing.structure", "briefing.checklist", "briefing.model", "briefing.schema",
                "briefing.pipeline", "briefing.batch", "briefing.snapshots", "briefing.sources")
# The entry points and the modules they are made of (MkDocs' or argparse's side of the line).
ADAPTERS = (
    "briefing.plugin",
    "briefing.briefingpages",
    "briefing.siteannotations",
    "briefing.sitebuild",
    "briefing.sitenav",
    "briefing.watch",
    "briefing.cli",
    "briefing.targets",
)



def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    """Every module of the package by dotted name."""
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


@cache
def imports(name: str) -> frozenset[str]:
    """The modules ``name`` imports, as dotted names (relative imports resolved)."""
    path = modules()[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            for alias in node.names:
                sub = f"{origin}.{alias.name}"
                found.add(sub if sub in modules() else origin)
    return frozenset(found)


def _matches(name: str, pattern: str) -> bool:
    return re.match(pattern + r"(\.|$)", name) is not None


def _is_stage(name: str) -> bool:
    return any(_matches(name, p) for p in STAGES.values())


def _allowed(name: str, allowed: tuple[str, ...]) -> bool:
    return any(name == a or name.startswith(a + ".") for a in allowed)


def test_the_package_is_found():
    assert "briefing.plugin" in modules() and "briefing.render.page" in modules()
    assert "briefing.basemap" in imports("briefing.render.mapsvg")  # relative imports resolved
    assert all(a in modules() for a in ADAPTERS), "an adapter module was renamed: update ADAPTERS"


@pytest.mark.parametrize("forbidden", list(RENDER_FORBIDDEN))
def test_render_imports_no_stage(forbidden: str):
    pattern = RENDER_FORBIDDEN[forbidden]
    bad = sorted(
        f"{m} imports {i}"
        for m in modules()
        if _matches(m, r"briefing\.render")
        for i in imports(m)
        if _matches(i, pattern) and not _allowed(i, RENDER_ALLOWED)
    )
    assert not bad, "\n".join(bad)


def test_structure_and_orchestration_import_no_render():
    bad = sorted(
        f"{m} imports {i}"
        for m in modules()
        if _allowed(m, BELOW_RENDER)
        for i in imports(m)
        if _allowed(i, ABOVE_STAGES)
    )
    assert not bad, "\n".join(bad)


def test_stages_import_no_render_plugin_or_cli():
    bad = sorted(
        f"{m} imports {i}"
        for m in modules()
        if _is_stage(m)
        for i in imports(m)
        if _allowed(i, ABOVE_STAGES)
    )
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("adapter", ADAPTERS)
def test_entry_points_import_no_stage(adapter: str):
    bad = sorted(i for i in imports(adapter) if _is_stage(i))
    assert not bad, f"{adapter} imports {', '.join(bad)}: reach them through pipeline, batch or siteconfig"


def _line_counts() -> dict[str, int]:
    return {m: len(p.read_text(encoding="utf-8").splitlines()) for m, p in modules().items()}


def _offenders(names) -> str:
    counts = _line_counts()
    over = sorted((n for n in names if counts[n] > MAX_LINES), key=lambda n: -counts[n])
    lines = "\n".join(f"  {counts[n]:5d}  {modules()[n].relative_to(PACKAGE.parent)}" for n in over)
    if lines:
        print(f"modules over {MAX_LINES} lines:\n{lines}")
    return lines


def test_no_module_over_400_lines():
    offenders = _offenders(modules())
    assert not offenders, f"over {MAX_LINES} lines:\n{offenders}"
