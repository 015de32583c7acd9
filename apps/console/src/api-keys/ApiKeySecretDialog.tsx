import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import TextField from '@mui/material/TextField';
import ContentCopy from '@mui/icons-material/ContentCopy';

export interface ApiKeySecretDialogProps {
  /** The key's name, to say which key the secret belongs to. */
  readonly name: string;
  /** The secret, as createApiKey answered it; never fetched again. */
  readonly secret: string;
  /** Called once the person confirms they have stored the secret. */
  readonly onClose: () => void;
  /** Where the copy goes; the browser's clipboard unless a test gives its own. */
  readonly writeText?: (text: string) => Promise<void>;
}

type CopyState = 'idle' | 'copied' | 'failed';

function clipboardWrite(text: string): Promise<void> {
  if (!navigator.clipboard) return Promise.reject(new Error('No clipboard'));
  return navigator.clipboard.writeText(text);
}

/**
 * The new key's secret, shown once: Redress keeps only a hash of it, so closing this dialog loses
 * it for good. The dialog does not close on a click outside or Escape, only once the person says
 * they have stored it, so the secret is not lost to a stray click.
 */
export const ApiKeySecretDialog = ({
  name,
  secret,
  onClose,
  writeText = clipboardWrite,
}: ApiKeySecretDialogProps) => {
  const [stored, setStored] = useState(false);
  const [copy, setCopy] = useState<CopyState>('idle');

  const copySecret = () => {
    writeText(secret).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };

  return (
    <Dialog
      open
      aria-labelledby="api-key-secret-title"
      aria-describedby="api-key-secret-warning"
      onClose={(_event, reason) => {
        // Only the button closes it: Escape and the backdrop would throw the secret away.
        if (reason !== 'backdropClick' && reason !== 'escapeKeyDown') onClose();
      }}
    >
      <DialogTitle id="api-key-secret-title">The secret of “{name}”</DialogTitle>
      <DialogContent>
        <Alert severity="warning" id="api-key-secret-warning" sx={{ mb: 2 }}>
          This is the only time the secret is shown. Redress keeps only a fingerprint of it, so
          nobody can show it again: copy it now into the partner&apos;s system or a password
          manager. If it is lost, revoke this key and create another.
        </Alert>
        <TextField
          label="Secret"
          value={secret}
          fullWidth
          multiline
          slotProps={{
            input: { readOnly: true, sx: { fontFamily: 'monospace', wordBreak: 'break-all' } },
            htmlInput: { 'aria-readonly': true, spellCheck: false },
          }}
          onFocus={(event) => event.target.select()}
        />
        <Button sx={{ mt: 1 }} variant="outlined" startIcon={<ContentCopy />} onClick={copySecret}>
          Copy the secret
        </Button>
        <div role="status" aria-live="polite">
          {copy === 'copied' && <Alert severity="success">Copied to the clipboard.</Alert>}
          {copy === 'failed' && (
            <Alert severity="error">
              The browser did not allow copying: select the secret and copy it by hand.
            </Alert>
          )}
        </div>
        <FormControlLabel
          sx={{ mt: 1 }}
          control={
            <Checkbox checked={stored} onChange={(event) => setStored(event.target.checked)} />
          }
          label="I have stored the secret somewhere safe"
        />
      </DialogContent>
      <DialogActions>
        <Button variant="contained" disabled={!stored} onClick={onClose}>
          Done
        </Button>
      </DialogActions>
    </Dialog>
  );
};
