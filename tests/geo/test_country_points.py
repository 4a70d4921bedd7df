"""Where a country's marker goes (tools/build_gazetteer.py ``country_point``) and what the
embedded gazetteer holds: the published centre point GeoNames also uses, where it is central."""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

from briefing.geo.gazetteer import gazetteer

_TOOL = Path(__file__).resolve().parents[2] / "tools" / "build_gazetteer.py"


def _build_module():
    spec = importlib.util.spec_from_file_location("build_gazetteer", _TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # the module imports its inputs only in main()
    return module


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dl = math.radians(b[1] - a[1])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(h))


def test_a_published_centre_near_the_centroid_is_kept_as_is() -> None:
    tool = _build_module()
    assert tool.country_point((46.0, 2.0), (46.6, 2.5)) == (46.0, 2.0)


def test_a_published_centre_far_from_the_centroid_is_averaged_with_it() -> None:
    tool = _build_module()
    lat, lon = tool.country_point((38.0, -97.0), (40.0, -100.0))
    assert (round(lat, 6), round(lon, 6)) == (39.0, -98.5)


def test_the_embedded_gazetteer_puts_countries_on_their_published_centre() -> None:
    # Published (Factbook / GeoNames) centres: Iraq 33, 44; France 46, 2.
    gaz = gazetteer()
    assert _km((gaz.country("IQ").lat, gaz.country("IQ").lon), (33.0, 44.0)) < 1
    assert _km((gaz.country("FR").lat, gaz.country("FR").lon), (46.0, 2.0)) < 1
