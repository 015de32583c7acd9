import {
  DataTable,
  DateTimeInput,
  List,
  ReferenceField,
  SelectArrayInput,
  TextField,
  TextInput,
  useRecordContext,
  type RaRecord,
} from 'react-admin';
import { formatDateTime } from '../shared/format';
import { kindLabel, SECURITY_EVENT_KIND_CHOICES } from './audit.choices';

const filters = [
  <SelectArrayInput
    key="kinds"
    source="kinds"
    label="Kinds"
    choices={SECURITY_EVENT_KIND_CHOICES}
    alwaysOn
  />,
  <DateTimeInput key="from" source="from" label="From" alwaysOn />,
  <DateTimeInput key="to" source="to" label="Until" alwaysOn />,
  <TextInput
    key="involving"
    source="involving"
    label="Involving (a user's or key's id)"
    helperText="As the actor or the subject"
  />,
];

function who(kind: unknown, id: unknown): string {
  if (!id) return kind ? String(kind) : 'Nobody signed in';
  return kind ? `${String(kind)} ${String(id)}` : String(id);
}

/** A user by name; anything else (a key, a session, the system) by its kind and id. */
const Party = ({ side }: { readonly side: 'actor' | 'subject' }) => {
  const record = useRecordContext();
  if (!record) return null;
  const kind = record[`${side}Kind`];
  const id = record[`${side}Id`];
  if (side === 'subject' && !id) return null;
  if (kind === 'user' && id) {
    return (
      <ReferenceField source={`${side}Id`} reference="users" link={false} emptyText={String(id)}>
        <TextField source="name" />
      </ReferenceField>
    );
  }
  return <span>{who(kind, id)}</span>;
};

/** The detail the API records with an event, as "key: value" pairs, not JSON. */
function detailOf(record: RaRecord): string {
  const detail = record.detail as Record<string, unknown> | null | undefined;
  if (!detail) return '';
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');
}

/** Who signed in, changed whom, made or revoked which key: newest first, with the filters the API offers. */
export const AuditLogList = () => (
  <List title="Security log" filters={filters} sort={{ field: 'at', order: 'DESC' }}>
    <DataTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col
        source="at"
        label="When"
        render={(record: RaRecord) => formatDateTime(record.at)}
      />
      <DataTable.Col
        source="kind"
        label="What"
        disableSort
        render={(record: RaRecord) => kindLabel(record.kind)}
      />
      <DataTable.Col source="actorId" label="By" disableSort>
        <Party side="actor" />
      </DataTable.Col>
      <DataTable.Col source="subjectId" label="On" disableSort>
        <Party side="subject" />
      </DataTable.Col>
      <DataTable.Col source="address" label="From address" disableSort />
      <DataTable.Col source="detail" label="Detail" disableSort render={detailOf} />
    </DataTable>
  </List>
);

export default AuditLogList;
