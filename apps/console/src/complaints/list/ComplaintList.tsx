import { DataTable, List, TextField, type RaRecord } from 'react-admin';
import { DeadlineChip, type DeadlineValue } from '../../shared/DeadlineChip';
import { categoryLabel, formatLocalDate } from '../../shared/format';
import { complaintFilters, ComplaintQuickFilters } from './ComplaintFilters';

const resident = (record: RaRecord) => record.complainant?.name ?? '—';
const assignee = (record: RaRecord) =>
  record.assignedTo?.name ?? record.assignee ?? record.team?.name ?? 'Unassigned';

/** The complaints list: what a handler scans to choose the next case. */
const ComplaintList = () => (
  <List
    title="Complaints"
    filters={complaintFilters}
    aside={<ComplaintQuickFilters />}
    sort={{ field: 'receivedAt', order: 'DESC' }}
    perPage={25}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="reference" label="Reference">
        <TextField source="reference" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }} />
      </DataTable.Col>
      <DataTable.Col label="Resident" disableSort render={resident} />
      <DataTable.Col source="stageLabel" label="Stage" disableSort />
      <DataTable.Col source="statusLabel" label="Status" disableSort />
      <DataTable.Col
        source="nextDeadline.dueOn"
        label="Next deadline"
        render={(record: RaRecord) => (
          <DeadlineChip deadline={record.nextDeadline as DeadlineValue | null} />
        )}
      />
      <DataTable.Col label="Assignee" disableSort render={assignee} />
      <DataTable.Col
        source="category"
        label="Category"
        disableSort
        render={(record: RaRecord) => categoryLabel(record.category)}
      />
      <DataTable.Col
        source="receivedAt"
        label="Received"
        render={(record: RaRecord) => formatLocalDate(record.receivedOn ?? record.receivedAt)}
      />
    </DataTable>
  </List>
);

export default ComplaintList;
