// The measures' files: where each is served. Fetching and saving them is the shared file
// transfer's (shared/file-transfer.ts), with the bearer token a plain link cannot carry.
export { download, DownloadError, fetchFile, saveBlob } from '../shared/file-transfer';

export const measuresCsvPath = (year: number, tenure: string | null) =>
  `/exports/measures.csv?${new URLSearchParams({ year: String(year), ...(tenure ? { tenure } : {}) })}`;

export const breakdownCsvPath = (
  year: number,
  measure: string,
  by: string,
  tenure: string | null,
) =>
  `/exports/measures/${measure}.csv?${new URLSearchParams({
    year: String(year),
    by: by.toLowerCase(),
    ...(tenure ? { tenure } : {}),
  })}`;

export const casesCsvPath = (year: number, measure: string, part: string, tenure: string | null) =>
  `/exports/measures/${measure}/cases.csv?${new URLSearchParams({
    year: String(year),
    part: part.toLowerCase(),
    ...(tenure ? { tenure } : {}),
  })}`;

export const annualReportPdfPath = (year: number) => `/reports/annual/${year}.pdf`;
