import { useState } from 'react';
import Button from '@mui/material/Button';
import { Confirm, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { graphqlRequest } from '../shared/graphql-client';

const REVOKE = `mutation ($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`;

/** Stops a key working, at once and for good, after a confirmation that says so. */
export const ApiKeyRevokeButton = () => {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record || record.revokedAt) return null;

  const confirm = async () => {
    setBusy(true);
    try {
      await graphqlRequest(REVOKE, { id: record.id });
      notify(`“${record.name}” is revoked: it no longer works.`, { type: 'info' });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'The key was not revoked.', {
        type: 'error',
      });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };

  return (
    <>
      <Button
        color="error"
        size="small"
        onClick={(event) => {
          // The row would open otherwise.
          event.stopPropagation();
          setOpen(true);
        }}
        aria-label={`Revoke “${record.name}”`}
      >
        Revoke
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title={`Revoke “${record.name}”?`}
        content="Every request made with this key is refused from now on. This cannot be undone: the partner will need a new key."
        confirm="Revoke"
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
