import { ReferenceField, TextField, useRecordContext } from 'react-admin';

/** "Preset", or the landlord's own with the name of the policy it was made from. */
export const PolicyKindField = () => {
  const record = useRecordContext();
  if (!record) return null;
  if (record.preset) return <span>Preset</span>;
  if (!record.basedOn) return <span>The landlord&apos;s own</span>;
  return (
    <span>
      The landlord&apos;s own, from{' '}
      <ReferenceField source="basedOn" reference="policies" link={false}>
        <TextField source="name" />
      </ReferenceField>
    </span>
  );
};
