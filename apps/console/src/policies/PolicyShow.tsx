import Typography from '@mui/material/Typography';
import {
  FunctionField,
  Labeled,
  Show,
  SimpleShowLayout,
  TextField,
  useRecordContext,
  type RaRecord,
} from 'react-admin';
import { DIVISION_LABELS, type Division } from '../calendar/calendar.types';
import { formatLocalDate } from '../shared/format';
import { PolicyKindField } from './PolicyKindField';
import { PolicyDepartures, type CodeDeparture } from './PolicyDepartures';
import { PolicyTimescales } from './PolicyTimescales';

interface Window {
  readonly length: number;
  readonly unit: 'WORKING_DAYS' | 'CALENDAR_DAYS' | string;
}

function windowText(window: Window | null | undefined, none: string): string {
  if (!window) return none;
  const unit = window.unit === 'CALENDAR_DAYS' ? 'calendar day' : 'working day';
  return `${window.length} ${unit}${window.length === 1 ? '' : 's'}`;
}

const Section = ({ children }: { readonly children: string }) => (
  <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
    {children}
  </Typography>
);

const Timescales = () => {
  const record = useRecordContext();
  if (!record?.stage1 || !record.stage2) return null;
  return <PolicyTimescales stage1={record.stage1} stage2={record.stage2} />;
};

const Departures = () => {
  const record = useRecordContext();
  if (!record) return null;
  return <PolicyDepartures departures={(record.departures ?? []) as CodeDeparture[]} />;
};

const Closures = () => {
  const record = useRecordContext();
  const closures = (record?.closures ?? []) as { date: string; title: string }[];
  if (closures.length === 0) {
    return <Typography variant="body2">None: only weekends and bank holidays.</Typography>;
  }
  return (
    <ul aria-label="Closure days">
      {[...closures]
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((closure) => (
          <li key={closure.date}>
            {formatLocalDate(closure.date)}: {closure.title}
          </li>
        ))}
    </ul>
  );
};

/** A policy: its figures, its closure days and where it departs from the Code. */
export const PolicyShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" label="Name" />
      <TextField source="description" label="Description" />
      <Labeled label="Kind">
        <PolicyKindField />
      </Labeled>
      <TextField source="version" label="Version" />
      <FunctionField
        label="Bank holidays of"
        render={(record: RaRecord) => DIVISION_LABELS[record.division as Division] ?? ''}
      />
      <Section>Departures from the Complaint Handling Code</Section>
      <Departures />
      <Section>Timescales</Section>
      <Timescales />
      <FunctionField
        label="Due soon"
        render={(record: RaRecord) => `${record.warningDays} working days before a due date`}
      />
      <FunctionField
        label="Escalation window after the stage 1 response"
        render={(record: RaRecord) => windowText(record.escalation?.window, 'No time limit')}
      />
      <FunctionField
        label="Closes automatically after the stage 2 response"
        render={(record: RaRecord) => windowText(record.closing?.autoCloseAfterStage2, 'Never')}
      />
      <FunctionField
        label="Closing waits for agreed actions"
        render={(record: RaRecord) => (record.closing?.requireActionsComplete ? 'Yes' : 'No')}
      />
      <FunctionField
        label="Stage 2 handled by someone other than stage 1's"
        render={(record: RaRecord) => (record.independentStage2Handler ? 'Yes' : 'No')}
      />
      <Labeled label="Closure days">
        <Closures />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);

export default PolicyShow;
