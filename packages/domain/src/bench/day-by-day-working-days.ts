const DAY_MS = 86_400_000;

/**
 * The obvious way to add working days: step one calendar day at a time and skip weekends and a
 * set of holiday dates. Kept as the yardstick the indexed calendar is measured and tested against.
 */
export function addWorkingDaysDayByDay(
  holidays: ReadonlySet<string>,
  date: string,
  n: number,
): string {
  let time = Date.parse(`${date}T00:00:00Z`);
  const step = n > 0 ? DAY_MS : -DAY_MS;
  for (let left = Math.abs(n); left > 0;) {
    time += step;
    const day = new Date(time);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidays.has(day.toISOString().slice(0, 10))) left--;
  }
  return new Date(time).toISOString().slice(0, 10);
}
