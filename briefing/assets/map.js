/* briefing: the interactive map (Leaflet) over the static SVG map.
 *
 * Progressive enhancement: every map is first an inline SVG (print, feeds,
 * no JavaScript). Where Leaflet and the country shapes (basemap.js, which
 * assigns window.BRIEFING_BASEMAP) have loaded, each figure.bf-map and
 * .bf-sitemap gets a pannable map on the same view, and the SVG is hidden
 * on screen only (print CSS shows it again). Markers and the text point at
 * each other: hovering or clicking a marker highlights the place's mentions
 * and list item (class bf-hl), its popup links to the first mention, and
 * hovering or focusing a mention highlights the marker.
 *
 * No request leaves the page by default: no tiles, no images, no fetch (pages
 * are read from file:// too). A site may opt into a tile layer with
 * "tiles": {"url": ..., "attribution": ...} in the page's inline data.
 * Colours come from CSS classes (map.css) that read Material's variables, so
 * a palette switch restyles the map without any script.
 */
(function () {
  "use strict";

  var REGION_KINDS = { region: true, feature: true };
  var MAX_ZOOM_NO_TILES = 8;
  var MAX_PERMANENT_LABELS = 60; /* beyond this (site map) labels show on hover only */
  var ATTRIBUTION = "Base map: Natural Earth";
  var live = []; /* {host, map, markers: {id: [layer, ...]}, labels: [[id, layer], ...]} */
  var basemap = null; /* decoded window.BRIEFING_BASEMAP, shared by every map */
  var state = { markerHover: null, pinned: null, textHover: null };
  var litText = {}; /* ids whose mentions this script highlighted */
  var listening = false;

  function leafletReady() {
    var L = window.L;
    return !!(L && typeof L.map === "function" && typeof L.circleMarker === "function" &&
      typeof L.polygon === "function");
  }

  function cssString(value) {
    if (window.CSS && CSS.escape) return CSS.escape(value);
    return String(value).replace(/["\\]/g, "\\$&");
  }

  /* ------------------------------------------------------------ base map */

  /* One arc of the Encoded Polyline Algorithm: absolute integer [x, y] pairs. */
  function decodeArc(text) {
    var values = [], shift = 0, result = 0, i, b;
    for (i = 0; i < text.length; i++) {
      b = text.charCodeAt(i) - 63;
      result |= (b & 0x1f) << shift;
      shift += 5;
      if (b < 0x20) {
        values.push(result & 1 ? ~(result >> 1) : result >> 1);
        shift = result = 0;
      }
    }
    var points = [], x = 0, y = 0;
    for (i = 0; i + 1 < values.length; i += 2) {
      x += values[i];
      y += values[i + 1];
      points.push([x, y]);
    }
    return points;
  }

  /* A ring from arc references, unwrapped across the antimeridian like the
   * Python renderer does (a ring around a pole stays as it is). */
  function ring(refs, arcs, half) {
    var out = [], i, j, arc, pts;
    for (i = 0; i < refs.length; i++) {
      arc = arcs[refs[i] >= 0 ? refs[i] : ~refs[i]];
      pts = refs[i] >= 0 ? arc : arc.slice().reverse();
      for (j = out.length ? 1 : 0; j < pts.length; j++) out.push(pts[j]);
    }
    var shift = 0, jumped = false, unwrapped = out.length ? [out[0]] : [];
    for (i = 1; i < out.length; i++) {
      var dx = out[i][0] - out[i - 1][0];
      if (dx > half) { shift -= 2 * half; jumped = true; }
      else if (dx < -half) { shift += 2 * half; jumped = true; }
      unwrapped.push([out[i][0] + shift, out[i][1]]);
    }
    return jumped && shift === 0 ? unwrapped : out;
  }

  function decodeBasemap(raw) {
    var q = raw.quantum, half = Math.round(180 / q);
    var arcs = raw.arcs.map(decodeArc);
    return raw.countries.map(function (c) {
      return {
        name: c[0],
        polygons: c[2].map(function (rings) {
          var rs = rings.map(function (refs) { return ring(refs, arcs, half); });
          var w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
          rs[0].forEach(function (p) {
            if (p[0] < w) w = p[0];
            if (p[0] > e) e = p[0];
            if (p[1] < s) s = p[1];
            if (p[1] > n) n = p[1];
          });
          return { rings: rs, bbox: [w * q, s * q, e * q, n * q], q: q };
        })
      };
    });
  }

  function getBasemap() {
    if (basemap) return basemap;
    var raw = window.BRIEFING_BASEMAP;
    if (!raw || !raw.arcs || !raw.countries) return null;
    try { basemap = decodeBasemap(raw); } catch (e) { return null; } /* a damaged file: keep the SVG */
    return basemap;
  }

  function inRing(x, y, r) {
    var inside = false;
    for (var i = 0, j = r.length - 1; i < r.length; j = i++) {
      var xi = r[i][0], yi = r[i][1], xj = r[j][0], yj = r[j][1];
      if ((yi > y) !== (yj > y) && x < xj + (y - yj) * (xi - xj) / (yi - yj)) inside = !inside;
    }
    return inside;
  }

  function containsPoint(poly, lat, lon) {
    var base = ((lon + 180) % 360 + 360) % 360 - 180;
    var candidates = [base, base + 360];
    for (var k = 0; k < candidates.length; k++) {
      var x = candidates[k];
      if (x < poly.bbox[0] || x > poly.bbox[2] || lat < poly.bbox[1] || lat > poly.bbox[3]) continue;
      var inside = false;
      for (var r = 0; r < poly.rings.length; r++) {
        if (inRing(x / poly.q, lat / poly.q, poly.rings[r])) inside = !inside;
      }
      if (inside) return true;
    }
    return false;
  }

  /* Countries as polygons; shifted copies where the view reaches past +-180. */
  function landLayer(countries, places, view) {
    var L = window.L;
    var shifts = [0];
    if (view && view[2] > 180) shifts.push(360);
    if (view && view[0] < -180) shifts.push(-360);
    var layers = [];
    countries.forEach(function (c) {
      var focus = false;
      c.polygons.forEach(function (poly) {
        places.forEach(function (p) { if (!focus && containsPoint(poly, p.lat, p.lon)) focus = true; });
      });
      shifts.forEach(function (shift) {
        var latlngs = c.polygons.map(function (poly) {
          return poly.rings.map(function (r) {
            return r.map(function (pt) { return [pt[1] * poly.q, pt[0] * poly.q + shift]; });
          });
        });
        layers.push(L.polygon(latlngs, {
          className: "bf-lmap-land" + (focus ? " bf-lmap-focus" : ""),
          interactive: false,
          smoothFactor: 1
        }));
      });
    });
    return L.layerGroup(layers);
  }

  /* ------------------------------------------------------------ data */

  /* The inline data inside the host, else the first after it, else the page's first. */
  function pageData(host) {
    var all = document.querySelectorAll(".bf-data[data-json]"), el = null;
    for (var i = 0; i < all.length && !el; i++) {
      if (host.contains(all[i]) || host.compareDocumentPosition(all[i]) & Node.DOCUMENT_POSITION_FOLLOWING) el = all[i];
    }
    el = el || all[0];
    if (!el) return null;
    try { return JSON.parse(el.getAttribute("data-json")); } catch (e) { return null; }
  }

  function viewOf(svg) {
    var raw = svg && svg.getAttribute("data-view");
    if (!raw) return null;
    var v = raw.trim().split(/\s+/).map(Number);
    if (v.length !== 4 || v.some(function (n) { return !isFinite(n); }) || v[2] <= v[0] || v[3] <= v[1]) return null;
    return v; /* west south east north */
  }

  function placesOf(data, view) {
    var places = data.places || {};
    return Object.keys(places).filter(function (id) {
      var p = places[id];
      return p && isFinite(p.lat) && isFinite(p.lon) && p.lat >= -90 && p.lat <= 90;
    }).map(function (id) {
      var p = places[id], lon = p.lon;
      if (view) lon = view[0] + (((lon - view[0]) % 360) + 360) % 360; /* the copy inside the view */
      return { id: id, name: p.name || id, kind: p.kind || "place", lat: p.lat, lon: p.lon, lng: lon,
        briefings: p.briefings || [] };
    });
  }

  /* Whose label gets the first free spot: countries before regions, then the most mentioned. */
  var KIND_RANK = { country: 0, admin1: 1, city: 2, address: 3, region: 4, feature: 5 };

  function labelOrder(data) {
    var ents = data.entities || {};
    function weight(p) {
      var e = ents[p.id];
      return p.briefings.length || (e && e.mentions) || 0;
    }
    function rank(p) { return p.kind in KIND_RANK ? KIND_RANK[p.kind] : 6; }
    return function (a, b) {
      return rank(a) - rank(b) || weight(b) - weight(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    };
  }

  function safeHref(href) {
    return typeof href === "string" && /^(https?:|\.|\/|#|[\w-]+(\.html|\/))/i.test(href) ? href : null;
  }

  /* ------------------------------------------------------------ highlighting */

  function textElements(id) {
    var q = cssString(id);
    var all = document.querySelectorAll('[data-bf="' + q + '"], [data-place="' + q + '"]');
    return Array.prototype.filter.call(all, function (el) { return !el.closest(".bf-lmap"); });
  }

  function apply() {
    var textIds = {}, markerIds = {};
    [state.markerHover, state.pinned].forEach(function (id) { if (id) { textIds[id] = true; markerIds[id] = true; } });
    if (state.textHover) markerIds[state.textHover] = true;
    Object.keys(litText).forEach(function (id) {
      if (!textIds[id]) textElements(id).forEach(function (el) { el.classList.remove("bf-hl"); });
    });
    litText = {};
    Object.keys(textIds).forEach(function (id) {
      textElements(id).forEach(function (el) { el.classList.add("bf-hl"); });
      litText[id] = true;
    });
    live.forEach(function (entry) {
      Object.keys(entry.markers).forEach(function (id) {
        entry.markers[id].forEach(function (layer) {
          var el = layer.getElement && layer.getElement();
          if (el) el.classList.toggle("bf-hl", !!markerIds[id]);
          if (markerIds[id] && layer.bringToFront) layer.bringToFront();
          var tip = layer.getTooltip && layer.getTooltip();
          var tipEl = tip && tip.getElement && tip.getElement();
          if (tipEl) tipEl.classList.toggle("bf-hl", !!markerIds[id]);
        });
      });
    });
  }

  function later() { window.setTimeout(apply, 0); } /* after other scripts' handlers on the same event */

  function textTarget(ev) {
    var t = ev.target;
    if (!t || !t.closest || t.closest(".bf-lmap")) return null;
    return t.closest(".bf-m[data-bf], [data-place]");
  }

  function idOf(el) { return el.getAttribute("data-bf") || el.getAttribute("data-place"); }

  function listen() {
    if (listening) return;
    listening = true;
    document.addEventListener("mouseover", function (ev) {
      var el = textTarget(ev);
      if (el && state.textHover !== idOf(el)) { state.textHover = idOf(el); apply(); }
    });
    document.addEventListener("mouseout", function (ev) {
      var el = textTarget(ev);
      if (el && !(ev.relatedTarget && el.contains(ev.relatedTarget))) { state.textHover = null; later(); }
    });
    document.addEventListener("focusin", function (ev) {
      var el = textTarget(ev);
      if (el) { state.textHover = idOf(el); apply(); }
    });
    document.addEventListener("focusout", function (ev) {
      if (textTarget(ev)) { state.textHover = null; later(); }
    });
  }

  /* ------------------------------------------------------------ markers */

  function firstMention(id) {
    return document.querySelector('.bf-m[data-bf="' + cssString(id) + '"]');
  }

  function popupContent(place, data) {
    var box = document.createElement("div");
    box.className = "bf-lmap-popup";
    var head = document.createElement("div");
    var name = document.createElement("strong");
    name.textContent = place.name;
    var kind = document.createElement("span");
    kind.className = "bf-lmap-popup-kind";
    kind.textContent = place.kind;
    head.appendChild(name);
    head.appendChild(document.createTextNode(" "));
    head.appendChild(kind);
    box.appendChild(head);
    var ent = (data.entities || {})[place.id];
    if (ent && typeof ent.mentions === "number") {
      var count = document.createElement("div");
      count.textContent = "Mentioned " + ent.mentions + (ent.mentions === 1 ? " time" : " times");
      box.appendChild(count);
    }
    var mention = firstMention(place.id);
    if (mention) {
      var go = document.createElement("a");
      go.href = "#";
      go.className = "bf-lmap-goto";
      go.textContent = "Show in the text";
      go.addEventListener("click", function (ev) {
        ev.preventDefault();
        ev.stopPropagation();
        var target = firstMention(place.id);
        if (!target) return;
        target.scrollIntoView({ block: "center", behavior: "smooth" });
        if (target.hasAttribute("tabindex") && target.focus) target.focus({ preventScroll: true });
        state.pinned = place.id;
        apply();
      });
      box.appendChild(go);
    }
    if (place.briefings.length) {
      var list = document.createElement("ul");
      list.className = "bf-lmap-briefings";
      place.briefings.forEach(function (b) {
        var href = safeHref(b && b.url);
        if (!href) return;
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = href;
        a.textContent = b.title || href;
        li.appendChild(a);
        list.appendChild(li);
      });
      if (list.childNodes.length) box.appendChild(list);
    }
    var more = ent && safeHref(ent.url);
    if (more && !place.briefings.length) {
      var link = document.createElement("a");
      link.href = more;
      link.className = "bf-lmap-more";
      link.textContent = "All briefings that mention it";
      box.appendChild(document.createElement("br"));
      box.appendChild(link);
    }
    return box;
  }

  function addMarker(entry, place, data, permanentLabels) {
    var L = window.L;
    var area = !!REGION_KINDS[place.kind];
    var kindClass = " bf-lmap-kind-" + String(place.kind).toLowerCase().replace(/[^a-z0-9-]/g, "");
    var layers = [];
    var marker = L.circleMarker([place.lat, place.lng], {
      radius: area ? 10 : 6,
      className: "bf-lmap-marker" + (area ? " bf-lmap-area" : "") + kindClass,
      bubblingMouseEvents: false
    });
    marker.bindTooltip(document.createTextNode(place.name), {  /* text, never HTML */
      permanent: permanentLabels,
      direction: "right",
      offset: [area ? 10 : 6, 0],
      className: "bf-lmap-label",
      opacity: 1
    });
    marker.bindPopup(function () { return popupContent(place, data); }, { autoPanPadding: [16, 16] });
    marker.on("mouseover", function () { state.markerHover = place.id; apply(); });
    marker.on("mouseout", function () { if (state.markerHover === place.id) state.markerHover = null; apply(); });
    marker.on("popupopen", function () { state.pinned = place.id; apply(); });
    marker.on("popupclose", function () { if (state.pinned === place.id) state.pinned = null; apply(); });
    marker.addTo(entry.map);
    layers.push(marker);
    if (area) {
      var dot = L.circleMarker([place.lat, place.lng], {
        radius: 2.5, className: "bf-lmap-marker bf-lmap-dot" + kindClass, interactive: false
      }).addTo(entry.map);
      layers.push(dot);
    }
    var el = marker.getElement();
    if (el) {
      el.setAttribute("data-bf-place", place.id);
      el.setAttribute("tabindex", "0");
      el.setAttribute("role", "button");
      el.setAttribute("aria-label", place.name + " (" + place.kind + ")");
      el.addEventListener("focus", function () { state.markerHover = place.id; apply(); });
      el.addEventListener("blur", function () { if (state.markerHover === place.id) state.markerHover = null; apply(); });
      el.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); marker.openPopup(); }
      });
    }
    entry.markers[place.id] = (entry.markers[place.id] || []).concat(layers);
    marker.bfPlace = place.id;
    entry.labels.push(marker);
  }

  /* Each permanent label goes right, left, above or below its marker: the first
   * spot free of earlier labels and of markers, as on the static map; a label
   * with no free spot is hidden (and shown again while its place is highlighted). */
  var SPOTS = [["right", 1, 0], ["left", -1, 0], ["top", 0, -1], ["bottom", 0, 1]];

  function overlaps(r, boxes) {
    return boxes.some(function (k) {
      return r.left < k.right && k.left < r.right && r.top < k.bottom && k.top < r.bottom;
    });
  }

  function declutter(entry) {
    var taken = [];
    entry.labels.forEach(function (marker) {
      var el = marker.getElement && marker.getElement();
      if (el) taken.push(el.getBoundingClientRect());
    });
    entry.labels.forEach(function (marker) {
      var tip = marker.getTooltip && marker.getTooltip();
      var el = tip && tip.getElement && tip.getElement();
      if (!el || !tip.options.permanent) return;
      el.classList.remove("bf-lmap-label-hidden");
      var gap = marker.options.radius + 2;
      for (var i = 0; i < SPOTS.length; i++) {
        tip.options.direction = SPOTS[i][0];
        tip.options.offset = [SPOTS[i][1] * gap, SPOTS[i][2] * gap];
        tip.update();
        var r = el.getBoundingClientRect();
        if (!r.width || !overlaps(r, taken)) { taken.push(r); return; }
      }
      tip.options.direction = SPOTS[0][0];
      tip.options.offset = [gap, 0];
      tip.update();
      el.classList.add("bf-lmap-label-hidden");
    });
  }

  /* ------------------------------------------------------------ maps */

  function fit(entry) {
    var v = entry.view;
    if (v) {
      /* The static view is equirectangular; in Web Mercator its polar margins
       * would swallow the map, so latitudes are kept to where the places are. */
      var lats = entry.places.map(function (p) { return p.lat; });
      var south = Math.max(v[1], Math.min.apply(null, [-60].concat(lats)));
      var north = Math.min(v[3], Math.max.apply(null, [75].concat(lats.map(function (l) { return l + 2; }))));
      if (v[2] - v[0] >= 300) { /* the world: fill the width, crop the poles */
        var L = window.L, map = entry.map, width = map.getSize().x || 720;
        var zoom = Math.max(map.getMinZoom(), Math.floor(4 * Math.log(width / 256) / Math.LN2) / 4);
        var top = L.Projection.SphericalMercator.project(L.latLng(north, 0)).y;
        var bottom = L.Projection.SphericalMercator.project(L.latLng(south, 0)).y;
        var mid = L.Projection.SphericalMercator.unproject(L.point(0, (top + bottom) / 2)).lat;
        map.setView([mid, (v[0] + v[2]) / 2], zoom, { animate: false });
      } else {
        entry.map.fitBounds([[south, v[0]], [north, v[2]]], { animate: false });
      }
    } else if (entry.places.length) {
      var b = window.L.latLngBounds(entry.places.map(function (p) { return [p.lat, p.lng]; }));
      entry.map.fitBounds(b.pad(0.3), { animate: false, maxZoom: 5 });
    } else {
      entry.map.setView([20, 0], 1, { animate: false });
    }
    entry.fitted = entry.map.getSize().x > 0;
  }

  function build(host) {
    var L = window.L;
    var data = pageData(host) || {};
    var svg = host.querySelector("svg[data-view]") || host.querySelector("svg");
    var view = viewOf(svg);
    var tiles = data.tiles && typeof data.tiles.url === "string" ? data.tiles : null;
    var countries = getBasemap();
    if (!countries && !tiles) return; /* nothing to draw a better map with: keep the SVG */
    var places = placesOf(data, view).sort(labelOrder(data));
    var container = document.createElement("div");
    container.className = "bf-lmap";
    var title = svg && svg.querySelector("title");
    container.setAttribute("aria-label", "Interactive map" + (title ? ": " + title.textContent : ""));
    var vb = svg && svg.viewBox && svg.viewBox.baseVal;
    if (vb && vb.width && vb.height) container.style.aspectRatio = vb.width + " / " + vb.height;
    if (svg && host.contains(svg)) svg.parentNode.insertBefore(container, svg.nextSibling);
    else host.insertBefore(container, host.firstChild);
    var map;
    host.classList.add("bf-lmap-ready"); /* the final layout first: the view is fitted to it */
    try {
      map = L.map(container, {
        zoomSnap: 0.25,
        zoomDelta: 0.5,
        minZoom: 1,
        maxZoom: tiles ? Number(tiles.max_zoom || tiles.maxZoom || 18) : MAX_ZOOM_NO_TILES,
        scrollWheelZoom: false, /* the page scrolls; the wheel zooms once the map is focused */
        worldCopyJump: false
      });
      map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
      map.on("focus", function () { map.scrollWheelZoom.enable(); });
      map.on("blur", function () { map.scrollWheelZoom.disable(); });
      var entry = { host: host, map: map, view: view, places: places, markers: {}, labels: [], fitted: false };
      var land = countries ? landLayer(countries, places, view) : null;
      if (tiles) {
        var tileLayer = L.tileLayer(tiles.url, {
          attribution: tiles.attribution || "",
          maxZoom: Number(tiles.max_zoom || tiles.maxZoom || 18),
          subdomains: tiles.subdomains || "abc"
        }).addTo(map);
        if (land) {
          tileLayer.once("tileerror", function () { /* offline: fall back to the shapes */
            if (!map.hasLayer(land)) { land.addTo(map); map.attributionControl.addAttribution(ATTRIBUTION); }
            entry.markers && Object.keys(entry.markers).forEach(function (id) {
              entry.markers[id].forEach(function (l) { l.bringToFront(); });
            });
          });
        }
      } else {
        land.addTo(map);
        map.attributionControl.addAttribution(ATTRIBUTION);
      }
      fit(entry);
      ["pointerdown", "wheel", "keydown"].forEach(function (type) {
        container.addEventListener(type, function () { entry.touched = true; }, { passive: true });
      });
      var permanent = places.length <= MAX_PERMANENT_LABELS;
      /* Areas first, so that they lie under the point markers; labels keep their order. */
      places.filter(function (p) { return REGION_KINDS[p.kind]; }).concat(
        places.filter(function (p) { return !REGION_KINDS[p.kind]; })
      ).forEach(function (p) { addMarker(entry, p, data, permanent); });
      var order = places.map(function (p) { return p.id; });
      entry.labels.sort(function (a, b) { return order.indexOf(a.bfPlace) - order.indexOf(b.bfPlace); });
      map.on("zoomend moveend", function () { declutter(entry); });
      if (window.ResizeObserver) {
        entry.observer = new ResizeObserver(function () {
          map.invalidateSize({ animate: false });
          if (!entry.fitted || !entry.touched) fit(entry); /* keep the reader's own view */
          declutter(entry);
        });
        entry.observer.observe(container);
      }
      live.push(entry);
      declutter(entry);
    } catch (e) {
      if (map) { try { map.remove(); } catch (ignored) { /* already gone */ } }
      if (container.parentNode) container.parentNode.removeChild(container);
      host.classList.remove("bf-lmap-ready");
      if (window.console && console.warn) console.warn("briefing map: kept the static map:", e);
    }
  }

  /* Maps of pages that instant navigation replaced are released. */
  function prune() {
    live = live.filter(function (entry) {
      if (document.body.contains(entry.host)) return true;
      if (entry.observer) entry.observer.disconnect();
      try { entry.map.remove(); } catch (e) { /* its container is gone already */ }
      return false;
    });
    state.markerHover = state.pinned = state.textHover = null;
    litText = {};
  }

  function init() {
    if (!leafletReady()) return; /* Leaflet did not load: the static SVG stays */
    prune();
    listen();
    var hosts = document.querySelectorAll("figure.bf-map, .bf-sitemap");
    Array.prototype.forEach.call(hosts, function (host) {
      if (host.parentNode && host.parentNode.closest && host.parentNode.closest(".bf-sitemap")) return;
      if (host.querySelector(".bf-lmap")) return; /* already enhanced */
      build(host);
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { init(); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
