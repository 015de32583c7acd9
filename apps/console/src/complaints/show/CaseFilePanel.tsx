import Typography from '@mui/material/Typography';
import { usePermissions } from 'react-admin';
import { ExportButton } from '../../measures/ExportButton';
import type { ComplaintPage } from './complaint-query';
import { Section } from './ComplaintPanels';

/** Where the Ombudsman's case file of a complaint is served. */
export const caseFilePath = (id: string) => `/records/case-file/${encodeURIComponent(id)}.pdf`;

/**
 * The complete record of the case as one PDF, for the Ombudsman: for those who may read the
 * case's personal data (the API refuses anyone else, and records each export).
 */
export function CaseFilePanel({ complaint }: { readonly complaint: ComplaintPage }) {
  const { permissions } = usePermissions<readonly string[] | undefined>();
  if (!Array.isArray(permissions) || !permissions.includes('complaints:personal')) return null;
  return (
    <Section title="Case file">
      <Typography variant="body2" sx={{ mb: 1 }}>
        Everything on the case in one paginated PDF with an index: the timeline, every deadline and
        how it was counted, each letter as issued, the notes and contact log, the files, and the
        policy with its departures from the Code. Each download is recorded in the security log.
      </Typography>
      <ExportButton
        path={caseFilePath(complaint.id)}
        fileName={`case-file-${complaint.reference.toLowerCase()}.pdf`}
        label="Case file for the Ombudsman (PDF)"
      />
    </Section>
  );
}
