// Days as the forms take them (YYYY-MM-DD), in UK time.
export function londonToday(now = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}

/** A weekday some working days ahead (weekends skipped; bank holidays do not matter here). */
export function workingDaysAhead(days, from = new Date()) {
  const day = new Date(`${londonToday(from)}T12:00:00Z`);
  let left = days;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) left -= 1;
  }
  return day.toISOString().slice(0, 10);
}
