import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { categoryLabel, formatLocalDate } from '../shared/format';
import type { AnnualReport } from './annual-report.query';
import {
  formatCount,
  formatPercentage,
  formatPerThousand,
  ofText,
  tenureLabel,
} from './measures-format';
import type { TsmReport } from './measures.types';

const th = { component: 'th', scope: 'col' } as const;

/** A report section: a heading, and its content or the words for none, never blank. */
export const Section = ({
  id,
  title,
  empty,
  children,
}: {
  id: string;
  title: string;
  empty?: string | false;
  children: ReactNode;
}) => (
  <section aria-labelledby={id} style={{ breakInside: 'avoid-page' }}>
    <Typography id={id} component="h2" variant="h5" sx={{ mt: 3, mb: 1 }}>
      {title}
    </Typography>
    {empty ? <Typography>{empty}</Typography> : children}
  </section>
);

/** The TSM figures with their counts, as the Regulator asks them to be reported. */
export const TsmTable = ({ tsm, caption }: { tsm: TsmReport; caption: string }) => {
  const rows: [string, string, string][] = [
    [
      'CH01 stage 1 complaints per 1,000 homes',
      tsm.homes === null ? 'Homes not entered' : formatPerThousand(tsm.ch01Stage1),
      `${formatCount(tsm.stage1Received)} received; ${tsm.homes === null ? 'homes not entered' : `${formatCount(tsm.homes)} homes`}`,
    ],
    [
      'CH01 stage 2 complaints per 1,000 homes',
      tsm.homes === null ? 'Homes not entered' : formatPerThousand(tsm.ch01Stage2),
      `${formatCount(tsm.stage2Received)} received`,
    ],
    [
      'CH02 stage 1 responded to within the Code’s timescales',
      formatPercentage(tsm.ch02Stage1),
      `${ofText(tsm.stage1RespondedOnTime, tsm.stage1Responded)} responses`,
    ],
    [
      'CH02 stage 1, no extension counted',
      formatPercentage(tsm.ch02Stage1WithoutExtensions),
      `${ofText(tsm.stage1RespondedOnTimeWithoutExtensions, tsm.stage1Responded)} responses`,
    ],
    [
      'CH02 stage 2 responded to within the Code’s timescales',
      formatPercentage(tsm.ch02Stage2),
      `${ofText(tsm.stage2RespondedOnTime, tsm.stage2Responded)} responses`,
    ],
    [
      'CH02 stage 2, no extension counted',
      formatPercentage(tsm.ch02Stage2WithoutExtensions),
      `${ofText(tsm.stage2RespondedOnTimeWithoutExtensions, tsm.stage2Responded)} responses`,
    ],
    [
      'TP09 satisfied with the approach to complaint handling',
      formatPercentage(tsm.tp09),
      `${ofText(tsm.surveySatisfied, tsm.surveyRespondents)} survey respondents`,
    ],
  ];
  return (
    <Table size="small" sx={{ mb: 2 }}>
      <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600 }}>
        {caption}
      </caption>
      <TableHead>
        <TableRow>
          <TableCell {...th}>Measure</TableCell>
          <TableCell {...th}>Figure</TableCell>
          <TableCell {...th}>Counts</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(([label, figure, counts]) => (
          <TableRow key={label}>
            <TableCell component="th" scope="row">
              {label}
            </TableCell>
            <TableCell sx={{ fontWeight: 600 }}>{figure}</TableCell>
            <TableCell>{counts}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export const SelfAssessment = ({ policies }: { policies: AnnualReport['selfAssessment'] }) => (
  <>
    {policies.map((policy) => (
      <div key={`${policy.policyId}-${policy.version}`}>
        <Typography component="h3" variant="h6">
          {policy.name}, version {policy.version} ({formatCount(policy.cases)}{' '}
          {policy.cases === 1 ? 'case' : 'cases'})
        </Typography>
        {policy.departures.length === 0 ? (
          <Typography>No departures from the Complaint Handling Code.</Typography>
        ) : (
          <Table size="small" aria-label={`Departures of ${policy.name} from the Code`}>
            <TableHead>
              <TableRow>
                <TableCell {...th}>Clause</TableCell>
                <TableCell {...th}>Departure</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {policy.departures.map((departure) => (
                <TableRow key={departure.code}>
                  <TableCell component="th" scope="row">
                    {departure.clause}
                  </TableCell>
                  <TableCell>{departure.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
    ))}
  </>
);

export const LessonsTable = ({ lessons }: { lessons: AnnualReport['lessons'] }) => (
  <Table size="small" aria-label="Lessons learnt">
    <TableHead>
      <TableRow>
        <TableCell {...th}>Lesson</TableCell>
        <TableCell {...th}>Category</TableCell>
        <TableCell {...th}>Tenure</TableCell>
        <TableCell {...th}>Recorded</TableCell>
      </TableRow>
    </TableHead>
    <TableBody>
      {lessons.map((lesson, i) => (
        <TableRow key={i}>
          <TableCell component="th" scope="row">
            {lesson.lesson}
          </TableCell>
          <TableCell>{categoryLabel(lesson.category)}</TableCell>
          <TableCell>{tenureLabel(lesson.tenure)}</TableCell>
          <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatLocalDate(lesson.recordedAt)}</TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);

export const ImprovementsTable = ({
  improvements,
}: {
  improvements: AnnualReport['improvements'];
}) => (
  <Table size="small" aria-label="You said, we did">
    <TableHead>
      <TableRow>
        <TableCell {...th}>You said</TableCell>
        <TableCell {...th}>We did</TableCell>
        <TableCell {...th}>Category</TableCell>
      </TableRow>
    </TableHead>
    <TableBody>
      {improvements.map((entry, i) => (
        <TableRow key={i}>
          <TableCell component="th" scope="row">
            {entry.youSaid}
          </TableCell>
          <TableCell>{entry.weDid}</TableCell>
          <TableCell>{entry.category ? categoryLabel(entry.category) : '—'}</TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);
