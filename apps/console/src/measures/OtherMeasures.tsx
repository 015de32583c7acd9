import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link } from 'react-admin';
import { casesLink } from './measure-names';
import {
  findingLabel,
  formatAverage,
  formatCount,
  formatPence,
  formatPercentage,
  ofText,
  refusalReasonLabel,
} from './measures-format';
import type { MeasureName, MeasuresReport, Rate, TenureFilter } from './measures.types';
import { reportingYearLabel } from './reporting-year';

const th = { component: 'th', scope: 'col' } as const;

interface Row {
  label: string;
  figure: string;
  detail: ReactNode;
}

/** A rate's row: its percentage, "x of y", and the cases behind both parts. */
function rateRow(
  label: string,
  rate: Rate,
  measure: MeasureName,
  scope: { year: number; tenure: TenureFilter },
  counted: string,
  extra?: string,
): Row {
  return {
    label,
    figure: formatPercentage(rate.percentage),
    detail:
      rate.denominator === 0 ? (
        `None ${counted} in ${reportingYearLabel(scope.year)} yet.`
      ) : (
        <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }}>
          <span>
            {ofText(rate.numerator, rate.denominator)}
            {extra ? `; ${extra}` : ''}
          </span>
          <Link to={casesLink(scope.year, measure, 'NUMERATOR', scope.tenure)}>Cases counted</Link>
          <Link to={casesLink(scope.year, measure, 'DENOMINATOR', scope.tenure)}>All cases</Link>
        </Stack>
      ),
  };
}

const CountList = ({
  items,
  empty,
}: {
  items: readonly { label: string; count: number }[];
  empty: string;
}) =>
  items.length === 0 ? (
    <>{empty}</>
  ) : (
    <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
      {items.map((item) => (
        <li key={item.label}>
          {item.label}: {formatCount(item.count)}
        </li>
      ))}
    </ul>
  );

/** The year's other measures of complaint handling, each with its counts. */
export const OtherMeasures = ({
  measures,
  year,
  tenure,
  actionsTarget,
}: {
  measures: MeasuresReport;
  year: number;
  tenure: TenureFilter;
  /** The policy's target for actions on time, a percentage; null where it sets none. */
  actionsTarget: number | null;
}) => {
  const scope = { year, tenure };
  const label = reportingYearLabel(year);
  const ack = (stage: number) =>
    measures.acknowledgedOnTime.find((rate) => rate.stage === stage) ?? {
      numerator: 0,
      denominator: 0,
      percentage: null,
    };
  const days = (stage: number) =>
    measures.averageWorkingDaysToRespond.find((average) => average.stage === stage);
  const satisfaction = measures.transactionalSatisfaction;
  const rows: Row[] = [
    rateRow(
      'Stage 1 acknowledged on time',
      ack(1),
      'ACKNOWLEDGED_ON_TIME_STAGE1',
      scope,
      'received',
    ),
    rateRow(
      'Stage 2 acknowledged on time',
      ack(2),
      'ACKNOWLEDGED_ON_TIME_STAGE2',
      scope,
      'received',
    ),
    rateRow(
      'Agreed actions completed on time',
      measures.actionsOnTime,
      'ACTIONS_ON_TIME',
      scope,
      'fell due',
      actionsTarget === null ? 'no target set' : `target ${formatPercentage(actionsTarget)}`,
    ),
    rateRow('Escalated to stage 2', measures.escalationRate, 'ESCALATION_RATE', scope, 'received'),
    ...[1, 2].map((stage) => {
      const average = days(stage);
      return {
        label: `Average working days to respond, stage ${stage}`,
        figure: formatAverage(average?.average),
        detail:
          average && average.average !== null
            ? `Over ${formatCount(average.responses)} responses`
            : `No stage ${stage} responses in ${label} yet.`,
      };
    }),
    {
      label: 'Transactional satisfaction (0 to 10)',
      figure: formatAverage(satisfaction.average),
      detail:
        satisfaction.responses === 0
          ? `No resident has scored how their complaint was handled in ${label} yet.`
          : `${formatCount(satisfaction.responses)} scores; ${
              satisfaction.target === null
                ? 'no target set'
                : `target at least ${formatAverage(satisfaction.target)}${
                    satisfaction.average !== null && satisfaction.average >= satisfaction.target
                      ? ', met'
                      : ', not met'
                  }`
            }`,
    },
    {
      label: 'Compensation offered',
      figure: formatPence(measures.compensationOfferedPence),
      detail: `Paid: ${formatPence(measures.compensationPaidPence)}`,
    },
    {
      label: 'Repeat complainants',
      figure: formatCount(measures.repeatComplainants),
      detail: 'Residents with two or more stage 1 complaints received in the year',
    },
    {
      label: 'Referred to the Ombudsman',
      figure: formatCount(measures.ombudsmanReferrals),
      detail: (
        <CountList
          items={measures.ombudsmanFindings.map((f) => ({
            label: findingLabel(f.finding),
            count: f.count,
          }))}
          empty={`No determinations in ${label} yet.`}
        />
      ),
    },
    {
      label: 'Refused',
      figure: formatCount(measures.refusalsByReason.reduce((sum, r) => sum + r.count, 0)),
      detail: (
        <CountList
          items={measures.refusalsByReason.map((r) => ({
            label: refusalReasonLabel(r.reason),
            count: r.count,
          }))}
          empty={`No complaints were refused in ${label}.`}
        />
      ),
    },
  ];
  return (
    <>
      <Typography component="h2" variant="h5" id="other-measures" sx={{ mb: 1 }}>
        Other measures
      </Typography>
      <Table size="small" aria-labelledby="other-measures">
        <TableHead>
          <TableRow>
            <TableCell {...th}>Measure</TableCell>
            <TableCell {...th}>Figure</TableCell>
            <TableCell {...th}>Counts</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.label}>
              <TableCell component="th" scope="row">
                {row.label}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap', fontWeight: 600 }}>{row.figure}</TableCell>
              <TableCell>{row.detail}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
};
