// The timeline: events per period as bars stacked by event type, fatalities as a line, and a
// brush (drag across the chart) that selects a period for the map and the table.
import { clear, fmt } from "./dom.js";
import { fillPeriods } from "./periods.js";
import { EVENT_TYPES, typeColor } from "./taxonomy.js";

const NS = "http://www.w3.org/2000/svg";
const M = { l: 44, r: 48, t: 12, b: 24 };

function s(tag, attrs, text) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

function ticks(max, n = 3) {
  if (max <= 0) return [0];
  const step = Math.pow(10, Math.floor(Math.log10(max / n)));
  const nice = [1, 2, 5, 10].map((k) => k * step).find((k) => max / k <= n) || step * 10;
  const out = [];
  for (let v = 0; v <= max; v += nice) out.push(v);
  return out;
}

export function createTimeline(svg, tip, { onBrush }) {
  let periods = [];
  let drag = null;
  const hint = tip.textContent;

  let last = null;
  let width = 0;
  new ResizeObserver(() => {
    if (last && svg.clientWidth !== width) render(...last);
  }).observe(svg);

  function render(buckets, interval, selected) {
    last = [buckets, interval, selected];
    width = svg.clientWidth;
    clear(svg);
    const W = svg.clientWidth || 800;
    const H = svg.clientHeight || 150;
    const rows = new Map();
    for (const b of buckets) {
      const r = rows.get(b.period) || { events: 0, fatalities: 0, types: new Map() };
      r.events += b.events;
      r.fatalities += b.fatalities;
      r.types.set(b.group, (r.types.get(b.group) || 0) + b.events);
      rows.set(b.period, r);
    }
    periods = fillPeriods([...rows.keys()], interval);
    if (!periods.length) {
      svg.append(s("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "muted" }, "No events match"));
      return;
    }
    const iw = W - M.l - M.r;
    const ih = H - M.t - M.b;
    const bw = iw / periods.length;
    const maxE = Math.max(1, ...periods.map((p) => rows.get(p)?.events || 0));
    const maxF = Math.max(1, ...periods.map((p) => rows.get(p)?.fatalities || 0));
    const yE = (v) => M.t + ih - (v / maxE) * ih;
    const yF = (v) => M.t + ih - (v / maxF) * ih;

    for (const v of ticks(maxE)) {
      svg.append(s("line", { x1: M.l, x2: W - M.r, y1: yE(v), y2: yE(v), class: "grid" }));
      svg.append(s("text", { x: M.l - 6, y: yE(v) + 4, "text-anchor": "end", class: "axis" }, fmt.format(v)));
    }
    for (const v of ticks(maxF)) {
      svg.append(s("text", { x: W - M.r + 6, y: yF(v) + 4, class: "axis fat" }, fmt.format(v)));
    }
    svg.append(s("text", { x: 4, y: M.t + 2, class: "axis", transform: `rotate(90 4 ${M.t + 2})` }, "events"));
    svg.append(s("text", { x: W - 6, y: M.t + 2, class: "axis fat", transform: `rotate(90 ${W - 6} ${M.t + 2})` },
      "fatalities"));

    if (selected) {
      const [a, b] = selected.map((p) => periods.indexOf(p));
      if (a >= 0 && b >= 0) {
        svg.append(s("rect", { x: M.l + a * bw, y: M.t, width: (b - a + 1) * bw, height: ih, class: "sel" }));
      }
    }
    const order = EVENT_TYPES.map(([n]) => n);
    periods.forEach((p, i) => {
      const r = rows.get(p);
      if (!r) return;
      let acc = 0;
      const types = [...r.types.entries()].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
      for (const [t, n] of types) {
        const y0 = yE(acc);
        acc += n;
        svg.append(s("rect", { x: M.l + i * bw + bw * 0.1, y: yE(acc), width: Math.max(1, bw * 0.8),
          height: Math.max(0.5, y0 - yE(acc)), fill: typeColor(t) }));
      }
    });
    const pts = periods.map((p, i) => `${M.l + (i + 0.5) * bw},${yF(rows.get(p)?.fatalities || 0)}`);
    svg.append(s("polyline", { points: pts.join(" "), class: "fat-line" }));

    const every = Math.max(1, Math.ceil(periods.length / Math.max(2, Math.floor(iw / 70))));
    periods.forEach((p, i) => {
      if (i % every === 0) {
        svg.append(s("text", { x: M.l + (i + 0.5) * bw, y: H - 6, "text-anchor": "middle", class: "axis" }, p));
      }
    });

    const overlay = s("rect", { x: M.l, y: M.t, width: iw, height: ih, class: "overlay" });
    const index = (ev) => {
      const box = svg.getBoundingClientRect();
      return Math.max(0, Math.min(periods.length - 1, Math.floor((ev.clientX - box.left - M.l) / bw)));
    };
    const band = s("rect", { x: 0, y: M.t, width: 0, height: ih, class: "brush", visibility: "hidden" });
    svg.append(band, overlay);
    overlay.addEventListener("pointerdown", (ev) => {
      drag = { from: index(ev) };
      overlay.setPointerCapture(ev.pointerId);
    });
    overlay.addEventListener("pointermove", (ev) => {
      const i = index(ev);
      const r = rows.get(periods[i]);
      tip.textContent = `${periods[i]}: ${fmt.format(r?.events || 0)} events, ${fmt.format(r?.fatalities || 0)} fatalities`;
      if (drag) {
        const [a, b] = [Math.min(drag.from, i), Math.max(drag.from, i)];
        band.setAttribute("x", M.l + a * bw);
        band.setAttribute("width", (b - a + 1) * bw);
        band.setAttribute("visibility", "visible");
      }
    });
    overlay.addEventListener("pointerleave", () => { if (!drag) tip.textContent = hint; });
    overlay.addEventListener("pointerup", (ev) => {
      if (!drag) return;
      const i = index(ev);
      const [a, b] = [Math.min(drag.from, i), Math.max(drag.from, i)];
      drag = null;
      onBrush(periods[a], periods[b]);
    });
  }

  return { render };
}
