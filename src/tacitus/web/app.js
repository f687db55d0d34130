/* Tacitus dashboard: plain JavaScript and hand-drawn SVG, no build step, no third-party code.
 *
 * Safety rule for this file: text that comes from an article or the store is only ever placed
 * with textContent / createTextNode / setAttribute — never innerHTML — so an article containing
 * <script> or <img onerror=...> shows as text. The Content-Security-Policy (default-src 'self')
 * would block inline scripts anyway; this file does not rely on that.
 */
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"};

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------
function $(id) { return document.getElementById(id); }

/** el("td", {class: "x"}, "text", childNode, ...) — strings become text nodes, never HTML. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === "text") node.textContent = v;
    else node.setAttribute(k, String(v));
  }
  for (const c of children) if (c) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function setStatus(id, message, isError) {
  const node = $(id);
  node.textContent = message || "";
  node.classList.toggle("error", Boolean(isError));
}

async function api(path, options) {
  const res = await fetch(path, Object.assign({headers: {"Accept": "application/json"}}, options || {}));
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    const msg = body && (body.message || (typeof body.detail === "string" ? body.detail : null));
    throw new Error(msg || `${res.status} ${res.statusText}`);
  }
  return body;
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "" && v !== null && v !== undefined) q.set(k, v);
  return q.toString();
}

function formValues(form) {
  const out = {};
  for (const [k, v] of new FormData(form).entries()) out[k] = typeof v === "string" ? v.trim() : v;
  return out;
}

function actorText(a) {
  if (!a) return "";
  return a.code || (a.text ? `(${a.text})` : "?");
}

function quadCell(cameo) {
  const q = cameo.quad_class || 0;
  return el("span", {class: `chip q${q}`, title: QUAD_NAMES[q] || "unknown QuadClass"}, String(q || "?"));
}

// ---------------------------------------------------------------------------------------------
// Tabs (WAI-ARIA tabs pattern: arrow keys move between tabs, Tab moves into the panel)
// ---------------------------------------------------------------------------------------------
const panelInit = {};

function selectTab(tab, focus) {
  for (const t of document.querySelectorAll('[role="tab"]')) {
    const on = t === tab;
    t.setAttribute("aria-selected", on ? "true" : "false");
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute("aria-controls")).hidden = !on;
  }
  if (focus) tab.focus();
  const id = tab.getAttribute("aria-controls");
  if (history.replaceState) history.replaceState(null, "", "#" + id.replace("panel-", ""));
  if (panelInit[id] && !panelInit[id].done) { panelInit[id].done = true; panelInit[id](); }
}

function setupTabs() {
  const tabs = Array.from(document.querySelectorAll('[role="tab"]'));
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => selectTab(tab, false));
    tab.addEventListener("keydown", (ev) => {
      let j = null;
      if (ev.key === "ArrowRight") j = (i + 1) % tabs.length;
      else if (ev.key === "ArrowLeft") j = (i - 1 + tabs.length) % tabs.length;
      else if (ev.key === "Home") j = 0;
      else if (ev.key === "End") j = tabs.length - 1;
      if (j !== null) { ev.preventDefault(); selectTab(tabs[j], true); }
    });
  });
  const wanted = (location.hash || "").slice(1);
  const start = tabs.find((t) => t.getAttribute("aria-controls") === "panel-" + wanted);
  if (start) selectTab(start, false);
}

// ---------------------------------------------------------------------------------------------
// 1. Code an article
// ---------------------------------------------------------------------------------------------
function setupCode() {
  const form = $("code-form");
  $("code-file").addEventListener("change", async (ev) => {
    const file = ev.target.files && ev.target.files[0];
    if (!file) return;
    if (file.size > 5000000) { setStatus("code-status", "That file is over 5 MB.", true); return; }
    $("code-text").value = await file.text();
    setStatus("code-status", `Loaded ${file.name} (${file.size.toLocaleString()} bytes).`);
  });
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const raw = $("code-text").value;
    if (!raw.trim()) { setStatus("code-status", "Paste an article or choose a file first.", true); $("code-text").focus(); return; }
    const isHtml = /<\s*(!doctype\s+html|html|body|head|p|div|article)\b/i.test(raw.slice(0, 4096));
    const body = isHtml ? {html: raw} : {text: raw};
    if ($("code-date").value) body.date = $("code-date").value;
    if ($("code-title").value.trim()) body.title = $("code-title").value.trim();
    const button = $("code-run");
    button.disabled = true;
    setStatus("code-status", "Coding…");
    const started = performance.now();
    try {
      const result = await api("/v1/code", {method: "POST", headers: {"Content-Type": "application/json", "Accept": "application/json"},
                                            body: JSON.stringify(body)});
      renderCoded(result);
      const ms = Math.round(performance.now() - started);
      const n = result.events.length;
      setStatus("code-status", `${n} event${n === 1 ? "" : "s"} found in ${ms} ms.`);
    } catch (e) {
      setStatus("code-status", "Could not code this article: " + e.message, true);
    } finally {
      button.disabled = false;
    }
  });
}

/** Split a kept block's text into runs, each covered by the same set of evidence spans. */
function segments(start, end, events) {
  const cuts = new Set([start, end]);
  events.forEach((e) => {
    const s = e.evidence.start, t = e.evidence.end;
    if (t > start && s < end) { cuts.add(Math.max(s, start)); cuts.add(Math.min(t, end)); }
  });
  const points = Array.from(cuts).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const covering = [];
    events.forEach((e, k) => { if (e.evidence.start < b && e.evidence.end > a) covering.push(k); });
    out.push({a, b, covering});
  }
  return out;
}

