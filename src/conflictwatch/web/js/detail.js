// The event view: coded fields with confidence, the source text with each field's evidence
// highlighted, and the list of sources. All values are set as text.
import { clear, fmt, h, safeHref } from "./dom.js";
import { datasetOf } from "./table.js";
import { typeColor } from "./taxonomy.js";

const FIELDS = [
  ["event_date", "Date"], ["event_type", "Event type"], ["sub_event_type", "Sub-event type"],
  ["disorder_type", "Disorder type"], ["actor1", "Actor 1"], ["assoc_actor_1", "Associated actor 1"],
  ["inter1", "Inter 1"], ["actor2", "Actor 2"], ["assoc_actor_2", "Associated actor 2"], ["inter2", "Inter 2"],
  ["interaction", "Interaction"], ["civilian_targeting", "Civilian targeting"], ["location", "Location"],
  ["admin2", "Admin 2"], ["admin1", "Admin 1"], ["country", "Country"], ["coordinates", "Coordinates"],
  ["geo_precision", "Geo precision"], ["time_precision", "Time precision"], ["fatalities", "Fatalities"],
  ["recency", "Recency"], ["tags", "Tags"],
];
const HUE = {
  event_date: "date", time_precision: "date", event_type: "type", sub_event_type: "type", actor1: "a1",
  assoc_actor_1: "a1", inter1: "a1", actor2: "a2", assoc_actor_2: "a2", inter2: "a2", location: "place",
  admin1: "place", admin2: "place", admin3: "place", country: "place", latitude: "place", longitude: "place",
  fatalities: "fat", fatalities_low: "fat", fatalities_high: "fat", civilian_targeting: "a2",
};
const hue = (field) => HUE[field] || "other";
// Evidence that marks the whole passage reporting the event, not one coded value.
const CONTEXT = new Set(["mention", "sentence", "context"]);

function value(ev, key, scheme) {
  if ((key === "geo_precision" || key === "time_precision") && ev[key] !== null && ev[key] !== undefined) {
    const meaning = (scheme[key] || {})[ev[key]];
    return meaning ? `${ev[key]}: ${meaning}` : String(ev[key]);
  }
  if (key === "coordinates") {
    return ev.latitude === null || ev.latitude === undefined ? null : `${ev.latitude.toFixed(4)}, ${ev.longitude.toFixed(4)}`;
  }
  if (key === "fatalities" && ev.fatalities !== null && ev.fatalities_low !== null &&
      ev.fatalities_high !== null && ev.fatalities_low !== ev.fatalities_high) {
    return `${fmt.format(ev.fatalities)} (range ${fmt.format(ev.fatalities_low)}–${fmt.format(ev.fatalities_high)})`;
  }
  const v = ev[key];
  return v === null || v === undefined || v === "" ? null : String(v);
}

// Split the text at every span boundary; each piece covered by evidence becomes a <mark>.
export function highlighted(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const sp of spans) {
    cuts.add(Math.max(0, Math.min(text.length, sp.start)));
    cuts.add(Math.max(0, Math.min(text.length, sp.end)));
  }
  const pts = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < pts.length - 1; i++) {
    const [a, b] = [pts[i], pts[i + 1]];
    const piece = text.slice(a, b);
    const all = [...new Set(spans.filter((sp) => sp.start <= a && sp.end >= b).map((sp) => sp.field))];
    const fields = all.filter((f) => !CONTEXT.has(f));
    if (!all.length) { out.push(piece); continue; }
    if (!fields.length) { out.push(h("span", { class: "ev-ctx", title: "the passage that reports this event" }, piece)); continue; }
    const m = h("mark", { class: `ev-mark h-${hue(fields[0])}${all.length > fields.length ? " in-ctx" : ""}`,
      title: fields.join(", ") }, piece);
    m.dataset.fields = fields.join(" ");
    out.push(m);
  }
  return out;
}

function focusField(root, field) {
  const marks = [...root.querySelectorAll("mark.ev-mark")];
  for (const m of marks) m.classList.toggle("active", m.dataset.fields.split(" ").includes(field));
  const first = marks.find((m) => m.classList.contains("active"));
  if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
}

function sourceItem(s) {
  const href = s.url ? safeHref(s.url) : null;
  const title = s.title || s.source || s.article_id;
  return h("li", {},
    href ? h("a", { href, target: "_blank", rel: "noopener noreferrer" }, title) : h("span", {}, title),
    h("div", { class: "muted" }, [s.source, s.published, s.dataset].filter(Boolean).join(" · ")));
}

export function renderDetail(root, ev, scheme = {}) {
  clear(root);
  const withEvidence = new Set((ev.evidence || []).map((e) => e.field));
  root.append(
    h("div", { class: "d-kicker" }, h("span", { class: "swatch", style: { background: typeColor(ev.event_type) } }),
      ev.event_type, h("span", { class: `tag ds-${datasetOf(ev) || "none"}` }, datasetOf(ev) || "no dataset")),
    h("h2", { class: "d-title" }, `${ev.sub_event_type}${ev.location ? ` in ${ev.location}` : ""}`),
    h("div", { class: "d-sub" }, [ev.event_date, ev.country, ev.id].filter(Boolean).join(" · ")),
    ev.notes ? h("p", { class: "d-notes" }, ev.notes) : null);

  const rows = FIELDS.map(([key, label]) => {
    const v = value(ev, key, scheme);
    if (v === null) return null;
    const confKey = key === "coordinates" ? "location" : key;
    const conf = ev.confidence ? ev.confidence[confKey] : undefined;
    const hasEv = withEvidence.has(key) || (key === "coordinates" && withEvidence.has("location"));
    const tr = h("tr", { class: hasEv ? "has-ev" : "" },
      h("th", {}, label),
      h("td", {}, hasEv ? h("span", { class: `chip h-${hue(key)}` }, v) : v),
      h("td", { class: "conf" }, conf === undefined ? "" : h("span", { class: "bar", title: `confidence ${conf}` },
        h("span", { style: { width: `${Math.round(conf * 100)}%` } })),
      conf === undefined ? "" : h("span", { class: "muted" }, `${Math.round(conf * 100)}%`)));
    if (hasEv) tr.addEventListener("click", () => focusField(root, key === "coordinates" ? "location" : key));
    return tr;
  });
  const arts = ev.articles || [];
  for (const a of arts) {
    const spans = (ev.evidence || []).filter((e) => (e.article_id || ev.doc_id) === a.id);
    root.append(h("h3", {}, "Source text"),
      h("div", { class: "muted" }, [a.title, a.source, a.published].filter(Boolean).join(" · ")),
      h("div", { class: "article" }, highlighted(a.text, spans)));
  }
  if (!arts.length) {
    root.append(h("h3", {}, "Source text"),
      h("p", { class: "muted" }, "This event comes from a dataset; no article text is stored for it."));
  }
  root.append(h("h3", {}, "Coded fields"),
    h("p", { class: "hint" }, "Highlighted values have evidence in the text: click one to find it. "
      + "Underlined: the passage that reports the event."),
    h("table", { class: "fields" }, h("tbody", {}, rows)));

  const sources = ev.sources || [];
  root.append(h("h3", {}, `Sources (${sources.length})`),
    sources.length ? h("ul", { class: "sources" }, sources.map(sourceItem)) : h("p", { class: "muted" }, "None recorded."));
}
