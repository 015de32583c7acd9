import { useState } from 'react';
import Button from '@mui/material/Button';
import { Confirm, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { graphqlRequest } from '../shared/graphql-client';

const DEACTIVATE = `mutation ($id: ID!) { deactivateUser(id: $id) { id active } }`;
const REACTIVATE = `mutation ($id: ID!) { reactivateUser(id: $id) { id active } }`;

/**
 * Deactivates a user (they can no longer sign in and their sessions end at once) or lets a
 * deactivated one back in, after a confirmation that says so.
 */
export const UserActiveButton = () => {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const active = Boolean(record.active);

  const confirm = async () => {
    setBusy(true);
    try {
      await graphqlRequest(active ? DEACTIVATE : REACTIVATE, { id: record.id });
      notify(active ? `${record.name} is deactivated.` : `${record.name} can sign in again.`, {
        type: 'info',
      });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'The change was not saved.', {
        type: 'error',
      });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };

  return (
    <>
      <Button color={active ? 'error' : 'primary'} onClick={() => setOpen(true)} disabled={busy}>
        {active ? 'Deactivate' : 'Reactivate'}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title={active ? `Deactivate ${record.name}?` : `Reactivate ${record.name}?`}
        content={
          active
            ? 'They will not be able to sign in, and any session they have open ends now. Their cases stay assigned until reassigned.'
            : 'They will be able to sign in again with their role and teams as they are.'
        }
        confirm={active ? 'Deactivate' : 'Reactivate'}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
