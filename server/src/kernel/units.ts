// Dates in the kernel: days since 1970-01-01 UTC. Durations use the models library's unit table
// (`UNIT_DAYS`, `convertDuration` in server/src/models/summary/units.ts).

/** Days since 1970-01-01 UTC of an ISO date `YYYY-MM-DD`. */
export function isoToDays(iso: string): number {
  return Date.parse(iso + 'T00:00:00Z') / 86_400_000;
}
