import { Box, CircularProgress, Typography } from '@mui/material';

/**
 * What shows while something loads: react-admin's own spinner has no accessible name and its
 * "Please wait" text falls below AA contrast, so the console uses this one, announced politely.
 */
export const Loading = ({ what = 'Loading' }: { what?: string }) => (
  <Box
    role="status"
    aria-live="polite"
    sx={{ display: 'flex', alignItems: 'center', gap: 2, p: 3, justifyContent: 'center' }}
  >
    <CircularProgress size={28} aria-label={what} />
    <Typography color="text.primary">{what}…</Typography>
  </Box>
);

/** The whole-page version, for react-admin's start-up screen. */
export const LoadingPage = () => (
  <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
    <Loading what="Loading Redress" />
  </Box>
);
