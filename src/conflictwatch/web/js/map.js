// The Leaflet map: bundled country shapes (no tiles), clustered markers sized by fatalities.
import { fmt, h } from "./dom.js";
import { typeColor } from "./taxonomy.js";

const L = window.L;

function dotSize(fatalities) {
  return Math.min(34, 9 + 3.2 * Math.sqrt(fatalities || 0));
}

function markerIcon(p) {
  const s = dotSize(p.fatalities);
  const el = h("div", { class: "ev-dot", style: { background: typeColor(p.event_type) } });
  return L.divIcon({ html: el, className: "ev-icon", iconSize: [s, s] });
}

function clusterIcon(cluster) {
  const markers = cluster.getAllChildMarkers();
  const byType = new Map();
  let deaths = 0;
  for (const m of markers) {
    byType.set(m.options.etype, (byType.get(m.options.etype) || 0) + 1);
    deaths += m.options.fatalities || 0;
  }
  const top = [...byType.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const n = markers.length;
  const s = Math.round(28 + 7 * Math.log10(n));
  const el = h("div", { class: "ev-cluster", style: { borderColor: typeColor(top) } },
    h("span", {}, n >= 1000 ? `${Math.round(n / 100) / 10}k` : String(n)));
  el.title = `${fmt.format(n)} events, ${fmt.format(deaths)} fatalities`;
  return L.divIcon({ html: el, className: "ev-icon", iconSize: [s, s] });
}

function tooltip(p) {
  return h("div", { class: "tip" },
    h("strong", {}, p.sub_event_type || p.event_type || ""),
    h("div", {}, [p.location, p.country].filter(Boolean).join(", ")),
    h("div", {}, `${p.event_date} · ${fmt.format(p.fatalities || 0)} fatalities`),
    p.dataset ? h("div", { class: "tip-ds" }, `source: ${p.dataset}`) : null);
}

export function createMap(el, { onSelect, onMove }) {
  const map = L.map(el, { worldCopyJump: true, minZoom: 2, maxZoom: 12, zoomSnap: 1 }).setView([10, 15], 3);
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution("Boundaries: Natural Earth (public domain)");
  fetch("data/countries-50m.geojson")
    .then((r) => r.json())
    .then((geo) => L.geoJSON(geo, { interactive: false, style: {
      color: "#9aa5b1", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map).bringToBack());

  const cluster = L.markerClusterGroup({
    showCoverageOnHover: false, maxClusterRadius: 45, spiderfyOnMaxZoom: true, iconCreateFunction: clusterIcon,
  });
  map.addLayer(cluster);
  const byId = new Map();
  map.createPane("selection").style.zIndex = 650; // above the markers
  const ring = L.circleMarker([0, 0], { radius: 17, color: "#17202a", weight: 3, fill: false, interactive: false,
    pane: "selection", renderer: L.svg({ pane: "selection" }) });
  let quiet = false;
  map.on("moveend", () => { if (!quiet) onMove(); });

  return {
    setEvents(fc, fit) {
      cluster.clearLayers();
      byId.clear();
      const markers = [];
      for (const f of fc.features) {
        if (!f.geometry) continue;
        const [lon, lat] = f.geometry.coordinates;
        const p = f.properties;
        const m = L.marker([lat, lon], { icon: markerIcon(p), etype: p.event_type, fatalities: p.fatalities,
          keyboard: false, title: "" });
        m.bindTooltip(() => tooltip(p), { direction: "top", offset: [0, -6] });
        m.on("click", () => onSelect(p.id));
        byId.set(p.id, m);
        markers.push(m);
      }
      cluster.addLayers(markers);
      if (fit && markers.length) {
        quiet = true;
        map.fitBounds(cluster.getBounds().pad(0.15), { maxZoom: 7 });
        setTimeout(() => { quiet = false; }, 400);
      }
      return markers.length;
    },
    focus(id) {
      const m = byId.get(id);
      if (!m) return;
      const at = m.getLatLng();
      ring.setLatLng(at).addTo(map);
      quiet = true;
      map.setView(at, Math.max(map.getZoom(), 6));
      setTimeout(() => { quiet = false; }, 400);
    },
    unfocus() { ring.remove(); },
    bbox() {
      const b = map.getBounds();
      const c = (v, lo, hi) => Math.max(lo, Math.min(hi, v)).toFixed(4);
      return [c(b.getWest(), -180, 180), c(b.getSouth(), -90, 90), c(b.getEast(), -180, 180),
        c(b.getNorth(), -90, 90)].join(",");
    },
    invalidate() { map.invalidateSize(); },
  };
}
