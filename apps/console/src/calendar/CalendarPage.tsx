import { useEffect, useId, useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CircularProgress from '@mui/material/CircularProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Title, useGetList } from 'react-admin';
import { formatLocalDate } from '../shared/format';
import {
  DIVISION_LABELS,
  DIVISIONS,
  type BankHoliday,
  type Division,
  type LoadBankHolidays,
  type PolicyClosure,
} from './calendar.types';

const FIRST_YEAR = 1990;
const LAST_YEAR = 2199;

interface PolicyRecord {
  readonly id: string;
  readonly name: string;
  readonly closures?: readonly { readonly date: string; readonly title: string }[];
}

type Holidays =
  | { readonly state: 'loading' }
  | { readonly state: 'loaded'; readonly days: readonly BankHoliday[] }
  | { readonly state: 'failed'; readonly message: string };

export interface CalendarPageProps {
  readonly loadBankHolidays: LoadBankHolidays;
  /** The year shown first; this year in the UK by default. */
  readonly initialYear?: number;
}

function thisYearInLondon(): number {
  return Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric' }).format(
      new Date(),
    ),
  );
}

/**
 * The calendar deadlines count on: a division's bank holidays for a year, and the closure days
 * the landlord's policies add on top, each by name. A closure belongs to a policy, so each says
 * whose it is.
 */
export const CalendarPage = ({ loadBankHolidays, initialYear }: CalendarPageProps) => {
  const [year, setYear] = useState(() => initialYear ?? thisYearInLondon());
  const [yearText, setYearText] = useState(String(year));
  const [division, setDivision] = useState<Division>('ENGLAND_AND_WALES');
  const [holidays, setHolidays] = useState<Holidays>({ state: 'loading' });
  const headingId = useId();

  useEffect(() => {
    let current = true;
    setHolidays({ state: 'loading' });
    loadBankHolidays(year, division).then(
      (days) => current && setHolidays({ state: 'loaded', days }),
      (error: unknown) =>
        current &&
        setHolidays({
          state: 'failed',
          message: error instanceof Error ? error.message : 'The bank holidays did not load.',
        }),
    );
    return () => {
      current = false;
    };
  }, [loadBankHolidays, year, division]);

  const { data: policies, error: policiesError } = useGetList<PolicyRecord>('policies', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'name', order: 'ASC' },
  });
  const closures = useMemo<PolicyClosure[]>(
    () =>
      (policies ?? [])
        .flatMap((policy) =>
          (policy.closures ?? []).map((closure) => ({ ...closure, policyName: policy.name })),
        )
        .filter((closure) => closure.date.startsWith(`${year}-`))
        .sort((a, b) => a.date.localeCompare(b.date) || a.policyName.localeCompare(b.policyName)),
    [policies, year],
  );

  const goTo = (next: number) => {
    if (next < FIRST_YEAR || next > LAST_YEAR) return;
    setYear(next);
    setYearText(String(next));
  };
  const yearValid = /^\d{4}$/.test(yearText) && +yearText >= FIRST_YEAR && +yearText <= LAST_YEAR;

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="Calendar" />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            Bank holidays and closure days, {year}
          </Typography>
          <Typography variant="body2" sx={{ mb: 2 }}>
            Deadlines count working days: weekends, these bank holidays and the closure days of the
            policy a case runs under are skipped.
          </Typography>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
            <TextField
              select
              label="Division"
              value={division}
              onChange={(event) => setDivision(event.target.value as Division)}
              sx={{ minWidth: 220 }}
            >
              {DIVISIONS.map((value) => (
                <MenuItem key={value} value={value}>
                  {DIVISION_LABELS[value]}
                </MenuItem>
              ))}
            </TextField>
            <Stack direction="row" spacing={1} alignItems="flex-start">
              <Button onClick={() => goTo(year - 1)} disabled={year <= FIRST_YEAR}>
                Previous year
              </Button>
              <TextField
                label="Year"
                value={yearText}
                error={!yearValid}
                helperText={yearValid ? ' ' : `A year from ${FIRST_YEAR} to ${LAST_YEAR}`}
                onChange={(event) => {
                  setYearText(event.target.value);
                  if (/^\d{4}$/.test(event.target.value)) goTo(Number(event.target.value));
                }}
                slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 4 } }}
                sx={{ width: 120 }}
              />
              <Button onClick={() => goTo(year + 1)} disabled={year >= LAST_YEAR}>
                Next year
              </Button>
            </Stack>
          </Stack>

          <Typography variant="h6" component="h2" id={headingId}>
            Bank holidays in {DIVISION_LABELS[division]}
          </Typography>
          <div aria-live="polite">
            {holidays.state === 'loading' && (
              <CircularProgress size={24} aria-label="Loading the bank holidays" />
            )}
            {holidays.state === 'failed' && <Alert severity="error">{holidays.message}</Alert>}
            {holidays.state === 'loaded' && (
              <>
                {holidays.days.some((day) => !day.published) && (
                  <Alert severity="info" sx={{ my: 1 }}>
                    GOV.UK has not published {year}&apos;s bank holidays yet: these dates follow the
                    rules that set them, and change if a year brings a special holiday.
                  </Alert>
                )}
                <Table size="small" aria-labelledby={headingId}>
                  <TableHead>
                    <TableRow>
                      <TableCell component="th" scope="col">
                        Date
                      </TableCell>
                      <TableCell component="th" scope="col">
                        Bank holiday
                      </TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {holidays.days.map((day) => (
                      <TableRow key={day.date}>
                        <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                          {formatLocalDate(day.date)}
                        </TableCell>
                        <TableCell>{day.title}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </>
            )}
          </div>

          <Typography variant="h6" component="h2" sx={{ mt: 3 }}>
            Closure days in {year}
          </Typography>
          {policiesError ? (
            <Alert severity="error">The policies&apos; closure days did not load.</Alert>
          ) : closures.length === 0 ? (
            <Typography variant="body2">
              {policies ? `No policy declares a closure day in ${year}.` : 'Loading…'}
            </Typography>
          ) : (
            <Table size="small" aria-label={`Closure days in ${year}`}>
              <TableHead>
                <TableRow>
                  <TableCell component="th" scope="col">
                    Date
                  </TableCell>
                  <TableCell component="th" scope="col">
                    Closure
                  </TableCell>
                  <TableCell component="th" scope="col">
                    Policy
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {closures.map((closure) => (
                  <TableRow key={`${closure.policyName}-${closure.date}`}>
                    <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                      {formatLocalDate(closure.date)}
                    </TableCell>
                    <TableCell>{closure.title}</TableCell>
                    <TableCell>{closure.policyName}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
