import { lazy, Suspense } from 'react';
import { Loading } from '../shared/Loading';
import { loadBankHolidays } from './bank-holidays.query';

const CalendarPage = lazy(() =>
  import('./CalendarPage').then((module) => ({ default: module.CalendarPage })),
);

/** The calendar's route: its page loads on first visit, as every resource's pages do. */
const CalendarRoute = () => (
  <Suspense fallback={<Loading />}>
    <CalendarPage loadBankHolidays={loadBankHolidays} />
  </Suspense>
);

export default CalendarRoute;