function renderCoded(result) {
  const article = result.article, events = result.events;
  const text = article.text;
  const view = $("article-view");
  view.replaceChildren();
  $("code-result").hidden = false;
  if (article.title) view.append(el("p", {class: "title"}, article.title));
  for (const w of article.warnings || []) view.append(el("p", {class: "warn"}, "Note: " + w));

  let blocks = (article.blocks || []).slice();
  if (!blocks.some((b) => b.kept)) blocks = [{text: text, kept: true, reason: "", start: 0, end: text.length}];
  const firstMark = {};   // event index -> first <mark> of its evidence
  let covered = 0;
  for (const block of blocks) {
    if (!block.kept) {
      view.append(el("p", {class: "removed"},
        el("span", {class: "reason", title: "removed before coding"}, block.reason || "removed"), " ",
        el("del", {}, block.text)));
      continue;
    }
    const p = el("p", {});
    for (const seg of segments(block.start, block.end, events)) {
      const piece = text.slice(seg.a, seg.b);
      if (!seg.covering.length) { p.append(document.createTextNode(piece)); continue; }
      // Colour by the most conflictual event covering the run; all events are named in the title.
      const quads = seg.covering.map((k) => events[k].cameo.quad_class || 0);
      const q = Math.max(...quads);
      const label = seg.covering.map((k) => {
        const e = events[k];
        return `${e.cameo.code} ${e.cameo.label} (${actorText(e.source)} → ${actorText(e.target)})`;
      }).join("; ");
      const mark = el("mark", {class: `q${q}`, title: label, tabindex: "-1", "data-events": seg.covering.join(" "),
                               "data-codes": seg.covering.map((k) => events[k].cameo.code).join(" ")}, piece);
      seg.covering.forEach((k) => { if (!(k in firstMark)) firstMark[k] = mark; });
      p.append(mark);
    }
    covered = Math.max(covered, block.end);
    view.append(p);
  }

  const tbody = $("code-events").querySelector("tbody");
  tbody.replaceChildren();
  if (!events.length) {
    tbody.append(el("tr", {}, el("td", {colspan: 7, class: "muted"}, "No events: nothing in this text matched a rule with known actors.")));
    return;
  }
  events.forEach((e, k) => {
    const loc = e.location;
    const jump = () => {
      const mark = firstMark[k];
      for (const r of tbody.querySelectorAll("tr.selected")) r.classList.remove("selected");
      row.classList.add("selected");
      for (const m of view.querySelectorAll("mark.current")) m.classList.remove("current");
      if (!mark) return;
      for (const m of view.querySelectorAll("mark")) {
        if ((m.getAttribute("data-events") || "").split(" ").includes(String(k))) m.classList.add("current");
      }
      mark.scrollIntoView({block: "center", behavior: "auto"});
      mark.focus({preventScroll: true});
    };
    const button = el("button", {type: "button", class: "linklike", title: "Show the evidence: " + e.evidence.text},
                      `${e.cameo.code} ${e.cameo.label}`);
    button.addEventListener("click", (ev) => { ev.stopPropagation(); jump(); });
    const flags = [];
    if (e.negated) flags.push("negated");
    if (e.modality && e.modality !== "asserted") flags.push(e.modality);
    const row = el("tr", {class: "clickable", "data-event": k, "data-code": e.cameo.code},
      el("td", {}, el("span", {class: "code"}, actorText(e.source)), el("br"), el("span", {class: "muted"}, e.source.text || "")),
      el("td", {}, quadCell(e.cameo), " ", button, flags.length ? el("div", {class: "muted"}, flags.join(", ")) : null),
      el("td", {}, el("span", {class: "code"}, actorText(e.target)), el("br"), el("span", {class: "muted"}, e.target.text || "")),
      el("td", {}, loc ? `${loc.name}${loc.country ? " (" + loc.country + ")" : ""}` : ""),
      el("td", {}, e.date || ""),
      el("td", {}, e.reported_by ? (e.reported_by.code || e.reported_by.text || "") : ""),
      el("td", {}, e.confidence === null || e.confidence === undefined ? "" : Number(e.confidence).toFixed(2)));
    row.addEventListener("click", jump);
    tbody.append(row);
  });
}

