import { useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { formatDateTime } from '../../shared/format';
import { download, uploadFile } from '../../shared/file-transfer';
import type { AttachmentView, ComplaintPage } from './complaint-query';
import { Section } from './ComplaintPanels';

/** Where a file is attached: POST with its bytes as the body (docs/api.md, "Attachments"). */
export function attachmentUploadPath(
  complaintId: string,
  fileName: string,
  description: string,
): string {
  const query = new URLSearchParams({ complaintId, fileName });
  if (description.trim()) query.set('description', description.trim());
  return `/attachments?${query}`;
}

const TYPE_LABELS: Readonly<Record<string, string>> = {
  'image/jpeg': 'JPEG image',
  'image/png': 'PNG image',
  'image/webp': 'WebP image',
  'image/heic': 'HEIC image',
  'image/heif': 'HEIF image',
  'image/gif': 'GIF image',
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel spreadsheet',
  'application/vnd.oasis.opendocument.text': 'OpenDocument text',
};

/** The type a person reads, from the type the API found in the bytes. */
export function typeLabel(contentType: string): string {
  return TYPE_LABELS[contentType] ?? contentType;
}

/** 2.4 MB, 830 KB, 512 bytes. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export interface AttachmentsPanelProps {
  readonly complaint: Pick<ComplaintPage, 'id' | 'reference' | 'attachments'>;
  /** Reads the case again, once a file has been attached. */
  readonly reload: () => void;
  readonly notify: (message: string) => void;
}

/** The files on a case: listed, downloaded with the token, and attached from a file input. */
export function AttachmentsPanel({ complaint, reload, notify }: AttachmentsPanelProps) {
  const { attachments } = complaint;
  return (
    <Section title="Attachments">
      {attachments === null ? (
        <Typography variant="body2">
          The files on this case are personal data, which your role may not read.
        </Typography>
      ) : (
        <>
          <AttachmentList attachments={attachments} />
          <UploadForm complaintId={complaint.id} reload={reload} notify={notify} />
        </>
      )}
    </Section>
  );
}

function AttachmentList({ attachments }: { readonly attachments: readonly AttachmentView[] }) {
  const [failure, setFailure] = useState<string | null>(null);
  if (attachments.length === 0) {
    return <Typography variant="body2">No files are attached to this case.</Typography>;
  }
  const save = (attachment: AttachmentView) => {
    setFailure(null);
    download(attachment.downloadPath, attachment.fileName).catch((error: unknown) => {
      setFailure(error instanceof Error ? error.message : 'The file could not be downloaded.');
    });
  };
  return (
    <>
      {failure && (
        <Alert severity="error" role="alert" sx={{ mb: 1 }}>
          {failure}
        </Alert>
      )}
      <Table size="small" aria-label="Files on this case">
        <TableHead>
          <TableRow>
            <TableCell>Name</TableCell>
            <TableCell>Type</TableCell>
            <TableCell>Size</TableCell>
            <TableCell>Uploaded by</TableCell>
            <TableCell>When</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {attachments.map((a) => (
            <TableRow key={a.id}>
              <TableCell>
                <Button
                  size="small"
                  onClick={() => save(a)}
                  aria-label={`Download ${a.fileName}`}
                  sx={{ textTransform: 'none', p: 0, minWidth: 0, textAlign: 'left' }}
                >
                  {a.fileName}
                </Button>
                {a.description && (
                  <Typography variant="body2" color="text.secondary">
                    {a.description}
                  </Typography>
                )}
              </TableCell>
              <TableCell>{typeLabel(a.contentType)}</TableCell>
              <TableCell>{formatFileSize(a.sizeBytes)}</TableCell>
              <TableCell>{a.uploadedBy.name ?? a.uploadedBy.kind}</TableCell>
              <TableCell>{formatDateTime(a.uploadedAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

function UploadForm({
  complaintId,
  reload,
  notify,
}: {
  readonly complaintId: string;
  readonly reload: () => void;
  readonly notify: (message: string) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [description, setDescription] = useState('');
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setRefusal('Choose a file to attach first.');
      return;
    }
    setSending(true);
    setRefusal(null);
    try {
      await uploadFile(attachmentUploadPath(complaintId, file.name, description), file);
      notify(`${file.name} is attached to the case.`);
      setFile(null);
      setDescription('');
      if (input.current) input.current.value = '';
      reload();
    } catch (error) {
      // The API's own words: the type it found and those it takes, the limit, the case.
      setRefusal(error instanceof Error ? error.message : 'The file could not be attached.');
    } finally {
      setSending(false);
    }
  };

  return (
    <Box
      component="form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="attach-heading"
      sx={{ mt: 2 }}
    >
      <Typography id="attach-heading" component="h3" variant="subtitle1">
        Attach a file
      </Typography>
      <Typography variant="body2" color="text.secondary" id="attach-hint">
        A photo (JPEG, PNG, WebP, HEIC, GIF), a PDF or a document (Word, Excel, OpenDocument), up to
        20 MiB.
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mt: 1 }} alignItems="start">
        <Box>
          <label htmlFor="attachment-file">
            <Typography component="span" variant="body2" sx={{ display: 'block' }}>
              File to attach
            </Typography>
          </label>
          <input
            id="attachment-file"
            ref={input}
            type="file"
            aria-describedby="attach-hint"
            accept="image/jpeg,image/png,image/webp,image/heic,image/heif,image/gif,application/pdf,.docx,.xlsx,.odt"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </Box>
        <TextField
          label="Description (optional)"
          size="small"
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          slotProps={{ htmlInput: { maxLength: 2000 } }}
        />
        <Button type="submit" variant="contained" disabled={sending}>
          {sending ? 'Attaching…' : 'Attach'}
        </Button>
      </Stack>
      {refusal && (
        <Alert severity="error" role="alert" sx={{ mt: 1 }}>
          {refusal}
        </Alert>
      )}
    </Box>
  );
}
