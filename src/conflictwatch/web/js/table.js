// The event table: one row per event, click to open it; "Load more" follows the cursor.
import { clear, fmt, h } from "./dom.js";
import { typeColor } from "./taxonomy.js";

export function datasetOf(ev) {
  const s = (ev.sources || []).find((x) => x.dataset);
  return s ? s.dataset : "";
}

function confidence(ev) {
  const vals = Object.values(ev.confidence || {});
  return vals.length ? Math.min(...vals) : null;
}

function clip(text) {
  return h("td", { class: "clip", title: text }, text);
}

function row(ev, onSelect) {
  const c = confidence(ev);
  const actors = [ev.actor1, ev.actor2].filter(Boolean);
  const tr = h("tr", { "data-id": ev.id, tabindex: 0 },
    h("td", { class: "nowrap" }, ev.event_date),
    h("td", { title: `${ev.event_type}: ${ev.sub_event_type}` },
      h("span", { class: "swatch", style: { background: typeColor(ev.event_type) } }),
      h("span", { title: ev.event_type }, ev.sub_event_type)),
    clip(actors.length ? actors.join(" vs ") : "—"),
    clip([ev.location, ev.admin1, ev.country].filter(Boolean).join(", ") || "—"),
    h("td", { class: "num" }, ev.fatalities === null ? "—" : fmt.format(ev.fatalities)),
    h("td", {}, h("span", { class: `tag ds-${datasetOf(ev) || "none"}` }, datasetOf(ev) || "—")),
    h("td", { class: "num" }, c === null ? "—" : `${Math.round(c * 100)}%`));
  tr.addEventListener("click", () => onSelect(ev.id));
  tr.addEventListener("keydown", (e) => { if (e.key === "Enter") onSelect(ev.id); });
  return tr;
}

export function createTable(table, { onSelect }) {
  const body = table.querySelector("tbody");
  return {
    set(events) {
      clear(body);
      this.add(events);
    },
    add(events) {
      for (const ev of events) body.append(row(ev, onSelect));
      if (!body.children.length) {
        body.append(h("tr", {}, h("td", { colspan: 7, class: "muted" }, "No events match these filters.")));
      }
    },
    mark(id) {
      for (const tr of body.querySelectorAll("tr.on")) tr.classList.remove("on");
      for (const tr of body.querySelectorAll("tr")) if (tr.dataset.id === id) tr.classList.add("on");
    },
    rows() { return body.querySelectorAll("tr[data-id]").length; },
  };
}
