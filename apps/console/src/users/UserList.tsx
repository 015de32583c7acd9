import {
  CreateButton,
  DataTable,
  List,
  ReferenceArrayField,
  SearchInput,
  SelectInput,
  SingleFieldList,
  ChipField,
  TopToolbar,
  type RaRecord,
} from 'react-admin';
import { useCan } from './useCan';
import { ROLE_CHOICES, roleLabel } from './user.choices';

const STATUS_CHOICES = [
  { id: true, name: 'Active' },
  { id: false, name: 'Deactivated' },
];

const filters = [
  <SearchInput key="q" source="q" placeholder="Name or email" alwaysOn />,
  <SelectInput key="role" source="role" label="Role" choices={ROLE_CHOICES} alwaysOn />,
  <SelectInput key="active" source="active" label="Status" choices={STATUS_CHOICES} alwaysOn />,
];

const Actions = () => {
  const canManage = useCan('users:manage');
  return <TopToolbar>{canManage && <CreateButton label="Invite a user" />}</TopToolbar>;
};

/** Members of staff with their roles and teams; an administrator can invite and change them. */
export const UserList = () => {
  const canManage = useCan('users:manage');
  return (
    <List
      title="Users"
      filters={filters}
      actions={<Actions />}
      sort={{ field: 'name', order: 'ASC' }}
    >
      <DataTable rowClick={canManage ? 'edit' : false} bulkActionButtons={false}>
        <DataTable.Col source="name" label="Name" />
        <DataTable.Col source="email" label="Email" />
        <DataTable.Col
          source="role"
          label="Role"
          disableSort
          render={(record: RaRecord) => roleLabel(record.role)}
        />
        <DataTable.Col source="teamIds" label="Teams" disableSort>
          <ReferenceArrayField source="teamIds" reference="teams">
            <SingleFieldList linkType={false}>
              <ChipField source="name" size="small" />
            </SingleFieldList>
          </ReferenceArrayField>
        </DataTable.Col>
        <DataTable.Col
          source="active"
          label="Status"
          disableSort
          render={(record: RaRecord) => (record.active ? 'Active' : 'Deactivated')}
        />
      </DataTable>
    </List>
  );
};

export default UserList;
