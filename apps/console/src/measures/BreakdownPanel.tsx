import Alert from '@mui/material/Alert';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Loading } from '../shared/Loading';
import { CHART_COLOURS, ChartFigure } from './ChartFigure';
import { breakdownCsvPath } from './download';
import { ExportButton } from './ExportButton';
import { BREAKDOWN_MEASURES, DIMENSION_LABELS, DIMENSIONS, MEASURE_WORDING } from './measure-names';
import { formatCount, formatPercentage, formatPerThousand } from './measures-format';
import { loadBreakdown } from './measures.query';
import type { MeasureDimension, MeasureName, TenureFilter } from './measures.types';
import { reportingYearLabel } from './reporting-year';

const th = { component: 'th', scope: 'col' } as const;

/** Any figure the API can break down, by month, category, team or tenure. */
export const BreakdownPanel = ({ year, tenure }: { year: number; tenure: TenureFilter }) => {
  const [measure, setMeasure] = useState<MeasureName>('CH02_STAGE1');
  const [by, setBy] = useState<MeasureDimension>('MONTH');
  const wording = MEASURE_WORDING[measure];
  const { data, error, isPending } = useQuery({
    queryKey: ['measures', 'breakdown', year, tenure, measure, by],
    queryFn: ({ signal }) => loadBreakdown(year, measure, by, tenure, signal),
  });
  const rate = wording.kind === 'rate';
  const chartData = (data ?? []).map((bucket) => ({
    label: bucket.label,
    figure: rate ? bucket.value : bucket.numerator,
  }));
  const empty =
    data && data.every((bucket) => (rate ? !bucket.denominator : bucket.numerator === 0))
      ? `Nothing was counted for this figure in ${reportingYearLabel(year)} yet.`
      : undefined;

  return (
    <Stack spacing={2}>
      <Stack
        direction={{ xs: 'column', md: 'row' }}
        spacing={2}
        useFlexGap
        alignItems={{ md: 'center' }}
        sx={{ flexWrap: 'wrap' }}
      >
        <TextField
          select
          label="Figure"
          value={measure}
          onChange={(event) => setMeasure(event.target.value as MeasureName)}
          sx={{ minWidth: 360 }}
        >
          {BREAKDOWN_MEASURES.map((name) => (
            <MenuItem key={name} value={name}>
              {MEASURE_WORDING[name].label}
            </MenuItem>
          ))}
        </TextField>
        <ToggleButtonGroup
          exclusive
          value={by}
          onChange={(_event, next: MeasureDimension | null) => next && setBy(next)}
          aria-label="Break down by"
          size="small"
        >
          {DIMENSIONS.map((dimension) => (
            <ToggleButton key={dimension} value={dimension}>
              {DIMENSION_LABELS[dimension]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <ExportButton
          path={breakdownCsvPath(year, measure, by, tenure)}
          fileName={`${measure.toLowerCase()}-by-${by.toLowerCase()}-${year}.csv`}
          label="Download this breakdown (CSV)"
        />
      </Stack>
      {isPending && <Loading what="Loading the breakdown" />}
      {error && <Alert severity="error">{error.message}</Alert>}
      {data && (
        <ChartFigure
          caption={`${wording.label} by ${DIMENSION_LABELS[by].toLowerCase()}`}
          empty={
            data.length === 0 ? `Nothing was counted in ${reportingYearLabel(year)} yet.` : empty
          }
          chart={
            <ResponsiveContainer
              width="100%"
              height="100%"
              initialDimension={{ width: 800, height: 280 }}
            >
              <BarChart data={chartData} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="label" />
                <YAxis {...(rate ? { domain: [0, 100], unit: '%' } : { allowDecimals: false })} />
                <Tooltip
                  formatter={(value) =>
                    rate ? formatPercentage(Number(value)) : formatCount(Number(value))
                  }
                />
                <Bar
                  dataKey="figure"
                  name={rate ? 'Percentage' : 'Complaints'}
                  fill={CHART_COLOURS[0]}
                />
              </BarChart>
            </ResponsiveContainer>
          }
          table={
            <Table
              size="small"
              aria-label={`${wording.label} by ${DIMENSION_LABELS[by].toLowerCase()}`}
            >
              <TableHead>
                <TableRow>
                  <TableCell {...th}>{DIMENSION_LABELS[by]}</TableCell>
                  <TableCell {...th}>{wording.numerator}</TableCell>
                  {rate && <TableCell {...th}>{wording.denominator}</TableCell>}
                  <TableCell {...th}>{rate ? 'Percentage' : 'Per 1,000 homes'}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.map((bucket) => (
                  <TableRow key={bucket.key}>
                    <TableCell component="th" scope="row">
                      {bucket.label}
                    </TableCell>
                    <TableCell>{formatCount(bucket.numerator)}</TableCell>
                    {rate && <TableCell>{formatCount(bucket.denominator)}</TableCell>}
                    <TableCell>
                      {rate ? formatPercentage(bucket.value) : formatPerThousand(bucket.value)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          }
        />
      )}
    </Stack>
  );
};
