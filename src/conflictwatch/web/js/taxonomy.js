// ACLED's six event types and the colour each has on the map, the timeline and the table.
export const EVENT_TYPES = [
  ["Battles", "#c0392b"],
  ["Violence against civilians", "#8e44ad"],
  ["Explosions/Remote violence", "#e67e22"],
  ["Riots", "#d4a017"],
  ["Protests", "#2980b9"],
  ["Strategic developments", "#7f8c8d"],
];
const COLORS = new Map(EVENT_TYPES);
export const typeColor = (t) => COLORS.get(t) || "#555";
export const typeIndex = (t) => EVENT_TYPES.findIndex(([n]) => n === t);
