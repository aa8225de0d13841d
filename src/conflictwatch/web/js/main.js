// Wires the filter panel, map, timeline, table and event view to the API. The filter state lives
// in the URL fragment so a view can be bookmarked or shared.
import { getJSON, query } from "./api.js";
import { renderDetail } from "./detail.js";
import { clear, fmt, h } from "./dom.js";
import { createMap } from "./map.js";
import { periodDates, periodOf } from "./periods.js";
import { createTable } from "./table.js";
import { EVENT_TYPES } from "./taxonomy.js";
import { createTimeline } from "./timeline.js";

const MAP_LIMIT = 5000;
const PAGE = 50;
const $ = (id) => document.getElementById(id);
const form = $("filters");
const state = { filters: {}, sort: "-event_date", interval: "month", next: null, fit: true, selected: null };

function setSummary(...parts) { clear($("summary")).append(...parts); }
function fail(err) { setSummary(h("span", { class: "error" }, `Error: ${err.message}`)); }

function readForm() {
  const f = {};
  for (const el of form.elements) {
    if (!el.name || el.name === "in_view") continue;
    if (el.value !== "") f[el.name] = el.value.trim();
  }
  if (form.elements.in_view.checked) f.bbox = map.bbox();
  return f;
}

function writeForm(f) {
  for (const el of form.elements) {
    if (el.name && el.name !== "in_view") el.value = f[el.name] || "";
  }
}

function syncHash() {
  const q = query(state.filters, {}, ["bbox"]);
  history.replaceState(null, "", q ? `#${q}` : location.pathname);
  $("export-csv").href = `events?${query(state.filters, { format: "csv", limit: MAP_LIMIT })}`;
  $("export-geojson").href = `events?${query(state.filters, { format: "geojson", limit: MAP_LIMIT })}`;
}

async function loadMap() {
  const fc = await getJSON(`events?${query(state.filters, { format: "geojson", limit: MAP_LIMIT }, ["bbox"])}`);
  const shown = map.setEvents(fc, state.fit);
  state.fit = false;
  const missing = fc.features.length - shown;
  $("map-note").textContent = [
    fc.next ? `Map shows the ${fmt.format(fc.features.length)} most recent matching events.` : "",
    missing ? `${fmt.format(missing)} without coordinates are listed in the table only.` : "",
  ].filter(Boolean).join(" ");
}

async function loadTimeline() {
  const q = query(state.filters, { interval: state.interval, group_by: "event_type" }, ["start", "end"]);
  const ts = await getJSON(`stats/timeseries?${q}`);
  const f = state.filters;
  const sel = f.start || f.end ? [periodOf(Date.parse(f.start || "1900-01-01"), state.interval),
    periodOf(Date.parse(f.end || "2100-01-01"), state.interval)] : null;
  timeline.render(ts.buckets, state.interval, sel);
  $("clear-brush").hidden = !sel;
}

async function loadCount() {
  const [c, tot] = await Promise.all([
    getJSON(`stats/count?${query(state.filters)}`),
    getJSON(`stats/timeseries?${query(state.filters, { interval: "month" })}`),
  ]);
  const deaths = tot.buckets.reduce((a, b) => a + b.fatalities, 0);
  setSummary(h("strong", {}, fmt.format(c.events)), " events · ", h("strong", {}, fmt.format(deaths)), " fatalities");
}

async function loadTable(append = false) {
  const q = query(state.filters, { sort: state.sort, limit: PAGE, cursor: append ? state.next : null });
  const page = await getJSON(`events?${q}`);
  state.next = page.next;
  if (append) table.add(page.events); else table.set(page.events);
  $("more").hidden = !page.next;
  $("table-count").textContent = `${fmt.format(table.rows())} shown`;
  if (state.selected) table.mark(state.selected);
}

async function refresh({ withMap = true } = {}) {
  document.body.dataset.ready = "0";
  state.filters = readForm();
  syncHash();
  const jobs = [loadCount(), loadTimeline(), loadTable()];
  if (withMap) jobs.push(loadMap());
  await Promise.all(jobs).catch(fail);
  document.body.dataset.ready = "1";
}

