import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/**
 * Bar colours with at least 3:1 contrast on white (WCAG 1.4.11) and apart from one another;
 * every chart also has its figures in a table below, so no colour carries meaning alone.
 */
export const CHART_COLOURS = ['#1d4f91', '#8a4b00', '#0b5f5a', '#6b3fa0', '#44474e'] as const;

/**
 * A chart with its caption and its text alternative: the drawing is hidden from assistive
 * technology, and the table below, which a screen reader reads, holds the same figures.
 */
export const ChartFigure = ({
  caption,
  chart,
  table,
  empty,
}: {
  caption: string;
  chart: ReactNode;
  table: ReactNode;
  /** Said instead of the chart and table when there is nothing to show. */
  empty?: string;
}) => (
  <Box component="figure" sx={{ m: 0 }}>
    <Typography component="figcaption" variant="h6" sx={{ mb: 1 }}>
      {caption}
    </Typography>
    {empty ? (
      <Typography>{empty}</Typography>
    ) : (
      <>
        <Box aria-hidden="true" sx={{ width: '100%', height: 280 }}>
          {chart}
        </Box>
        {table}
      </>
    )}
  </Box>
);