// ---------------------------------------------------------------------------------------------
// 2. Stored events: filters and cursor pagination
// ---------------------------------------------------------------------------------------------
const eventsPager = {filters: {}, cursors: [null], page: 0, next: null};

async function loadEvents() {
  const p = eventsPager;
  const params = Object.assign({}, p.filters, {cursor: p.cursors[p.page] || ""});
  setStatus("events-status", "Loading…");
  try {
    const data = await api("/v1/events?" + query(params));
    p.next = data.next_cursor;
    const tbody = $("events-table").querySelector("tbody");
    tbody.replaceChildren();
    for (const e of data.events) {
      const loc = e.location;
      tbody.append(el("tr", {},
        el("td", {class: "muted"}, e.store ? e.store.id : ""),
        el("td", {}, (e.store && e.store.day) || e.date || ""),
        el("td", {class: "code"}, actorText(e.source)),
        el("td", {}, quadCell(e.cameo), ` ${e.cameo.code} ${e.cameo.label || ""}`),
        el("td", {class: "code"}, actorText(e.target)),
        el("td", {}, loc ? loc.name : ""),
        el("td", {class: "evidence"}, e.evidence.text)));
    }
    if (!data.events.length) tbody.append(el("tr", {}, el("td", {colspan: 7, class: "muted"}, "No stored events match.")));
    const limit = Number(p.filters.limit || 50);
    const from = p.page * limit + 1;
    setStatus("events-status", data.events.length ? `Events ${from}–${from + data.events.length - 1}${p.next ? "" : " (last page)"}.` : "No events.");
    $("events-prev").disabled = p.page === 0;
    $("events-next").disabled = !p.next;
  } catch (e) {
    setStatus("events-status", e.message, true);
  }
}

function setupEvents() {
  $("events-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    eventsPager.filters = formValues(ev.target);
    eventsPager.cursors = [null];
    eventsPager.page = 0;
    loadEvents();
  });
  $("events-next").addEventListener("click", () => {
    if (!eventsPager.next) return;
    eventsPager.page += 1;
    eventsPager.cursors[eventsPager.page] = eventsPager.next;
    loadEvents();
  });
  $("events-prev").addEventListener("click", () => {
    if (eventsPager.page === 0) return;
    eventsPager.page -= 1;
    loadEvents();
  });
  panelInit["panel-events"] = () => { eventsPager.filters = formValues($("events-form")); loadEvents(); };
}

