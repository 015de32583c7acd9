import { CreateButton, DataTable, List, SearchInput, TopToolbar } from 'react-admin';
import { useCan } from '../users/useCan';

const Actions = () => {
  const canManage = useCan('users:manage');
  return <TopToolbar>{canManage && <CreateButton label="Create a team" />}</TopToolbar>;
};

/** The teams cases are assigned to; members are set on each user. */
export const TeamList = () => (
  <List
    title="Teams"
    filters={[<SearchInput key="q" source="q" placeholder="Team name" alwaysOn />]}
    actions={<Actions />}
    sort={{ field: 'name', order: 'ASC' }}
  >
    <DataTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="name" label="Name" />
    </DataTable>
  </List>
);

export default TeamList;
