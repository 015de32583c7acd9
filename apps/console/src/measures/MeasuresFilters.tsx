import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { currentReportingYear, reportingYearLabel, reportingYears } from './reporting-year';
import type { TenureFilter } from './measures.types';

const TENURE_CHOICES: readonly { id: string; name: string }[] = [
  { id: 'ALL', name: 'All tenures' },
  { id: 'LCRA', name: 'Low-cost rental (LCRA)' },
  { id: 'LCHO', name: 'Low-cost home ownership (LCHO)' },
];

/** The reporting year ("2026-27") picker, newest first. */
export const YearPicker = ({
  year,
  onChange,
}: {
  year: number;
  onChange: (year: number) => void;
}) => (
  <TextField
    select
    label="Reporting year"
    value={year}
    onChange={(event) => onChange(Number(event.target.value))}
    sx={{ minWidth: 170 }}
  >
    {reportingYears(currentReportingYear()).map((value) => (
      <MenuItem key={value} value={value}>
        {reportingYearLabel(value)}
      </MenuItem>
    ))}
  </TextField>
);

/** The year and the tenure the figures are for: the TSMs are reported per tenure. */
export const MeasuresFilters = ({
  year,
  tenure,
  onChange,
}: {
  year: number;
  tenure: TenureFilter;
  onChange: (next: { year?: number; tenure?: TenureFilter }) => void;
}) => (
  <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
    <YearPicker year={year} onChange={(next) => onChange({ year: next })} />
    <TextField
      select
      label="Tenure"
      value={tenure ?? 'ALL'}
      onChange={(event) =>
        onChange({
          tenure: event.target.value === 'ALL' ? null : (event.target.value as TenureFilter),
        })
      }
      sx={{ minWidth: 260 }}
    >
      {TENURE_CHOICES.map((choice) => (
        <MenuItem key={choice.id} value={choice.id}>
          {choice.name}
        </MenuItem>
      ))}
    </TextField>
  </Stack>
);