// ---------------------------------------------------------------------------------------------
// 3. Incidents
// ---------------------------------------------------------------------------------------------
const incidentsState = {filters: {}, next: null};

function safeLink(url, label) {
  if (typeof url === "string" && /^https?:\/\//i.test(url)) {
    return el("a", {href: url, rel: "noopener noreferrer", target: "_blank"}, label || url);
  }
  return el("span", {}, label || url || "");
}

async function loadIncidents(append) {
  const params = Object.assign({}, incidentsState.filters, {cursor: append ? incidentsState.next : ""});
  setStatus("incidents-status", "Loading…");
  try {
    const data = await api("/v1/incidents?" + query(params));
    const list = $("incidents-list");
    if (!append) list.replaceChildren();
    for (const inc of data.incidents) {
      const articles = new Map();
      for (const e of inc.events) {
        if (!articles.has(e.article_pk)) articles.set(e.article_pk, {e, events: []});
        articles.get(e.article_pk).events.push(e);
      }
      const items = [];
      for (const [pk, a] of articles) {
        const title = a.e.title || a.e.url || `article ${pk}`;
        items.push(el("li", {},
          a.e.url ? safeLink(a.e.url, title) : el("strong", {}, title),
          a.e.outlet ? el("span", {class: "muted"}, ` — ${a.e.outlet}`) : null,
          el("ul", {}, ...a.events.map((e) => el("li", {},
            el("span", {class: "code"}, `${e.day || ""} ${e.source_code || "?"} ${e.cameo_code} ${e.target_code || "?"}: `),
            e.evidence_text)))));
      }
      const summary = el("summary", {},
        el("span", {class: `chip q${inc.quad_class || 0}`}, `${inc.source_country} → ${inc.target_country}`), " ",
        `CAMEO ${inc.code} · ${inc.first_day}${inc.last_day !== inc.first_day ? " to " + inc.last_day : ""}` +
        `${inc.place_name ? " · " + inc.place_name : ""} · ${inc.n_articles} article${inc.n_articles === 1 ? "" : "s"}, ` +
        `${inc.n_sources} source${inc.n_sources === 1 ? "" : "s"}, ${inc.n_mentions} mention${inc.n_mentions === 1 ? "" : "s"}`);
      list.append(el("li", {}, el("details", {}, summary, el("ul", {}, ...items))));
    }
    incidentsState.next = data.next_cursor;
    $("incidents-more").hidden = !data.next_cursor;
    const n = list.children.length;
    setStatus("incidents-status", n ? `${n} incident${n === 1 ? "" : "s"} shown.` : "No incidents match.");
  } catch (e) {
    setStatus("incidents-status", e.message, true);
  }
}

function setupIncidents() {
  $("incidents-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    incidentsState.filters = formValues(ev.target);
    loadIncidents(false);
  });
  $("incidents-more").addEventListener("click", () => loadIncidents(true));
  panelInit["panel-incidents"] = () => { incidentsState.filters = formValues($("incidents-form")); loadIncidents(false); };
}

// ---------------------------------------------------------------------------------------------
// 4. Dyad chart: Goldstein line per direction (top) and QuadClass stacked bars (bottom)
// ---------------------------------------------------------------------------------------------
function setupDyad() {
  $("dyad-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const v = formValues(ev.target);
    if (!v.a || !v.b) { setStatus("dyad-status", "Give both actors.", true); return; }
    setStatus("dyad-status", "Loading…");
    try {
      const data = await api(`/v1/dyads/${encodeURIComponent(v.a)}/${encodeURIComponent(v.b)}?` + query({by: v.by}));
      drawDyad(data, v.metric || "goldstein_mean");
      const n = data.periods.reduce((s, r) => s + r.events, 0);
      setStatus("dyad-status", n ? `${n} event${n === 1 ? "" : "s"} between ${data.a} and ${data.b}.` :
        `No events between ${data.a} and ${data.b} in the store.`);
    } catch (e) {
      setStatus("dyad-status", e.message, true);
    }
  });
  $("d-metric").addEventListener("change", () => { if (lastDyad) drawDyad(lastDyad, $("d-metric").value); });
}

