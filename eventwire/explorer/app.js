// eventwire explorer: a small single-page front end over the read-only HTTP API.
// Routes live in the URL hash: #/events?filters, #/actors, #/actor/KEY, #/quotes.
"use strict";

const QUADS = {
  1: { label: "verbal cooperation", color: "#74c476" },
  2: { label: "material cooperation", color: "#238b45" },
  3: { label: "verbal conflict", color: "#fd8d3c" },
  4: { label: "material conflict", color: "#d7301f" },
};
const FILTER_KEYS = ["q", "actor", "side", "country", "type", "quad_class", "modality",
  "date_from", "date_to", "place"];
const PAGE_SIZE = 25;
const GRAVITY = 0.4;  // pulls separate components of the network towards the middle
const DAY_MS = 86400000;
const MAX_TICKS = 6;  // date ticks on the timeline's axis, never finer than one bar
const state = { route: "", params: new URLSearchParams(), eventsPage: 1, sort: "-date",
  actorPage: 1, lastTimeline: null, cameo: {}, network: null, topN: 12, dyadBy: "actor" };
let pending = 0;

// ------------------------------------------------------------ helpers

function $(sel, root = document) { return root.querySelector(sel); }
function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => (
    { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}
function busy(delta) {
  pending += delta;
  $("#loading").hidden = pending <= 0;
}
async function api(path, params) {
  const query = params ? `?${params.toString()}` : "";
  busy(1);
  try {
    const response = await fetch(`${path}${query}`, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const detail = Array.isArray(body.detail)
        ? body.detail.map((d) => `${(d.loc || []).slice(-1)[0]}: ${d.msg}`).join("; ")
        : body.detail || response.statusText;
      throw new Error(detail);
    }
    return body;
  } finally {
    busy(-1);
  }
}
// An article's URL as a link target only when it is http(s): javascript:, data: and the
// like stay text.
function webUrl(url) {
  if (typeof url !== "string") return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function actorLink(ref) {
  if (!ref) return "";
  const cc = ref.country ? `<span class="cc">${esc(ref.country)}</span>` : "";
  if (!ref.key) return `${esc(ref.name || ref.id)}${cc}`;
  return `<a href="#/actor/${encodeURIComponent(ref.key)}" data-stop>${esc(ref.name)}</a>${cc}`;
}
function actorList(refs) {
  return refs && refs.length ? refs.map(actorLink).join(", ") : '<span class="muted">—</span>';
}
function badge(ev) {
  const quad = QUADS[ev.quad_class];
  const title = quad ? quad.label : "";
  return `<span class="badge q${esc(ev.quad_class)}" title="${esc(title)}">${esc(ev.type)}</span>`
    + (ev.mode ? `<span class="tag">${esc(ev.mode)}</span>` : "")
    + (ev.modality && ev.modality !== "asserted" ? `<span class="tag">${esc(ev.modality)}</span>` : "");
}
function cameoLabel(code) { return code ? state.cameo[code] || "" : ""; }
function cameoCell(code) {
  if (!code) return '<span class="muted">—</span>';
  return `<code>${esc(code)}</code>${esc(cameoLabel(code))}`;
}
function plotlyReady() { return typeof window.Plotly !== "undefined"; }
function noChart(el, message) {
  if (plotlyReady()) window.Plotly.purge(el);
  el.innerHTML = `<p class="empty">${esc(message)}</p>`;
}

// ------------------------------------------------------------ routing

function parseHash() {
  const hash = location.hash.replace(/^#/, "") || "/events";
  const [path, query] = hash.split("?");
  return { path, params: new URLSearchParams(query || "") };
}
function go(path, params) {
  const query = params && params.toString() ? `?${params.toString()}` : "";
  location.hash = `#${path}${query}`;
}
function show(view) {
  document.querySelectorAll(".view").forEach((el) => { el.hidden = el.id !== `view-${view}`; });
  document.querySelectorAll("[data-nav]").forEach((a) => {
    a.classList.toggle("active", a.dataset.nav === view || (view === "actor" && a.dataset.nav === "actors"));
  });
}
async function route() {
  const { path, params } = parseHash();
  state.params = params;
  try {
    if (path.startsWith("/actor/")) {
      show("actor");
      await renderActor(decodeURIComponent(path.slice("/actor/".length)), params);
    } else if (path === "/actors") {
      show("actors");
      await renderActors(params);
    } else if (path === "/quotes") {
      show("quotes");
      await renderQuotes(params);
    } else {
      show("events");
      await renderEvents(params);
    }
  } catch (err) {
    $("#filter-error").textContent = err.message;
  }
}

// ------------------------------------------------------------ events view

function filterParams(params) {
  const out = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    for (const value of params.getAll(key)) {
      if (value !== "" && !(key === "side" && value === "any")) out.append(key, value);
    }
  }
  return out;
}
function fillForm(params) {
  const form = $("#filters");
  for (const key of FILTER_KEYS) {
    const fields = form.querySelectorAll(`[name="${key}"]`);
    fields.forEach((field) => {
      if (field.type === "checkbox") field.checked = params.getAll(key).includes(field.value);
      else field.value = params.get(key) || (key === "side" ? "any" : "");
    });
  }
}
function readForm() {
  const data = new FormData($("#filters"));
  const params = new URLSearchParams();
  for (const [key, value] of data.entries()) {
    const text = String(value).trim();
    if (text !== "" && !(key === "side" && text === "any")) {
      params.append(key, key === "country" ? text.toUpperCase() : text);
    }
  }
  return params;
}

async function renderEvents(params) {
  $("#filter-error").textContent = "";
  fillForm(params);
  state.sort = params.get("sort") || "-date";
  state.eventsPage = Number(params.get("page") || 1);
  $("#sort").value = state.sort;
  const filters = filterParams(params);
  const pageParams = new URLSearchParams(filters);
  pageParams.set("sort", state.sort);
  pageParams.set("page", String(state.eventsPage));
  pageParams.set("page_size", String(PAGE_SIZE));
  const networkParams = new URLSearchParams(filters);
  networkParams.set("limit", "500");
  const [page, timeline, network, places] = await Promise.all([
    api("/api/events", pageParams), api("/api/timeline", filters),
    api("/api/network", networkParams), api("/api/map", filters),
  ]);
  const csv = new URLSearchParams(filters);
  if (state.sort !== "-date") csv.set("sort", state.sort);
  $("#csv-link").href = `/api/events.csv${csv.toString() ? `?${csv.toString()}` : ""}`;
  renderEventRows($("#events-table tbody"), page.items);
  $("#events-count").textContent = `${page.total.toLocaleString()} matching`;
  renderPager($("#events-pager"), page, (n) => {
    const next = new URLSearchParams(params);
    next.set("page", String(n));
    go("/events", next);
  });
  drawTimeline($("#timeline"), timeline, true);
  $("#timeline-note").textContent = timelineNote(timeline);
  state.network = network;
  drawNetwork($("#network"), network);
  renderDyads($("#dyads tbody"), network);
  drawMap($("#map"), places);
  const open = params.get("event");
  if (open) await openEvent(open, false);
}

function renderEventRows(tbody, items) {
  if (!items.length) {
    tbody.innerHTML = '<tr><td colspan="9" class="empty">No events match these filters.</td></tr>';
    return;
  }
  tbody.innerHTML = items.map((ev) => `
    <tr data-id="${esc(ev.id)}">
      <td class="date">${esc(ev.day || "")}${ev.date ? "" : ' <span class="muted" title="publication date">(pub.)</span>'}</td>
      <td>${badge(ev)}</td>
      <td class="cameo">${cameoCell(ev.cameo)}</td>
      <td>${actorList(ev.source)}</td>
      <td class="arrow">→</td>
      <td>${actorList(ev.target)}</td>
      <td class="evidence"><div>${esc(ev.evidence)}</div></td>
      <td>${esc(ev.place || "")}</td>
      <td class="article">${esc(ev.title || ev.article_id)}${ev.outlet ? ` · ${esc(ev.outlet)}` : ""}</td>
    </tr>`).join("");
}

function renderPager(el, page, goTo) {
  const pages = Math.max(1, Math.ceil(page.total / page.page_size));
  el.innerHTML = `<button type="button" data-p="${page.page - 1}" ${page.page <= 1 ? "disabled" : ""}>‹ Prev</button>
    <span>page ${page.page} of ${pages}</span>
    <button type="button" data-p="${page.page + 1}" ${page.page >= pages ? "disabled" : ""}>Next ›</button>`;
  el.querySelectorAll("button").forEach((b) => b.addEventListener("click", () => goTo(Number(b.dataset.p))));
}

// ------------------------------------------------------------ charts

function periodEnd(start, interval) {
  const d = new Date(`${start}T00:00:00Z`);
  if (interval === "day") d.setUTCDate(d.getUTCDate() + 1);
  else if (interval === "week") d.setUTCDate(d.getUTCDate() + 7);
  else if (interval === "year") d.setUTCFullYear(d.getUTCFullYear() + 1);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function addPeriods(day, interval, k) {
  const d = new Date(`${day}T00:00:00Z`);
  if (interval === "day") d.setUTCDate(d.getUTCDate() + k);
  else if (interval === "week") d.setUTCDate(d.getUTCDate() + 7 * k);
  else if (interval === "year") d.setUTCFullYear(d.getUTCFullYear() + k);
  else d.setUTCMonth(d.getUTCMonth() + k);
  return d.toISOString().slice(0, 10);
}
// One tick every k bars, k chosen so at most MAX_TICKS show: a tick never falls inside a bar,
// so no two ticks can print the same date.
function dateTicks(interval, from, to) {
  const days = Math.max(1, (Date.parse(to) - Date.parse(from)) / DAY_MS);
  const per = { day: 1, week: 7, month: 30.4, year: 365.25 }[interval] || 30.4;
  const k = Math.max(1, Math.ceil(days / per / MAX_TICKS));
  if (interval === "day") return { dtick: k * DAY_MS, tickformat: "%-d %b<br>%Y" };
  if (interval === "week") return { dtick: 7 * k * DAY_MS, tickformat: "%-d %b<br>%Y" };
  if (interval === "year") return { dtick: `M${12 * k}`, tickformat: "%Y" };
  return { dtick: `M${k}`, tickformat: "%b %Y" };
}
function plural(n, word) { return `${n.toLocaleString()} ${word}${n === 1 ? "" : "s"}`; }
function timelineNote(timeline) {
  const parts = [];
  const w = timeline.window || {};
  if (w.from) {
    parts.push(`Shown: the articles' publication window, ${w.from} to ${w.to} (from a week before the first).`);
    if (w.outside) parts.push(`${plural(w.outside, "event")} dated outside it (double-click the chart to see them).`);
  }
  parts.push(`${plural(timeline.undated || 0, "event")} undated (no date and no publication date).`);
  if (timeline.dated_by_publication) {
    parts.push(`${plural(timeline.dated_by_publication, "event")} with no date of their own, placed at their article's publication date.`);
  }
  return parts.join(" ");
}

function drawTimeline(el, timeline, clickable) {
  if (!plotlyReady()) { noChart(el, "Charts need plotly (pip install plotly)."); return; }
  if (!timeline.buckets.length) { noChart(el, "No dated events."); return; }
  el.querySelectorAll(".empty").forEach((msg) => msg.remove());  // keep plotly's own nodes
  const traces = [1, 2, 3, 4].map((q) => {
    const rows = timeline.buckets.filter((b) => b.quad_class === q);
    // each bar as wide as its period, whatever its neighbours: a lone bar stays visible
    return { type: "bar", name: QUADS[q].label, marker: { color: QUADS[q].color },
      x: rows.map((b) => b.period), y: rows.map((b) => b.n), offset: 0,
      width: rows.map((b) => 0.85 * (Date.parse(addPeriods(b.period, timeline.interval, 1)) - Date.parse(b.period))),
      hovertemplate: `%{x}: %{y} ${QUADS[q].label}<extra></extra>` };
  });
  const w = timeline.window || {};
  const periods = timeline.buckets.map((b) => b.period);
  const from = w.from || periods[0];
  const to = w.to || periods[periods.length - 1];
  // bars start at their period's first day (offset 0), so the window ends a period after `to`
  const start = from;
  const end = addPeriods(to, timeline.interval, 1);
  const ticks = dateTicks(timeline.interval, from, to);
  const layout = { barmode: "stack", margin: { l: 44, r: 16, t: 6, b: 40 }, bargap: 0.15,
    legend: { orientation: "h", y: -0.18, font: { size: 11 }, traceorder: "normal" },
    xaxis: { type: "date", tickfont: { size: 11 }, range: [start, end], autorange: false,
      tick0: from, dtick: ticks.dtick, tickformat: ticks.tickformat, ticklabelmode: "instant" },
    yaxis: { tickfont: { size: 11 }, rangemode: "tozero", dtick: 1, tickformat: "d", autorange: true },
    paper_bgcolor: "#fff", plot_bgcolor: "#fff" };
  const totals = new Map();
  for (const b of timeline.buckets) totals.set(b.period, (totals.get(b.period) || 0) + b.n);
  const tallest = Math.max(...totals.values());
  if (tallest > 10) delete layout.yaxis.dtick;
  window.Plotly.react(el, traces, layout, { displayModeBar: false, responsive: true });
  if (clickable && !el.dataset.bound) {
    el.dataset.bound = "1";
    el.on("plotly_click", (ev) => {
      const start = String(ev.points[0].x).slice(0, 10);
      const params = filterParams(state.params);
      params.set("date_from", start);
      params.set("date_to", periodEnd(start, state.lastTimeline || "month"));
      go("/events", params);
    });
  }
  if (clickable) state.lastTimeline = timeline.interval;
}

function layoutGraph(nodes, edges) {
  // Fruchterman-Reingold, deterministic start on a circle, bounded iterations.
  const n = nodes.length;
  const pos = nodes.map((_, i) => ({ x: Math.cos((2 * Math.PI * i) / n), y: Math.sin((2 * Math.PI * i) / n) }));
  const index = new Map(nodes.map((node, i) => [node.key, i]));
  const k = Math.sqrt(4 / Math.max(n, 1));
  let temp = 0.2;
  for (let iter = 0; iter < 250; iter += 1) {
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i += 1) {
      for (let j = i + 1; j < n; j += 1) {
        const dx = pos[i].x - pos[j].x; const dy = pos[i].y - pos[j].y;
        const d = Math.max(Math.hypot(dx, dy), 0.01); const f = (k * k) / d;
        disp[i].x += (dx / d) * f; disp[i].y += (dy / d) * f;
        disp[j].x -= (dx / d) * f; disp[j].y -= (dy / d) * f;
      }
    }
    for (const e of edges) {
      const a = index.get(e.source); const b = index.get(e.target);
      const dx = pos[a].x - pos[b].x; const dy = pos[a].y - pos[b].y;
      const d = Math.max(Math.hypot(dx, dy), 0.01); const f = (d * d) / (2.5 * k);
      disp[a].x -= (dx / d) * f; disp[a].y -= (dy / d) * f;
      disp[b].x += (dx / d) * f; disp[b].y += (dy / d) * f;
    }
    for (let i = 0; i < n; i += 1) {
      disp[i].x -= pos[i].x * GRAVITY; disp[i].y -= pos[i].y * GRAVITY;
      const d = Math.max(Math.hypot(disp[i].x, disp[i].y), 0.01);
      pos[i].x += (disp[i].x / d) * Math.min(d, temp);
      pos[i].y += (disp[i].y / d) * Math.min(d, temp);
    }
    temp *= 0.98;
  }
  return pos;
}

// At most N actors: both ends of the heaviest pairs first (the edges come heaviest first), so a
// pair is never cut in half; then the edges between them.
function topNetwork(network, n) {
  const weight = new Map();
  for (const e of network.edges) {
    weight.set(e.source, (weight.get(e.source) || 0) + e.n);
    weight.set(e.target, (weight.get(e.target) || 0) + e.n);
  }
  const chosen = new Set();
  for (const e of network.edges) {
    const room = n - chosen.size;
    const needed = (chosen.has(e.source) ? 0 : 1) + (chosen.has(e.target) ? 0 : 1);
    if (needed <= room) { chosen.add(e.source); chosen.add(e.target); }
    if (chosen.size >= n) break;
  }
  const byKey = new Map(network.nodes.map((node) => [node.key, node]));
  const nodes = [...chosen].map((key) => ({ ...byKey.get(key), n: weight.get(key) }));
  const keep = new Set(nodes.map((node) => node.key));
  return { nodes, edges: network.edges.filter((e) => keep.has(e.source) && keep.has(e.target)), total: weight.size };
}
function shortName(name) { return name && name.length > 24 ? `${name.slice(0, 23)}…` : name || ""; }

function drawNetwork(el, network) {
  if (!plotlyReady()) { noChart(el, "Charts need plotly (pip install plotly)."); return; }
  if (!network.edges.length) {
    noChart(el, "No source → target pairs among these events.");
    $("#network-note").textContent = "";
    return;
  }
  el.querySelectorAll(".empty").forEach((msg) => msg.remove());  // keep plotly's own nodes
  const { nodes, edges, total } = topNetwork(network, state.topN);
  $("#network-note").textContent = `${plural(nodes.length, "actor")} of ${total} shown, ${plural(edges.length, "link")}; `
    + "arrow width = events; green: mostly cooperation, red: mostly conflict. Every pair is in the dyad table.";
  const pos = layoutGraph(nodes, edges);
  const at = new Map(nodes.map((node, i) => [node.key, pos[i]]));
  const heaviest = Math.max(...edges.map((e) => e.n), 1);
  const annotations = edges.map((e) => {
    const share = e.cooperation / Math.max(e.cooperation + e.conflict, 1);
    const color = share >= 0.67 ? "rgba(35,139,69,.6)" : share <= 0.33 ? "rgba(215,48,31,.6)" : "rgba(102,112,133,.6)";
    return { x: at.get(e.target).x, y: at.get(e.target).y, ax: at.get(e.source).x, ay: at.get(e.source).y,
      xref: "x", yref: "y", axref: "x", ayref: "y", text: "", showarrow: true, arrowhead: 2,
      arrowsize: 1, arrowwidth: 1 + (4 * e.n) / heaviest, arrowcolor: color, standoff: 10, startstandoff: 8 };
  });
  const biggest = Math.max(...nodes.map((node) => node.n));
  const xs = pos.map((p) => p.x); const ys = pos.map((p) => p.y);
  const pad = (lo, hi) => { const m = Math.max((hi - lo) * 0.18, 0.3); return [lo - m, hi + m]; };
  const trace = { type: "scatter", mode: "markers+text", x: xs, y: ys,
    // every shown actor is labelled, below or above its marker by turns to keep labels apart
    text: nodes.map((node) => shortName(node.name)),
    textposition: nodes.map((_, i) => (pos[i].y >= 0 ? "top center" : "bottom center")),
    textfont: { size: 12, color: "#1d2433" },
    customdata: nodes.map((node) => node.key),
    hovertext: nodes.map((node) => `${node.name}${node.country ? ` (${node.country})` : ""}: ${node.n} events`),
    hoverinfo: "text", cliponaxis: false,
    marker: { size: nodes.map((node) => 10 + (14 * Math.sqrt(node.n)) / Math.sqrt(biggest)),
      color: "#2f5bd3", line: { color: "#fff", width: 1.5 } } };
  const axis = { visible: false, zeroline: false, showgrid: false, fixedrange: true };
  window.Plotly.react(el, [trace], { margin: { l: 10, r: 10, t: 16, b: 16 }, showlegend: false,
    xaxis: { ...axis, range: pad(Math.min(...xs), Math.max(...xs)) },
    yaxis: { ...axis, range: pad(Math.min(...ys), Math.max(...ys)) },
    annotations, paper_bgcolor: "#fff", plot_bgcolor: "#fff", hovermode: "closest" },
  { displayModeBar: false, responsive: true });
  if (!el.dataset.bound) {
    el.dataset.bound = "1";
    el.on("plotly_click", (ev) => { go(`/actor/${encodeURIComponent(ev.points[0].customdata)}`); });
  }
}

// Source -> target pairs with their counts, by actor or summed by country.
function dyads(network, by) {
  if (by === "actor") {
    return network.edges.map((e) => ({ source: { key: e.source, name: e.source_name, country: e.source_country },
      target: { key: e.target, name: e.target_name, country: e.target_country }, n: e.n,
      cooperation: e.cooperation, conflict: e.conflict }));
  }
  const rows = new Map();
  for (const e of network.edges) {
    const s = e.source_country || "?"; const t = e.target_country || "?";
    const row = rows.get(`${s}>${t}`) || { source: { country: s }, target: { country: t }, n: 0, cooperation: 0, conflict: 0 };
    row.n += e.n; row.cooperation += e.cooperation; row.conflict += e.conflict;
    rows.set(`${s}>${t}`, row);
  }
  return [...rows.values()].sort((x, y) => y.n - x.n
    || x.source.country.localeCompare(y.source.country) || x.target.country.localeCompare(y.target.country));
}
function renderDyads(tbody, network) {
  const rows = dyads(network, state.dyadBy);
  const side = (ref) => (state.dyadBy === "actor" ? actorLink(ref) : esc(ref.country));
  tbody.innerHTML = rows.length ? rows.map((d) => {
    const total = Math.max(d.cooperation + d.conflict, 1);
    return `<tr><td>${side(d.source)}</td><td class="arrow">→</td><td>${side(d.target)}</td>
      <td class="num">${d.n}</td><td class="num">${d.cooperation}</td><td class="num">${d.conflict}</td>
      <td><div class="ratio" title="${d.cooperation} cooperation, ${d.conflict} conflict">
        <span class="c" style="width:${(100 * d.cooperation) / total}%"></span>
        <span class="k" style="width:${(100 * d.conflict) / total}%"></span></div></td></tr>`;
  }).join("") : '<tr><td colspan="7" class="empty">No source → target pairs among these events.</td></tr>';
}

function drawMap(el, data) {
  const note = $("#map-note");
  const placed = data.places.reduce((sum, p) => sum + p.n, 0);
  note.textContent = `${plural(placed, "event")} at ${plural(data.places.length, "place")}; `
    + `${plural(data.unplaced, "event")} without a place with coordinates (not shown).`;
  if (!plotlyReady()) { noChart(el, "Charts need plotly (pip install plotly)."); return; }
  if (!data.places.length) { noChart(el, "None of these events has a place with coordinates."); return; }
  el.querySelectorAll(".empty").forEach((msg) => msg.remove());
  const most = Math.max(...data.places.map((p) => p.n));
  const colour = (p) => {
    const share = p.cooperation / Math.max(p.cooperation + p.conflict, 1);
    return share >= 0.67 ? "#238b45" : share <= 0.33 ? "#d7301f" : "#667085";
  };
  const lats = data.places.map((p) => p.lat); const lons = data.places.map((p) => p.lon);
  const span = (lo, hi, min) => { const m = Math.max((hi - lo) * 0.25, min); return [lo - m, hi + m]; };
  const latRange = span(Math.min(...lats), Math.max(...lats), 8).map((v) => Math.max(-85, Math.min(85, v)));
  const lonRange = span(Math.min(...lons), Math.max(...lons), 14).map((v) => Math.max(-180, Math.min(180, v)));
  const trace = { type: "scattergeo", mode: "markers+text", lat: lats, lon: lons,
    text: data.places.map((p) => p.name), textposition: "top center", textfont: { size: 11, color: "#1d2433" },
    hovertext: data.places.map((p) => `${p.name}${p.country ? ` (${p.country})` : ""}: ${p.n} events`),
    hoverinfo: "text",
    marker: { size: data.places.map((p) => 8 + (18 * Math.sqrt(p.n)) / Math.sqrt(most)),
      color: data.places.map(colour), opacity: 0.8, line: { color: "#fff", width: 1 } } };
  const geo = { projection: { type: "equirectangular" }, resolution: 110, scope: "world",
    showland: true, landcolor: "#eef0f4", showcountries: true, countrycolor: "#b8bec9", countrywidth: 0.6,
    showcoastlines: false, showocean: false, showlakes: false, showrivers: false, showsubunits: false,
    showframe: false, lataxis: { range: latRange }, lonaxis: { range: lonRange }, bgcolor: "#fff" };
  window.Plotly.react(el, [trace], { margin: { l: 4, r: 4, t: 4, b: 4 }, geo, showlegend: false,
    paper_bgcolor: "#fff" },
  // the base map is the explorer's own file: no tile server, no CDN
  { displayModeBar: false, responsive: true, topojsonURL: `${location.origin}/static/topojson/` });
}

// ------------------------------------------------------------ the event panel

function highlighted(text, start, end) {
  if (start == null || end == null || start < 0 || end > text.length || start >= end) return esc(text);
  return `${esc(text.slice(0, start))}<mark class="evidence" id="evidence-mark">${esc(text.slice(start, end))}</mark>${esc(text.slice(end))}`;
}

async function openEvent(id, remember = true) {
  const ev = await api(`/api/events/${encodeURIComponent(id)}`);
  document.querySelectorAll("tr.selected").forEach((tr) => tr.classList.remove("selected"));
  document.querySelectorAll(`tr[data-id="${CSS.escape(id)}"]`).forEach((tr) => tr.classList.add("selected"));
  const art = ev.article || {};
  const quad = QUADS[ev.quad_class];
  const reports = ev.reports.map((r) => `<li class="${r.id === ev.id ? "current" : ""}">
      <a href="#" data-open="${esc(r.id)}">${esc(r.title || r.article_id)}</a>
      <span class="muted">${esc(r.outlet || "")} ${esc(r.published || "")}</span>
      <div class="muted">${esc(r.evidence || "")}</div></li>`).join("");
  $("#panel-body").innerHTML = `
    <div>${badge(ev)} <span class="muted">${quad ? esc(quad.label) : ""}</span></div>
    <h2>${actorList(ev.source)} → ${actorList(ev.target)}</h2>
    <dl>
      <dt>Date</dt><dd>${esc(ev.date || "not stated")}${ev.date_text ? ` <span class="muted">(“${esc(ev.date_text)}”)</span>` : ""}</dd>
      <dt>Place</dt><dd>${esc(ev.place || "—")}${ev.place_country ? ` <span class="cc">${esc(ev.place_country)}</span>` : ""}</dd>
      <dt>Modality</dt><dd>${esc(ev.modality)}</dd>
      ${ev.attributed_to ? `<dt>On the word of</dt><dd>${actorLink(ev.attributed_to)}</dd>` : ""}
      <dt>CAMEO</dt><dd>${ev.cameo ? `<code class="cameo">${esc(ev.cameo)}</code>${esc(cameoLabel(ev.cameo))}` : "—"}</dd>
      <dt>Confidence</dt><dd>${ev.confidence == null ? "—" : Number(ev.confidence).toFixed(2)}</dd>
      <dt>Evidence</dt><dd class="evidence-text">${esc(ev.evidence.text)}</dd>
    </dl>
    <h3>${ev.reports.length > 1 ? `Reported by ${ev.reports.length} articles` : "Reported by"}</h3>
    <ul class="reports">${reports}</ul>
    <h3>${esc(art.title || art.id)}</h3>
    <p class="muted">${esc(art.source || "")} ${esc(art.published || "")}
      ${webUrl(art.url) ? `· <a href="${esc(webUrl(art.url))}" target="_blank" rel="noopener noreferrer">original</a>` : art.url ? `· <span class="muted">${esc(art.url)}</span>` : ""}
      · <span>${esc(art.id)}</span></p>
    <div class="article-text">${highlighted(art.text || "", ev.evidence.start, ev.evidence.end)}</div>`;
  $("#event-panel").hidden = false;
  const mark = $("#evidence-mark");
  if (mark) mark.scrollIntoView({ block: "center" });
  if (remember) {
    const { path, params } = parseHash();
    params.set("event", id);
    history.replaceState(null, "", `#${path}?${params.toString()}`);
  }
}

function closeEvent() {
  $("#event-panel").hidden = true;
  document.querySelectorAll("tr.selected").forEach((tr) => tr.classList.remove("selected"));
  const { path, params } = parseHash();
  if (params.has("event")) {
    params.delete("event");
    history.replaceState(null, "", `#${path}${params.toString() ? `?${params.toString()}` : ""}`);
  }
}

// ------------------------------------------------------------ actors, actor, quotes

async function renderActors(params) {
  const form = $("#actor-search");
  form.q.value = params.get("q") || "";
  form.country.value = params.get("country") || "";
  const query = new URLSearchParams();
  for (const key of ["q", "country"]) if (params.get(key)) query.set(key, params.get(key));
  query.set("page", params.get("page") || "1");
  query.set("page_size", "50");
  const page = await api("/api/actors", query);
  $("#actors-count").textContent = `${page.total.toLocaleString()} actors`;
  $("#actors-table tbody").innerHTML = page.items.length ? page.items.map((a) => `<tr>
      <td><a href="#/actor/${encodeURIComponent(a.key)}">${esc(a.name)}</a></td>
      <td>${esc(a.country || "")}</td><td>${esc(a.kind || "")}</td><td>${esc(a.sector || "")}</td>
      <td class="num">${a.n_events}</td><td class="num">${a.n_articles}</td></tr>`).join("")
    : '<tr><td colspan="6" class="empty">No actors match.</td></tr>';
  renderPager($("#actors-pager"), page, (n) => { const next = new URLSearchParams(params); next.set("page", String(n)); go("/actors", next); });
}

async function renderActor(key, params) {
  const actor = await api(`/api/actors/${encodeURIComponent(key)}`);
  const roles = actor.roles.length ? actor.roles.map(esc).join(", ") : "—";
  const others = actor.names.filter((n) => n !== actor.name);
  $("#actor-head").innerHTML = `<h2>${esc(actor.name)}</h2>
    <div class="facts muted">
      <span>country <b>${esc(actor.country || "—")}</b></span><span>kind <b>${esc(actor.kind || "—")}</b></span>
      <span>sector <b>${esc(actor.sector || "—")}</b></span><span>roles <b>${roles}</b></span>
      <span><b>${actor.n_events}</b> events in <b>${actor.n_articles}</b> articles</span>
      <span>key <code>${esc(actor.key)}</code></span></div>
    ${others.length ? `<p class="muted">also written ${others.map(esc).join(", ")}</p>` : ""}
    <p><a href="#/events?actor=${encodeURIComponent(actor.key)}">Explore its events with filters →</a></p>`;
  drawTimeline($("#actor-timeline"), actor.timeline, false);
  $("#counterparts tbody").innerHTML = actor.counterparts.length ? actor.counterparts.map((c) => {
    const total = Math.max(c.cooperation + c.conflict, 1);
    return `<tr><td><a href="#/actor/${encodeURIComponent(c.key)}">${esc(c.name)}</a><span class="cc">${esc(c.country || "")}</span></td>
      <td class="num">${c.n}</td><td class="num">${c.as_source}</td><td class="num">${c.as_target}</td>
      <td><div class="ratio" title="${c.cooperation} cooperation, ${c.conflict} conflict">
        <span class="c" style="width:${(100 * c.cooperation) / total}%"></span>
        <span class="k" style="width:${(100 * c.conflict) / total}%"></span></div></td></tr>`;
  }).join("") : '<tr><td colspan="5" class="empty">No counterparts.</td></tr>';
  const pageNo = Number(params.get("page") || 1);
  const query = new URLSearchParams({ actor: actor.key, page: String(pageNo), page_size: String(PAGE_SIZE) });
  const page = await api("/api/events", query);
  $("#actor-events-count").textContent = `${page.total} events`;
  renderEventRows($("#actor-events tbody"), page.items);
  renderPager($("#actor-events-pager"), page, (n) => go(`/actor/${encodeURIComponent(key)}`, new URLSearchParams({ page: String(n) })));
}

async function renderQuotes(params) {
  const form = $("#quote-search");
  form.speaker.value = params.get("speaker") || "";
  form.q.value = params.get("q") || "";
  const query = new URLSearchParams();
  for (const key of ["speaker", "q"]) if (params.get(key)) query.set(key, params.get(key));
  query.set("page", params.get("page") || "1");
  query.set("page_size", "50");
  const page = await api("/api/quotes", query);
  $("#quotes-count").textContent = `${page.total.toLocaleString()} quotes`;
  $("#quotes-table tbody").innerHTML = page.items.length ? page.items.map((q) => `<tr>
      <td class="date">${esc(q.published || "")}</td>
      <td>${q.speaker_key ? `<a href="#/actor/${encodeURIComponent(q.speaker_key)}">${esc(q.speaker_name)}</a>` : esc(q.speaker_text || "—")}</td>
      <td>${q.kind === "direct" ? "“" : ""}${esc(q.text)}${q.kind === "direct" ? "”" : ""} <span class="tag">${esc(q.kind)}</span></td>
      <td class="article">${esc(q.title || q.article_id)}</td></tr>`).join("")
    : '<tr><td colspan="4" class="empty">No quotes match.</td></tr>';
  renderPager($("#quotes-pager"), page, (n) => { const next = new URLSearchParams(params); next.set("page", String(n)); go("/quotes", next); });
}

// ------------------------------------------------------------ start

async function loadSummary() {
  const [stats, spec, cameo] = await Promise.all([api("/api/stats"), api("/openapi.json"), api("/api/cameo")]);
  state.cameo = cameo.labels;
  const range = stats.first_published ? ` · published ${stats.first_published} – ${stats.last_published}` : "";
  $("#summary").textContent = `${stats.articles.toLocaleString()} articles · ${stats.events.toLocaleString()} events · ${stats.quotes.toLocaleString()} quotes${range}`;
  const counts = new Map(stats.by_type.map((t) => [t.type, t.n]));
  const types = ((spec.components || {}).schemas || {}).EventType?.enum || [...counts.keys()];
  const select = $('#filters [name="type"]');
  for (const type of types) {
    const option = document.createElement("option");
    option.value = type;
    option.textContent = `${type} (${counts.get(type) || 0})`;
    select.appendChild(option);
  }
}

function bind() {
  $("#filters").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const params = readForm();
    if (state.sort !== "-date") params.set("sort", state.sort);
    go("/events", params);
  });
  $("#reset").addEventListener("click", () => go("/events", new URLSearchParams()));
  $("#sort").addEventListener("change", () => {
    const params = filterParams(state.params);
    params.set("sort", $("#sort").value);
    go("/events", params);
  });
  document.addEventListener("click", (ev) => {
    const open = ev.target.closest("[data-open]");
    if (open) { ev.preventDefault(); openEvent(open.dataset.open).catch(showError); return; }
    if (ev.target.closest("[data-stop], a")) return;
    const row = ev.target.closest("table.events tbody tr[data-id]");
    if (row) openEvent(row.dataset.id).catch(showError);
  });
  $("#panel-close").addEventListener("click", closeEvent);
  $("#network-top").addEventListener("change", () => {
    state.topN = Number($("#network-top").value);
    if (state.network) drawNetwork($("#network"), state.network);
  });
  $("#dyad-by").addEventListener("change", () => {
    state.dyadBy = $("#dyad-by").value;
    if (state.network) renderDyads($("#dyads tbody"), state.network);
  });
  document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") closeEvent(); });
  let timer = null;
  $('#filters [name="actor"]').addEventListener("input", (ev) => {
    clearTimeout(timer);
    const text = ev.target.value.trim();
    if (text.length < 2) return;
    timer = setTimeout(async () => {
      const page = await api("/api/actors", new URLSearchParams({ q: text.slice(0, 200), page_size: "10" })).catch(() => null);
      if (!page) return;
      $("#actor-options").innerHTML = page.items.map((a) => `<option value="${esc(a.key)}">${esc(a.name)} · ${a.n_events} events</option>`).join("");
    }, 250);
  });
  for (const [id, path] of [["#actor-search", "/actors"], ["#quote-search", "/quotes"]]) {
    $(id).addEventListener("submit", (ev) => {
      ev.preventDefault();
      const params = new URLSearchParams();
      for (const [key, value] of new FormData(ev.target).entries()) if (String(value).trim()) params.set(key, String(value).trim());
      go(path, params);
    });
  }
  window.addEventListener("hashchange", () => { $("#event-panel").hidden = true; route(); });
}
function showError(err) { $("#filter-error").textContent = err.message; }

document.addEventListener("DOMContentLoaded", async () => {
  bind();
  await loadSummary().catch(showError);
  await route();
  document.body.dataset.ready = "1";
});
