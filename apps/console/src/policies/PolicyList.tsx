import { CreateButton, DataTable, List, SearchInput, TopToolbar, type RaRecord } from 'react-admin';
import { useCan } from '../users/useCan';
import { PolicyKindField } from './PolicyKindField';
import { DIVISION_LABELS, type Division } from '../calendar/calendar.types';

const Actions = () => {
  const canWrite = useCan('policies:write');
  return (
    <TopToolbar>{canWrite && <CreateButton label="Create a policy from a preset" />}</TopToolbar>
  );
};

function departuresOf(record: RaRecord): string {
  const count = Array.isArray(record.departures) ? record.departures.length : 0;
  if (count === 0) return 'None';
  return count === 1 ? 'One' : String(count);
}

/** The presets Redress ships and the landlord's own policies, each with its departures. */
export const PolicyList = () => (
  <List
    title="Policies"
    filters={[<SearchInput key="q" source="q" placeholder="Policy name" alwaysOn />]}
    actions={<Actions />}
    sort={{ field: 'name', order: 'ASC' }}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" label="Name" />
      <DataTable.Col source="basedOn" label="Kind" disableSort>
        <PolicyKindField />
      </DataTable.Col>
      <DataTable.Col source="version" label="Version" disableSort />
      <DataTable.Col
        source="division"
        label="Bank holidays of"
        disableSort
        render={(record: RaRecord) => DIVISION_LABELS[record.division as Division] ?? ''}
      />
      <DataTable.Col
        source="departures"
        label="Departures from the Code"
        disableSort
        render={departuresOf}
      />
    </DataTable>
  </List>
);

export default PolicyList;
