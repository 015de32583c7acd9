import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { OUTCOME_LABELS } from '@redress/domain';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { enumNameOf } from '../complaints/steps/choices';
import { categoryLabel } from '../shared/format';
import { CHART_COLOURS, ChartFigure } from './ChartFigure';
import { formatCount, formatPercentage, ofText } from './measures-format';
import type { MeasureBucket, MeasuresReport } from './measures.types';
import { reportingYearLabel } from './reporting-year';

const th = { component: 'th', scope: 'col' } as const;

/** A rate's cell: "38 of 41 (92.7%)", or "—" where nothing was counted. */
export function rateCell(bucket: MeasureBucket | undefined): string {
  if (!bucket || !bucket.denominator) return '—';
  return `${ofText(bucket.numerator, bucket.denominator)} (${formatPercentage(bucket.value)})`;
}

interface MonthRow {
  key: string;
  label: string;
  stage1: MeasureBucket | undefined;
  stage2: MeasureBucket | undefined;
}

/** Stage 1's and stage 2's months side by side, in the order the API gives them. */
export function monthRows(stage1: readonly MeasureBucket[], stage2: readonly MeasureBucket[]) {
  const rows = new Map<string, MonthRow>();
  for (const bucket of stage1)
    rows.set(bucket.key, { ...bucket, stage1: bucket, stage2: undefined });
  for (const bucket of stage2) {
    const row = rows.get(bucket.key);
    if (row) row.stage2 = bucket;
    else
      rows.set(bucket.key, {
        key: bucket.key,
        label: bucket.label,
        stage1: undefined,
        stage2: bucket,
      });
  }
  return [...rows.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** CH02 by the month of the response, stage 1 and stage 2. */
export const Ch02ByMonthChart = ({
  year,
  stage1,
  stage2,
}: {
  year: number;
  stage1: readonly MeasureBucket[];
  stage2: readonly MeasureBucket[];
}) => {
  const rows = monthRows(stage1, stage2);
  const data = rows.map((row) => ({
    label: row.label,
    'Stage 1': row.stage1?.value ?? null,
    'Stage 2': row.stage2?.value ?? null,
  }));
  const counted = rows.some((row) => row.stage1?.denominator || row.stage2?.denominator);
  return (
    <ChartFigure
      caption="CH02 by month: percentage responded to within the Code’s timescales"
      empty={
        counted ? undefined : `No complaints were responded to in ${reportingYearLabel(year)} yet.`
      }
      chart={
        <ResponsiveContainer
          width="100%"
          height="100%"
          initialDimension={{ width: 800, height: 280 }}
        >
          <BarChart data={data} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis domain={[0, 100]} unit="%" />
            <Tooltip formatter={(value) => formatPercentage(Number(value))} />
            <Legend />
            <Bar dataKey="Stage 1" fill={CHART_COLOURS[0]} />
            <Bar dataKey="Stage 2" fill={CHART_COLOURS[1]} />
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <Table size="small" aria-label="CH02 by month">
          <TableHead>
            <TableRow>
              <TableCell {...th}>Month</TableCell>
              <TableCell {...th}>Stage 1 on time</TableCell>
              <TableCell {...th}>Stage 2 on time</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.key}>
                <TableCell component="th" scope="row">
                  {row.label}
                </TableCell>
                <TableCell>{rateCell(row.stage1)}</TableCell>
                <TableCell>{rateCell(row.stage2)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      }
    />
  );
};

const OUTCOME_NAMES = Object.keys(OUTCOME_LABELS).map(enumNameOf);

/** Outcomes per category: one row a category, one column an outcome, as the API counts them. */
export function outcomeRows(outcomes: MeasuresReport['outcomesByCategory']) {
  const rows = new Map<string, Record<string, number>>();
  for (const { category, outcome, count } of outcomes) {
    const row = rows.get(category) ?? {};
    row[outcome] = (row[outcome] ?? 0) + count;
    rows.set(category, row);
  }
  return [...rows.entries()]
    .map(([category, counts]) => ({ category, counts }))
    .sort((a, b) => a.category.localeCompare(b.category));
}

export const OutcomesByCategoryChart = ({
  year,
  outcomes,
}: {
  year: number;
  outcomes: MeasuresReport['outcomesByCategory'];
}) => {
  const rows = outcomeRows(outcomes);
  const labels = Object.values(OUTCOME_LABELS);
  const data = rows.map((row) => ({
    label: categoryLabel(row.category),
    ...Object.fromEntries(OUTCOME_NAMES.map((name, i) => [labels[i], row.counts[name] ?? 0])),
  }));
  return (
    <ChartFigure
      caption="Outcomes by category"
      empty={
        rows.length === 0
          ? `No complaints were responded to in ${reportingYearLabel(year)} yet.`
          : undefined
      }
      chart={
        <ResponsiveContainer
          width="100%"
          height="100%"
          initialDimension={{ width: 800, height: 280 }}
        >
          <BarChart data={data} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            {labels.map((label, i) => (
              <Bar key={label} dataKey={label} stackId="outcome" fill={CHART_COLOURS[i]} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <Table size="small" aria-label="Outcomes by category">
          <TableHead>
            <TableRow>
              <TableCell {...th}>Category</TableCell>
              {labels.map((label) => (
                <TableCell key={label} {...th}>
                  {label}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.category}>
                <TableCell component="th" scope="row">
                  {categoryLabel(row.category)}
                </TableCell>
                {OUTCOME_NAMES.map((name) => (
                  <TableCell key={name}>{formatCount(row.counts[name] ?? 0)}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      }
    />
  );
};
