import { CreateButton, DataTable, List, SelectInput, TopToolbar, type RaRecord } from 'react-admin';
import { formatDateTime } from '../shared/format';
import { ApiKeyRevokeButton } from './ApiKeyRevokeButton';
import { scopeLabel } from './api-key.choices';

const Actions = () => (
  <TopToolbar>
    <CreateButton label="Create a key" />
  </TopToolbar>
);

function statusOf(record: RaRecord): string {
  if (record.revokedAt) return `Revoked ${formatDateTime(record.revokedAt)}`;
  if (record.expiresAt && Date.parse(record.expiresAt) <= Date.now()) return 'Expired';
  return 'Working';
}

const when = (value: unknown, none: string) =>
  typeof value === 'string' ? formatDateTime(value) : none;

/** Partners' API keys, newest first, revoked ones included; the secret is never shown here. */
export const ApiKeyList = () => (
  <List
    title="API keys"
    filters={[
      <SelectInput
        key="revoked"
        source="revoked"
        label="Status"
        choices={[
          { id: false, name: 'Not revoked' },
          { id: true, name: 'Revoked' },
        ]}
        alwaysOn
      />,
    ]}
    actions={<Actions />}
    sort={{ field: 'createdAt', order: 'DESC' }}
  >
    <DataTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="name" label="Name" />
      <DataTable.Col source="prefix" label="Starts with" disableSort />
      <DataTable.Col
        source="scopes"
        label="May"
        disableSort
        render={(record: RaRecord) =>
          Array.isArray(record.scopes) ? record.scopes.map(scopeLabel).join('; ') : ''
        }
      />
      <DataTable.Col
        source="createdAt"
        label="Created"
        render={(record: RaRecord) => when(record.createdAt, '')}
      />
      <DataTable.Col
        source="lastUsedAt"
        label="Last used"
        disableSort
        render={(record: RaRecord) => when(record.lastUsedAt, 'Never')}
      />
      <DataTable.Col
        source="expiresAt"
        label="Expires"
        disableSort
        render={(record: RaRecord) => when(record.expiresAt, 'Never')}
      />
      <DataTable.Col source="revokedAt" label="Status" disableSort render={statusOf} />
      <DataTable.Col label="Actions" disableSort>
        <ApiKeyRevokeButton />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default ApiKeyList;
