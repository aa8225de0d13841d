// Periods of /stats/timeseries ("2024-09-17", "2024-W38", "2024-09") and their date ranges (UTC).
const DAY = 86400000;
const iso = (t) => new Date(t).toISOString().slice(0, 10);

function isoWeekMonday(year, week) {
  const jan4 = Date.UTC(year, 0, 4);
  const dow = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - dow * DAY + (week - 1) * 7 * DAY;
}

export function periodOf(t, interval) {
  const d = new Date(t);
  if (interval === "day") return iso(t);
  if (interval === "month") return iso(t).slice(0, 7);
  const dow = (d.getUTCDay() + 6) % 7;
  const thursday = new Date(t - dow * DAY + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.round((thursday - isoWeekMonday(year, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

// [first day, last day] of a period, as epoch milliseconds.
export function periodSpan(p, interval) {
  if (interval === "day") {
    const t = Date.parse(`${p}T00:00:00Z`);
    return [t, t];
  }
  if (interval === "month") {
    const [y, m] = p.split("-").map(Number);
    return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1) - DAY];
  }
  const [y, w] = p.split("-W").map(Number);
  const start = isoWeekMonday(y, w);
  return [start, start + 6 * DAY];
}

export function periodDates(p, interval) {
  const [a, b] = periodSpan(p, interval);
  return [iso(a), iso(b)];
}

// Every period from the first to the last given one, gaps filled; past ``max`` periods the chart
// would be too dense to read, so only the periods that have events are kept.
export function fillPeriods(periods, interval, max = 2000) {
  if (!periods.length) return [];
  const sorted = [...periods].sort();
  const out = [];
  let t = periodSpan(sorted[0], interval)[0];
  const last = sorted[sorted.length - 1];
  for (;;) {
    const p = periodOf(t, interval);
    out.push(p);
    if (p >= last) return out;
    if (out.length >= max) return sorted;
    t = periodSpan(p, interval)[1] + DAY;
  }
}