let lastDyad = null;

function drawDyad(data, metric) {
  lastDyad = data;
  const periods = Array.from(new Set(data.periods.map((r) => r.period_start))).sort();
  const ab = {}, ba = {};
  for (const r of data.periods) (r.source === data.a ? ab : ba)[r.period_start] = r;
  const fig = $("dyad-figure"), box = $("dyad-chart");
  box.replaceChildren();
  fig.hidden = false;
  const tbody = $("dyad-table").querySelector("tbody");
  tbody.replaceChildren();
  $("dyad-data").hidden = !periods.length;
  if (!periods.length) { fig.hidden = true; return; }

  const W = 960, H = 430, L = 56, R = 210, T = 26, mid = 200, B = 60;
  const plotW = W - L - R;
  const step = plotW / periods.length;
  const x = (i) => L + step * (i + 0.5);
  const metricName = metric === "goldstein_sum" ? "Goldstein sum" : "Goldstein mean";
  const root = svg("svg", {viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": "dyad-svg-title dyad-svg-desc", id: "dyad-svg"});
  root.append(svg("title", {id: "dyad-svg-title", text: `${data.a} and ${data.b} by ${data.by}`}));
  root.append(svg("desc", {id: "dyad-svg-desc",
    text: `Top: ${metricName} per ${data.by}, ${data.a}→${data.b} solid, ${data.b}→${data.a} dashed. ` +
          `Bottom: events per ${data.by} by QuadClass, left bar ${data.a}→${data.b}, right bar ${data.b}→${data.a}.`}));

  // Top panel: Goldstein.
  const gv = [];
  for (const p of periods) for (const side of [ab, ba]) if (side[p] && side[p][metric] !== null) gv.push(side[p][metric]);
  let gmax = Math.max(1, ...gv.map(Math.abs));
  if (metric === "goldstein_mean") gmax = 10;
  const gTop = T, gBot = mid - 20;
  const gy = (v) => gTop + (gBot - gTop) * (1 - (v + gmax) / (2 * gmax));
  for (const t of [-gmax, -gmax / 2, 0, gmax / 2, gmax]) {
    root.append(svg("line", {x1: L, x2: L + plotW, y1: gy(t), y2: gy(t), class: t === 0 ? "axis" : "grid"}));
    root.append(svg("text", {x: L - 6, y: gy(t) + 4, "text-anchor": "end", "font-size": 11, text: Number(t.toFixed(1)).toString()}));
  }
  root.append(svg("text", {x: 12, y: (gTop + gBot) / 2, "font-size": 12, transform: `rotate(-90 12 ${(gTop + gBot) / 2})`,
                           "text-anchor": "middle", text: metricName}));
  for (const [side, cls] of [[ab, "ab"], [ba, "ba"]]) {
    const pts = [];
    periods.forEach((p, i) => { if (side[p] && side[p][metric] !== null) pts.push([x(i), gy(side[p][metric]), side[p]]); });
    if (pts.length > 1) root.append(svg("path", {class: `line-${cls}`, d: "M" + pts.map((q) => `${q[0].toFixed(1)},${q[1].toFixed(1)}`).join("L")}));
    for (const [px, py, r] of pts) {
      root.append(svg("circle", {cx: px, cy: py, r: 4, class: `dot-${cls}`},
        svg("title", {text: `${r.period_start} ${r.source}→${r.target}: ${metricName} ${r[metric]} (${r.events} events)`})));
    }
  }

  // Bottom panel: stacked QuadClass counts, two bars per period.
  const cTop = mid + 10, cBot = H - B;
  const cmax = Math.max(1, ...data.periods.map((r) => r.events));
  const cy = (v) => cBot - (cBot - cTop) * (v / cmax);
  for (const t of [0, Math.ceil(cmax / 2), cmax]) {
    root.append(svg("line", {x1: L, x2: L + plotW, y1: cy(t), y2: cy(t), class: t === 0 ? "axis" : "grid"}));
    root.append(svg("text", {x: L - 6, y: cy(t) + 4, "text-anchor": "end", "font-size": 11, text: String(t)}));
  }
  root.append(svg("text", {x: 12, y: (cTop + cBot) / 2, "font-size": 12, transform: `rotate(-90 12 ${(cTop + cBot) / 2})`,
                           "text-anchor": "middle", text: "events"}));
  const bw = Math.max(2, Math.min(26, step * 0.36));
  periods.forEach((p, i) => {
    [[ab, -1], [ba, 1]].forEach(([side, dir]) => {
      const r = side[p];
      if (!r) return;
      let acc = 0;
      const bx = dir < 0 ? x(i) - bw - 1 : x(i) + 1;
      for (const q of [1, 2, 3, 4]) {
        const n = r["q" + q];
        if (!n) continue;
        root.append(svg("rect", {x: bx.toFixed(1), y: cy(acc + n).toFixed(1), width: bw.toFixed(1), height: (cy(acc) - cy(acc + n)).toFixed(1),
                                 class: `bar-q${q}`},
          svg("title", {text: `${p} ${r.source}→${r.target}: ${n} × QuadClass ${q} (${QUAD_NAMES[q]})`})));
        acc += n;
      }
    });
    const every = Math.ceil(periods.length / 12);
    if (i % every === 0) {
      root.append(svg("text", {x: x(i), y: cBot + 16, "text-anchor": "middle", "font-size": 11, text: p}));
    }
  });
  // Legend.
  const lx = L + plotW + 16;
  const legend = [["line-ab", `${data.a} → ${data.b}`], ["line-ba", `${data.b} → ${data.a}`]];
  legend.forEach(([cls, label], i) => {
    root.append(svg("line", {x1: lx, x2: lx + 26, y1: T + 8 + i * 20, y2: T + 8 + i * 20, class: cls}));
    root.append(svg("text", {x: lx + 32, y: T + 12 + i * 20, "font-size": 12, text: label}));
  });
  [1, 2, 3, 4].forEach((q, i) => {
    root.append(svg("rect", {x: lx, y: cTop + i * 20, width: 14, height: 14, class: `bar-q${q}`}));
    root.append(svg("text", {x: lx + 20, y: cTop + 11 + i * 20, "font-size": 12, text: `${q} ${QUAD_NAMES[q]}`}));
  });
  root.append(svg("text", {x: lx, y: cTop + 100, "font-size": 11, text: `bars: left ${data.a}→${data.b},`}));
  root.append(svg("text", {x: lx, y: cTop + 114, "font-size": 11, text: `right ${data.b}→${data.a}`}));
  box.append(root);
  const scale = metric === "goldstein_mean" ? "mean of the events' Goldstein scores, −10 most hostile … +10 most cooperative"
                                             : "sum of the events' Goldstein scores";
  $("dyad-caption").textContent = `${data.a}–${data.b} per ${data.by}. Top: ${scale}. Bottom: events by QuadClass ` +
    `(left bar ${data.a}→${data.b}, right bar ${data.b}→${data.a}).`;

  for (const r of data.periods) {
    tbody.append(el("tr", {}, el("td", {}, r.period_start), el("td", {}, `${r.source}→${r.target}`), el("td", {}, r.events),
      el("td", {}, r.q1), el("td", {}, r.q2), el("td", {}, r.q3), el("td", {}, r.q4),
      el("td", {}, r.goldstein_sum), el("td", {}, r.goldstein_mean === null ? "" : r.goldstein_mean)));
  }
}

// ---------------------------------------------------------------------------------------------
// 5. Map: equirectangular, land from world.json (populated 1° cells), markers at event places
// ---------------------------------------------------------------------------------------------
let worldPath = null;

async function landPath() {
  if (worldPath !== null) return worldPath;
  const world = await api("/static/world.json");
  const parts = [];
  const d = world.cell_degrees || 1;
  for (const [row, runs] of world.rows) {
    for (let i = 0; i < runs.length; i += 2) parts.push(`M${runs[i] * d} ${row * d}h${runs[i + 1] * d}v${d}h${-runs[i + 1] * d}z`);
  }
  worldPath = parts.join("");
  return worldPath;
}

async function loadMap(filters) {
  setStatus("map-status", "Loading…");
  try {
    const places = new Map();
    let cursor = "", pages = 0, total = 0;
    do {  // at most 10 pages of 1,000 events
      const data = await api("/v1/events?" + query(Object.assign({}, filters, {limit: 1000, cursor})));
      for (const e of data.events) {
        total += 1;
        const loc = e.location;
        if (!loc || loc.lat === null || loc.lon === null || loc.lat === undefined) continue;
        const key = `${loc.lat.toFixed(2)},${loc.lon.toFixed(2)}`;
        if (!places.has(key)) places.set(key, {name: loc.name, country: loc.country, lat: loc.lat, lon: loc.lon, n: 0, codes: new Map()});
        const p = places.get(key);
        p.n += 1;
        p.codes.set(e.cameo.code, (p.codes.get(e.cameo.code) || 0) + 1);
      }
      cursor = data.next_cursor;
      pages += 1;
    } while (cursor && pages < 10);
    await drawMap(Array.from(places.values()).sort((a, b) => b.n - a.n));
    const located = Array.from(places.values()).reduce((s, p) => s + p.n, 0);
    setStatus("map-status", `${located} of ${total} event${total === 1 ? "" : "s"} have a place; ${places.size} place${places.size === 1 ? "" : "s"} shown.`);
  } catch (e) {
    setStatus("map-status", e.message, true);
  }
}

async function drawMap(places) {
  const land = await landPath();
  const root = svg("svg", {viewBox: "0 0 360 180", role: "group", "aria-label": "Map of event places", id: "map-svg"});
  root.append(svg("rect", {x: 0, y: 0, width: 360, height: 180, class: "sea"}));
  let grat = "";
  for (let lon = 30; lon < 360; lon += 30) grat += `M${lon} 0V180`;
  for (let lat = 30; lat < 180; lat += 30) grat += `M0 ${lat}H360`;
  root.append(svg("path", {d: grat, class: "graticule"}));
  root.append(svg("path", {d: land, class: "land", "shape-rendering": "crispEdges"}));
  const maxN = Math.max(1, ...places.map((p) => p.n));
  for (const p of places.slice().reverse()) {
    const cx = p.lon + 180, cy = 90 - p.lat;
    const r = 0.9 + 2.8 * Math.sqrt(p.n / maxN);
    const codes = Array.from(p.codes.entries()).map(([c, n]) => `${c}×${n}`).join(", ");
    const label = `${p.name}${p.country ? " (" + p.country + ")" : ""}: ${p.n} event${p.n === 1 ? "" : "s"} — CAMEO ${codes}`;
    root.append(svg("circle", {cx: cx.toFixed(2), cy: cy.toFixed(2), r: r.toFixed(2), class: "marker", tabindex: 0,
                               role: "img", "aria-label": label, "data-place": p.name}, svg("title", {text: label})));
  }
  $("map-canvas").replaceChildren(root);
  const tbody = $("map-table").querySelector("tbody");
  tbody.replaceChildren();
  for (const p of places) {
    tbody.append(el("tr", {}, el("td", {}, p.name), el("td", {}, p.country || ""), el("td", {}, p.n),
      el("td", {}, `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`)));
  }
}

function setupMap() {
  $("map-form").addEventListener("submit", (ev) => { ev.preventDefault(); loadMap(formValues(ev.target)); });
  panelInit["panel-map"] = () => loadMap(formValues($("map-form")));
}

// ---------------------------------------------------------------------------------------------
document.addEventListener("DOMContentLoaded", () => {
  setupCode();
  setupEvents();
  setupIncidents();
  setupDyad();
  setupMap();
  setupTabs();
});
