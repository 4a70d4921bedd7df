"""Snapshots are untrusted input: validated on load, and a hand edit is stale, never trusted.

A pull request can change any ``*.annotations.yml``. Each case below is one committed snapshot
that was edited after ``briefing annotate --write`` made it: some keep the old key (a hand
edit), others carry the key an attacker would compute by running our own code over the edited
content (``snapshots.seal``). ``briefing check`` must call every one of them stale or corrupt in
one line, and a real ``mkdocs build`` must not crash, must rebuild them, must write nothing
outside its output folder, and no payload may run in Chromium.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import snapshots
from briefing.batch import glossary_digest
from briefing.sources import read_seed

from .conftest import build, make_site, run_cli

pytestmark = pytest.mark.slow

CITIES = (
    "Lyon",
    "Nairobi",
    "Lima",
    "Krakow",
    "Bergen",
    "Osaka",
    "Winnipeg",
    "Valparaiso",
    "Alexandria",
    "Osaka",
    "Lyon",
)


def _seed(i: int) -> str:
    city = CITIES[i % len(CITIES)]
    return (
        f"World\nHarbour talks {i} in {city}\n"
        f"On Monday, 4 March 2024, officials of the Harbour Board met Maria Lopez in {city} to sign "
        f"plan {i}.\n"
        f"The Coastal Rail Board said trains to {city} would run again in May.\n"
    )


def _entity(data: dict, etype: str | None = None) -> dict:
    return next(e for e in data["entities"] if etype is None or e["type"] == etype)


def _set_place_entity(data: dict, new_id: str) -> None:
    place = data["places"][0]
    ent = next(e for e in data["entities"] if e["id"] == place["entity"])
    for ev in data["events"]:
        ev["entities"] = [new_id if x == ent["id"] else x for x in ev["entities"]]
        ev["places"] = [new_id if x == ent["id"] else x for x in ev["places"]]
    ent["id"] = place["entity"] = new_id


PAYLOAD = "<img src=x onerror=\"window.__pwned=1;document.title='pwned'\">"
# case -> (edit of the parsed snapshot, or raw bytes; re-sealed like an attacker would?, words of check)
CASES: dict[str, tuple] = {
    "hand-edit-type": (lambda d: _entity(d, "ORG").update(type="PERSON"), False, "stale"),
    "hand-edit-description": (lambda d: _entity(d).update(description="HAND EDIT"), False, "stale"),
    "type-html": (lambda d: _entity(d).update(type=PAYLOAD), True, "type"),
    "event-id-html": (lambda d: d["events"][0].update(id='x" onmouseover="window.__pwned=2'), True, "id"),
    "entity-id-path": (lambda d: _set_place_entity(d, "../../../pwned-entity"), True, "id"),
    "entity-id-slash": (lambda d: _set_place_entity(d, "a/b"), True, "id"),
    "name-number": (lambda d: _entity(d).update(name=5), True, "name"),
    "document-null": (lambda d: d.update(document=None), True, "document"),
    "mentions-string": (lambda d: _entity(d).update(mentions="many"), True, "mentions"),
    "link-javascript": (lambda d: _entity(d).update(link="javascript:window.__pwned=3"), True, "link"),
    "lat-nan": (lambda d: d["places"][0].update(lat=float("nan")), True, "lat"),
    "kind-html": (lambda d: d["places"][0].update(kind=PAYLOAD), True, "kind"),
    "not-utf8": (b"schema: 1\nkey: abc\ndocument: {title: Caf\xe9}\n", False, "UTF-8"),
}


def _write(path: Path, data: dict, key: str | None) -> None:
    if key is not None:
        data["key"] = snapshots.seal(key, data)
    path.write_text(
        "# edited by hand\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=200),
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def edited_site(tmp_path_factory) -> Path:
    names = {case: f"{n:02d}-{case}.txt" for n, case in enumerate(CASES)}
    root = make_site(
        tmp_path_factory.mktemp("trust"),
        seeds={names[c]: _seed(n) for n, c in enumerate(CASES)},
        plugin_options="      jobs: 1\n",
    )
    seeds = sorted(str(p.relative_to(root)) for p in (root / "seeds").glob("*.txt"))
    made = run_cli("annotate", "--write", "--jobs", "1", "--glossary", "seeds/glossary.yml", *seeds, cwd=root)
    assert made.returncode == 0, made.stderr
    fresh = run_cli("check", cwd=root)
    assert fresh.returncode == 0, fresh.stderr  # what annotate wrote is what the build expects
    digest = glossary_digest(root / "seeds" / "glossary.yml")
    for case, (edit, reseal, _) in CASES.items():
        seed = root / "seeds" / names[case]
        snap = snapshots.snapshot_path(seed)
        if isinstance(edit, bytes):
            snap.write_bytes(edit)
            continue
        data = yaml.safe_load(snap.read_text(encoding="utf-8"))
        edit(data)
        key = snapshots.content_key(read_seed(seed).document, digest) if reseal else None
        _write(snap, data, key)
    return root


@pytest.fixture(scope="module")
def checked(edited_site):
    return run_cli("check", cwd=edited_site)


@pytest.fixture(scope="module")
def built(edited_site, checked):
    out = edited_site / "out"
    proc = build(edited_site, "-d", str(out))
    return proc, out


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_never_calls_an_edited_snapshot_fresh(checked, case):
    assert checked.returncode == 1
    assert "Traceback" not in checked.stderr, checked.stderr
    lines = [ln for ln in checked.stderr.splitlines() if f"-{case}.annotations.yml" in ln]
    assert len(lines) == 1, checked.stderr
    assert ("stale" in lines[0]) or ("corrupt" in lines[0]), lines[0]
    assert CASES[case][2].lower() in lines[0].lower(), lines[0]


def test_unit_schema_rejects_each_edit_with_a_reason(edited_site):
    """The loader itself, on every edited file: a SnapshotError naming the file, or stale."""
    digest = glossary_digest(edited_site / "seeds" / "glossary.yml")
    for case, (_, reseal, words) in CASES.items():
        seed = next((edited_site / "seeds").glob(f"*-{case}.txt"))
        doc = read_seed(seed).document
        snap = snapshots.snapshot_path(seed)
        try:
            loaded = snapshots.load(snap, doc)
        except snapshots.SnapshotError as e:
            assert str(snap) in str(e) and "\n" not in str(e), case
            assert words.lower() in str(e).lower(), (case, str(e))
            continue
        assert not reseal, f"{case}: loaded although it breaks the schema"
        assert loaded is not None and not loaded.fresh(snapshots.content_key(doc, digest)), case


def test_build_survives_and_rebuilds_every_edited_snapshot(edited_site, built):
    proc, out = built
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    assert f"{len(CASES)} annotated" in proc.stderr, proc.stderr[-2000:]
    again = run_cli("check", cwd=edited_site)
    assert again.returncode == 0, again.stderr  # rebuilt, and fresh now
    for case, (_, reseal, _) in CASES.items():
        if reseal:  # the corrupt ones were reported by the build too, naming the file
            assert f"-{case}.annotations.yml" in proc.stderr, case


def test_hand_edits_never_reach_the_site(built):
    _, out = built
    pages = [p.read_text(encoding="utf-8") for p in out.rglob("*.html")]
    assert pages and not any("HAND EDIT" in p for p in pages)


def test_nothing_is_written_outside_the_output_folder(edited_site, built):
    _, out = built
    stray = [p for p in edited_site.parent.rglob("*pwned-entity*")]  # the id of case entity-id-path
    assert stray == []
    assert not any(".." in p.name or "/" in p.stem for p in (out / "entities").glob("*"))


@pytest.mark.browser
def test_no_payload_runs_in_chromium(browser, built):
    _, out = built
    context = browser.new_context()
    root = out.resolve().as_uri()
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(root) else r.abort())
    page = context.new_page()
    visited = 0
    try:
        for path in sorted(out.rglob("*.html")):
            if "briefings" not in path.parts and path.name not in ("index.html", "timeline.html"):
                continue
            page.goto(path.resolve().as_uri())
            page.wait_for_load_state("load")
            for el in page.locator(".bf-m[tabindex='0'], .bf-tl-event").all()[:20]:
                if el.is_visible():
                    el.hover()
            assert page.evaluate("typeof window.__pwned") == "undefined", path
            assert page.title() != "pwned", path
            visited += 1
        assert visited >= len(CASES)
    finally:
        context.close()


@settings(max_examples=100, deadline=None)
@given(
    lat=st.floats(-90, 90, allow_nan=False),
    lon=st.floats(-180, 180, allow_nan=False),
    name=st.text(min_size=1, max_size=20).filter(str.strip),
)
def test_a_written_snapshot_reads_back_fresh(tmp_path_factory, lat, lon, name):
    """The seal survives YAML's round trip for any coordinate and any name (no false 'stale')."""
    from briefing.model import Annotations, Document, Entity, Mention, Place

    text = "Talks\nThey met in X."
    doc = Document(text=text, title="Talks")
    at = text.index("X")
    ann = Annotations(
        document=doc,
        entities=[Entity(id="x", name=name, type="GPE", mentions=[Mention(at, at + 1, "X")])],
        places=[Place(entity="x", name=name, lat=lat, lon=lon, kind="city")],
    )
    path = tmp_path_factory.mktemp("rt") / f"a{snapshots.SUFFIX}"
    snapshots.save(ann, "k" * 64, path, "a\nb.txt")
    loaded = snapshots.load(path, doc)
    assert loaded is not None and loaded.fresh("k" * 64) and not loaded.fresh("j" * 64)
    assert loaded.annotations.places[0].lat == lat
