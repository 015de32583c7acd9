import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { download } from './download';

/**
 * A button that fetches a file route with the session's token and saves it; the API's refusal,
 * if any, is said beside the button, where the person looks.
 */
export const ExportButton = ({
  path,
  fileName,
  label,
  variant = 'outlined',
}: {
  path: string;
  fileName: string;
  label: string;
  variant?: 'outlined' | 'contained' | 'text';
}) => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <Box>
      <Button
        variant={variant}
        startIcon={<FileDownloadOutlined />}
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(undefined);
          download(path, fileName)
            .catch((caught: unknown) =>
              setError(caught instanceof Error ? caught.message : 'The download failed.'),
            )
            .finally(() => setBusy(false));
        }}
      >
        {label}
      </Button>
      {error && (
        <Typography role="alert" variant="body2" color="error" sx={{ mt: 0.5 }}>
          {error}
        </Typography>
      )}
    </Box>
  );
};
