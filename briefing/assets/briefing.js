/* briefing: rich tooltips and map/text/timeline cross-highlighting.
 * Progressive enhancement only: without this script every mention keeps a
 * plain title tooltip and a screen-reader description. Works from file://
 * (no fetch, no modules) and under Material's instant navigation. */
(function () {
  "use strict";
  var tip = null;
  var current = null;
  var hideTimer = null;
  var shownAt = 0;

  /* Leaving the mention for the card (to click its link) must not close it: hide a moment later,
   * unless the pointer or the focus went into the card. */
  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () {
      if (tip && (tip.matches(":hover") || tip.contains(document.activeElement))) return;
      hide();
    }, 200);
  }

  function data() {
    var el = document.querySelector(".bf-data[data-json]");
    if (!el) return null;
    try { return JSON.parse(el.getAttribute("data-json")); } catch (e) { return null; }
  }

  function text(tag, cls, value) {
    var el = document.createElement(tag);
    if (cls) el.className = cls;
    el.textContent = value;
    return el;
  }

  function ensureTip() {
    if (tip && document.body.contains(tip)) return tip;
    tip = document.createElement("div");
    tip.id = "bf-tooltip";
    tip.className = "bf-tooltip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    tip.addEventListener("mouseleave", hideSoon);
    tip.addEventListener("focusout", hideSoon);
    tip.addEventListener("click", function (ev) { ev.stopPropagation(); });
    document.body.appendChild(tip);
    return tip;
  }

  function fill(ent) {
    var t = ensureTip();
    t.textContent = "";
    var head = document.createElement("div");
    head.className = "bf-tooltip-head";
    head.appendChild(text("strong", "bf-tooltip-name", ent.name));
    head.appendChild(text("span", "bf-tooltip-type", ent.type));
    t.appendChild(head);
    if (ent.aliases && ent.aliases.length) t.appendChild(text("div", "bf-tooltip-aliases", "Also: " + ent.aliases.join(", ")));
    if (ent.description) t.appendChild(text("div", "bf-tooltip-desc", ent.description));
    var foot = text("div", "bf-tooltip-count", "Mentioned " + ent.mentions + (ent.mentions === 1 ? " time" : " times") + " in this briefing");
    t.appendChild(foot);
    var href = ent.url || ent.link;
    if (href && /^(https?:|\.|\/|[\w-]+(\.html|\/))/i.test(href)) {
      var a = text("a", "bf-tooltip-link", ent.url ? "All briefings that mention it" : "More");
      a.href = href;
      t.appendChild(a);
    }
    return t;
  }

  function place(t, target) {
    var r = target.getBoundingClientRect();
    t.style.left = "0px";
    t.style.top = "0px";
    var w = t.offsetWidth, h = t.offsetHeight;
    var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - w - 8));
    var top = r.bottom + window.scrollY + 6;
    if (r.bottom + h + 12 > window.innerHeight && r.top > h + 12) top = r.top + window.scrollY - h - 6;
    t.style.left = left + "px";
    t.style.top = top + "px";
  }

  function highlight(id, on) {
    var sel = '[data-bf="' + id + '"], [data-place="' + id + '"]';
    document.querySelectorAll(sel).forEach(function (el) { el.classList.toggle("bf-hl", on); });
  }

  function show(span, ents) {
    var ent = ents[span.getAttribute("data-bf")];
    if (!ent) return;
    clearTimeout(hideTimer);
    if (current && current !== span) hide();
    if (current !== span || !tip || tip.hidden) shownAt = Date.now();
    current = span;
    var t = fill(ent);
    t.hidden = false;
    place(t, span);
    span.setAttribute("aria-expanded", "true");
    highlight(span.getAttribute("data-bf"), true);
  }

  function hide() {
    clearTimeout(hideTimer);
    if (tip) tip.hidden = true;
    if (current) {
      current.removeAttribute("aria-expanded");
      highlight(current.getAttribute("data-bf"), false);
    }
    current = null;
  }

  function init() {
    var d = data();
    if (!d) return;
    var ents = d.entities || {};
    document.querySelectorAll(".bf-m[data-bf]").forEach(function (span) {
      if (span.dataset.bfReady) return;
      span.dataset.bfReady = "1";
      if (span.title) { span.setAttribute("data-bf-title", span.title); span.removeAttribute("title"); }
      span.addEventListener("mouseenter", function () { show(span, ents); });
      span.addEventListener("mouseleave", function () { if (document.activeElement !== span) hideSoon(); });
      span.addEventListener("focus", function () { show(span, ents); });
      span.addEventListener("blur", hideSoon);
      span.addEventListener("click", function (ev) {  /* touch: tap toggles */
        /* A tap first fires an emulated mouseenter, which has just opened the card: that tap must
         * not close it again. Only a later tap on an open card closes it. */
        var justOpened = current === span && Date.now() - shownAt < 500;
        if (current === span && tip && !tip.hidden && !justOpened) { hide(); } else { show(span, ents); }
        ev.stopPropagation();
      });
    });
    document.querySelectorAll("[data-place]").forEach(function (el) {
      if (el.dataset.bfReady) return;
      el.dataset.bfReady = "1";
      var id = el.getAttribute("data-place");
      el.addEventListener("mouseenter", function () { highlight(id, true); });
      el.addEventListener("mouseleave", function () { highlight(id, false); });
    });
  }

  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") hide(); });
  document.addEventListener("click", function () { hide(); });
  window.addEventListener("scroll", function () { if (current && tip && !tip.hidden) place(tip, current); }, { passive: true });

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(function () {
      hide();
      var old = document.getElementById("bf-tooltip");  /* one card per document, never two */
      if (old) old.remove();
      tip = null;
      init();
    });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
