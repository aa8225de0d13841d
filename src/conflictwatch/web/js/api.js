// Talking to the API (same origin, relative URLs) and turning the filter state into a query.
export const FILTER_KEYS = ["start", "end", "country", "event_type", "sub_event_type", "actor", "text",
  "min_fatalities", "dataset", "bbox"];

export function query(filters, extra = {}, omit = []) {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = filters[k];
    if (!omit.includes(k) && v !== undefined && v !== null && v !== "") p.set(k, v);
  }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== null) p.set(k, v);
  return p.toString();
}

export async function getJSON(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  if (!r.ok) {
    let msg = `${r.status} ${r.statusText}`;
    try {
      const body = await r.json();
      if (body && typeof body.detail === "string") msg = body.detail;
    } catch { /* not JSON */ }
    throw new Error(msg);
  }
  return r.json();
}
