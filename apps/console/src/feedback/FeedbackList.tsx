import {
  CreateButton,
  DataTable,
  ExportButton,
  FunctionField,
  List,
  SelectInput,
  TextField,
  TopToolbar,
  type RaRecord,
} from 'react-admin';
import { formatDateTime } from '../shared/format';
import { useCan } from '../users/useCan';
import { CHANNEL_CHOICES, FEEDBACK_KIND_CHOICES, labelOf } from './feedback.choices';

const filters = [
  <SelectInput
    key="kind"
    source="kind"
    label="Kind"
    choices={FEEDBACK_KIND_CHOICES}
    emptyText="Every kind"
    alwaysOn
  />,
];

const Actions = () => {
  const canLog = useCan('feedback:write');
  return (
    <TopToolbar>
      {canLog && <CreateButton label="Log feedback" />}
      <ExportButton />
    </TopToolbar>
  );
};

/** Compliments, suggestions and service requests, newest first. */
export const FeedbackList = () => (
  <List
    title="Compliments and suggestions"
    filters={filters}
    actions={<Actions />}
    sort={{ field: 'receivedAt', order: 'DESC' }}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col
        source="kind"
        label="Kind"
        disableSort
        render={(record: RaRecord) => labelOf(FEEDBACK_KIND_CHOICES, record.kind)}
      />
      <DataTable.Col
        source="receivedAt"
        label="Received"
        render={(record: RaRecord) => formatDateTime(record.receivedAt)}
      />
      <DataTable.Col source="summary" label="Summary" disableSort>
        <TextField source="summary" emptyText="(no summary)" />
      </DataTable.Col>
      <DataTable.Col source="from" label="From" disableSort>
        <TextField source="from" emptyText="Not given" />
      </DataTable.Col>
      <DataTable.Col source="channel" label="Channel" disableSort>
        <FunctionField render={(record: RaRecord) => labelOf(CHANNEL_CHOICES, record.channel)} />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default FeedbackList;