async function select(id) {
  state.selected = id;
  table.mark(id);
  try {
    const ev = await getJSON(`events/${encodeURIComponent(id)}`);
    renderDetail($("detail-body"), ev, SCHEME);
    $("detail").hidden = false;
    $("detail").scrollTop = 0;
    map.invalidate();
    map.focus(id);
  } catch (err) { fail(err); }
}

const map = createMap($("map"), {
  onSelect: select,
  onMove: () => { if (form.elements.in_view.checked) refresh({ withMap: false }); },
});
const timeline = createTimeline($("chart"), $("chart-tip"), {
  onBrush: (a, b) => {
    form.elements.start.value = periodDates(a, state.interval)[0];
    form.elements.end.value = periodDates(b, state.interval)[1];
    refresh();
  },
});
const table = createTable($("events"), { onSelect: select });

for (const [name, color] of EVENT_TYPES) {
  $("legend").append(h("li", {}, h("span", { class: "swatch", style: { background: color } }), name));
}

// Event and sub-event types come from the API (/taxonomy), the one definition of the scheme.
let SCHEME = { event_types: {}, geo_precision: {}, time_precision: {} };

function fillSubTypes() {
  const sel = form.elements.sub_event_type;
  const keep = sel.value;
  const type = form.elements.event_type.value;
  while (sel.options.length > 1) sel.remove(1);
  const subs = type ? SCHEME.event_types[type] || [] : Object.values(SCHEME.event_types).flat();
  for (const sub of subs) sel.append(h("option", { value: sub }, sub));
  sel.value = subs.includes(keep) ? keep : "";
}

let typing = null;
form.addEventListener("input", (e) => {
  if (e.target.name === "event_type") fillSubTypes();
  clearTimeout(typing);
  const wait = e.target.type === "date" || e.target.tagName === "SELECT" || e.target.type === "checkbox" ? 0 : 350;
  typing = setTimeout(() => { state.fit = e.target.name === "country"; refresh(); }, wait);
});
form.addEventListener("submit", (e) => e.preventDefault());
form.addEventListener("reset", () => setTimeout(() => { state.fit = true; refresh(); }, 0));
$("clear-brush").addEventListener("click", () => {
  form.elements.start.value = "";
  form.elements.end.value = "";
  refresh();
});
$("more").addEventListener("click", () => loadTable(true).catch(fail));
$("detail-close").addEventListener("click", () => {
  $("detail").hidden = true;
  state.selected = null;
  table.mark(null);
  map.unfocus();
  map.invalidate();
});
for (const btn of $("interval").querySelectorAll("button")) {
  btn.addEventListener("click", () => {
    state.interval = btn.dataset.interval;
    for (const b of $("interval").querySelectorAll("button")) b.classList.toggle("on", b === btn);
    loadTimeline().catch(fail);
  });
}
function showSort() {
  for (const b of document.querySelectorAll("th button[data-sort]")) {
    const dir = state.sort === b.dataset.sort ? "asc" : state.sort === `-${b.dataset.sort}` ? "desc" : "";
    b.dataset.dir = dir;
    b.parentElement.setAttribute("aria-sort", dir ? `${dir}ending` : "none");
  }
}
for (const btn of document.querySelectorAll("th button[data-sort]")) {
  btn.addEventListener("click", () => {
    const key = btn.dataset.sort;
    state.sort = state.sort === `-${key}` ? key : `-${key}`;
    showSort();
    loadTable().catch(fail);
  });
}
showSort();

getJSON("stats/timeseries?interval=month&group_by=country").then((ts) => {
  const names = [...new Set(ts.buckets.map((b) => b.group).filter(Boolean))].sort();
  for (const n of names) $("countries").append(h("option", { value: n }));
}).catch(() => {});

async function start() {
  try {
    SCHEME = await getJSON("taxonomy");
  } catch (err) { fail(err); }
  for (const name of Object.keys(SCHEME.event_types)) {
    form.elements.event_type.append(h("option", { value: name }, name));
  }
  const initial = Object.fromEntries(new URLSearchParams(location.hash.slice(1)));
  writeForm(initial);
  fillSubTypes();
  form.elements.sub_event_type.value = initial.sub_event_type || "";
  await refresh();
}

start();
