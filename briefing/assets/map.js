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
 * The map's geometry is not computed here: the page's inline data carries the
 * static map's own layout (briefing/render/mapview.py, mapdata.py): the frame
 * to open on, the countries that stand out, each marker's position and the
 * side of its label. This script only draws it.
 *
 * No request leaves the page by default: no tiles, no images, no fetch (pages
 * are read from file:// too). A site may opt into a tile layer with
 * "tiles": {"url": ..., "attribution": ...} in the page's inline data.
 * Colours come from CSS classes (map.css) that read Material's variables, so
 * a palette switch restyles the map without any script.
 */
(function () {
  "use strict";

  /* The Natural Earth 1:50m shapes (vertices every km or two) still read at zoom 10, where a
   * town-level story's towns are far apart; tiles, when a site opts in, set their own. */
  var MAX_ZOOM_NO_TILES = 10;
  var ATTRIBUTION = "Base map: Natural Earth";
  var live = []; /* {host, map, frame, markers: {id: [layer, ...]}, edges: [...]} */
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

  /* A ring: arc references joined (~i is arc i reversed), or one encoded ring of its own
   * (basemap.js carries a ring that crosses the antimeridian whole, already unwrapped). */
  function ring(refs, arcs) {
    if (typeof refs === "string") return decodeArc(refs);
    var out = [], i, j, arc, pts;
    for (i = 0; i < refs.length; i++) {
      arc = arcs[refs[i] >= 0 ? refs[i] : ~refs[i]];
      pts = refs[i] >= 0 ? arc : arc.slice().reverse();
      for (j = out.length ? 1 : 0; j < pts.length; j++) out.push(pts[j]);
    }
    return out;
  }

  /* Per country, its polygons as Leaflet latlngs. */
  function decodeBasemap(raw) {
    var q = raw.quantum;
    var arcs = raw.arcs.map(decodeArc);
    return raw.countries.map(function (c) {
      return c[2].map(function (rings) {
        return rings.map(function (refs) {
          return ring(refs, arcs).map(function (pt) { return [pt[1] * q, pt[0] * q]; });
        });
      });
    });
  }

  function getBasemap() {
    if (basemap) return basemap;
    var raw = window.BRIEFING_BASEMAP;
    if (!raw || !raw.arcs || !raw.countries) return null;
    try { basemap = decodeBasemap(raw); } catch (e) { return null; } /* a damaged file: keep the SVG */
    return basemap;
  }

  /* Countries as polygons, the focus countries (given) marked; a copy of the world
   * for each shift given, where the view reaches past +-180. */
  function landLayer(countries, plan) {
    var L = window.L;
    var focus = {};
    (plan.focus || []).forEach(function (i) { focus[i] = true; });
    var layers = [];
    countries.forEach(function (polygons, index) {
      (plan.copies || [0]).forEach(function (shift) {
        var latlngs = shift ? polygons.map(function (rings) {
          return rings.map(function (r) { return r.map(function (p) { return [p[0], p[1] + shift]; }); });
        }) : polygons;
        layers.push(L.polygon(latlngs, {
          className: "bf-lmap-land" + (focus[index] ? " bf-lmap-focus" : ""),
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
    var briefings = place.briefings || [];
    if (briefings.length) {
      var list = document.createElement("ul");
      list.className = "bf-lmap-briefings";
      briefings.forEach(function (b) {
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
    if (more && !briefings.length) {
      var link = document.createElement("a");
      link.href = more;
      link.className = "bf-lmap-more";
      link.textContent = "All briefings that mention it";
      box.appendChild(document.createElement("br"));
      box.appendChild(link);
    }
    return box;
  }

  /* Where a label sits (the side its layout gave it), as a tooltip offset from the marker. */
  var SIDES = { right: [1, 0], left: [-1, 0], top: [0, -1], bottom: [0, 1] };

  /* The label's text, on the lines the layout broke it into (CSS keeps the line breaks). */
  function labelText(place) {
    var lines = Array.isArray(place.lines) && place.lines.length ? place.lines : [place.name];
    return document.createTextNode(lines.map(String).join("\n"));
  }

  function validOffset(offset) {
    return Array.isArray(offset) && offset.length === 2 && isFinite(offset[0]) && isFinite(offset[1]);
  }

  /* On a map narrower than its layout (a phone), labels shrink with it down to 3/4 of their
   * size, and so do their offsets: the layout's spacing, as far as the text stays readable. */
  var MIN_LABEL_SCALE = 0.75;

  function labelScale(entry) {
    var width = entry.map.getSize().x;
    if (!width || !entry.layoutWidth) return 1;
    return Math.max(MIN_LABEL_SCALE, Math.min(1, width / entry.layoutWidth));
  }

  function scaled(offset, entry) {
    var k = entry.labelScale || 1;
    return [offset[0] * k, offset[1] * k];
  }

  /* A place outside the frame: the arrow the static map draws at its border, at the same
   * latitude and longitude, with its name. It steps aside once the place itself is in view. */
  function addEdge(entry, place) {
    var L = window.L, edge = place.edge;
    if (!edge || !isFinite(edge.lat) || !isFinite(edge.lng)) return;
    var arrow = document.createElement("span");
    arrow.className = "bf-lmap-arrow";
    arrow.style.transform = "rotate(" + Number(edge.angle || 0) + "deg)";
    var holder = document.createElement("span");
    holder.appendChild(arrow);
    var where = place.name + ": off the map, " + Number(edge.km).toLocaleString("en-GB") + " km " +
      String(edge.direction || "");
    var kindClass = " bf-lmap-kind-" + String(place.kind).toLowerCase().replace(/[^a-z0-9-]/g, "");
    var marker = L.marker([edge.lat, edge.lng], {
      icon: L.divIcon({ className: "bf-lmap-edge" + kindClass, html: holder, iconSize: [18, 18] }),
      title: where,
      alt: where,
      keyboard: true,
      bubblingMouseEvents: false
    });
    var side = SIDES[edge.label] ? edge.label : "right";
    marker.bindTooltip(labelText(place), {
      permanent: true,
      direction: side,
      offset: scaled(validOffset(edge.offset) ? edge.offset : [SIDES[side][0] * 10, SIDES[side][1] * 10], entry),
      className: "bf-lmap-label bf-lmap-label-" + side + " bf-lmap-edge-label",
      opacity: 1
    });
    /* Show the way: the frame and the place together. */
    marker.on("click", function () {
      entry.touched = true;
      entry.map.fitBounds(L.latLngBounds(entry.frame.bounds).extend([place.lat, place.lng]), { animate: false });
    });
    marker.on("mouseover", function () { state.markerHover = place.id; apply(); });
    marker.on("mouseout", function () { if (state.markerHover === place.id) state.markerHover = null; apply(); });
    marker.addTo(entry.map);
    var el = marker.getElement();
    if (el) {
      el.setAttribute("data-bf-edge", place.id);
      el.setAttribute("role", "button");
      el.setAttribute("aria-label", where);
    }
    entry.edges.push({ marker: marker, at: L.latLng(place.lat, place.lng) });
    entry.markers[place.id] = (entry.markers[place.id] || []).concat([marker]);
  }

  /* Edge markers of the places now in view are hidden: the place itself shows. */
  function updateEdges(entry) {
    var bounds = entry.map.getBounds();
    entry.edges.forEach(function (e) {
      var hide = bounds.contains(e.at);
      var el = e.marker.getElement();
      if (el) el.classList.toggle("bf-lmap-edge-hidden", hide);
      var tip = e.marker.getTooltip() && e.marker.getTooltip().getElement();
      if (tip) tip.classList.toggle("bf-lmap-edge-hidden", hide);
    });
  }

  function addMarker(entry, place, data, permanentLabels) {
    var L = window.L;
    var area = !!place.area;
    var kindClass = " bf-lmap-kind-" + String(place.kind).toLowerCase().replace(/[^a-z0-9-]/g, "");
    var layers = [];
    var radius = area ? 10 : 6;
    var side = SIDES[place.label] ? place.label : "right";
    var gap = permanentLabels ? radius + 2 : radius;
    var marker = L.circleMarker([place.lat, place.lng], {
      radius: radius,
      className: "bf-lmap-marker" + (area ? " bf-lmap-area" : "") + kindClass,
      bubblingMouseEvents: false
    });
    marker.bindTooltip(labelText(place), {  /* text, never HTML */
      permanent: permanentLabels,
      direction: side,
      offset: validOffset(place.offset) ? scaled(place.offset, entry) : [SIDES[side][0] * gap, SIDES[side][1] * gap],
      className: "bf-lmap-label bf-lmap-label-" + side + (place.hidden ? " bf-lmap-label-hidden" : ""),
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
  }

  /* ------------------------------------------------------------ maps */

  /* Open on the given frame: bounds to fit, or (the world) a centre and a line to span the width. */
  function fit(entry) {
    var frame = entry.frame, map = entry.map;
    if (frame.centre) map.setView(frame.centre, map.getBoundsZoom(frame.fill), { animate: false });
    else map.fitBounds(frame.bounds, { animate: false });
    entry.fitted = map.getSize().x > 0;
  }

  function build(host) {
    var L = window.L;
    var data = pageData(host) || {};
    var plan = data.map;
    if (!plan || !plan.frame || !plan.markers) return; /* no layout given: keep the SVG */
    var svg = host.querySelector("svg[data-view]") || host.querySelector("svg");
    var tiles = data.tiles && typeof data.tiles.url === "string" ? data.tiles : null;
    var countries = getBasemap();
    if (!countries && !tiles) return; /* nothing to draw a better map with: keep the SVG */
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
      var entry = { host: host, map: map, frame: plan.frame, markers: {}, edges: [], fitted: false,
        layoutWidth: vb && vb.width ? vb.width : 0 };
      entry.labelScale = labelScale(entry);
      container.style.setProperty("--bf-lmap-label-scale", String(entry.labelScale));
      var land = countries ? landLayer(countries, plan) : null;
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
      /* In the order given: areas first, so that they lie under the point markers. */
      plan.markers.forEach(function (p) { addMarker(entry, p, data, !!plan.permanent_labels); });
      plan.markers.forEach(function (p) { if (p.edge && plan.frame.bounds) addEdge(entry, p); });
      map.on("moveend zoomend", function () { updateEdges(entry); });
      updateEdges(entry);
      if (window.ResizeObserver) {
        entry.observer = new ResizeObserver(function () {
          map.invalidateSize({ animate: false });
          if (!entry.fitted || !entry.touched) fit(entry); /* keep the reader's own view */
        });
        entry.observer.observe(container);
      }
      live.push(entry);
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
