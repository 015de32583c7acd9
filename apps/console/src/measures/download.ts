// The CSV and PDF routes need the bearer token, which a plain link cannot carry: the file is
// fetched with it, then handed to the browser as a Blob link, so it saves as any download does.
import { getAccessToken, renewAccessToken } from '../shared/access-token';

export class DownloadError extends Error {}

async function fetchWithToken(path: string, signal?: AbortSignal): Promise<Response> {
  const send = () => {
    const token = getAccessToken();
    // The file routes answer on the console's own origin, as /graphql does.
    return fetch(path, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      credentials: 'same-origin',
      signal,
    });
  };
  let response = await send();
  // An expired token is renewed once, as the GraphQL client does.
  if (response.status === 401 && (await renewAccessToken())) response = await send();
  return response;
}

/** The API's own words for a refused file, from its coded JSON error, or a plain message. */
async function refusalOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as {
      errors?: { message?: string }[];
      message?: string;
    };
    const message = body.errors?.[0]?.message ?? body.message;
    if (message) return message;
  } catch {
    // not JSON
  }
  return `The file could not be downloaded (the API answered ${response.status}).`;
}

/** The file's bytes, or a DownloadError with the API's message. */
export async function fetchFile(path: string, signal?: AbortSignal): Promise<Blob> {
  let response: Response;
  try {
    response = await fetchWithToken(path, signal);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new DownloadError('The console cannot reach the Redress API. Check your connection.');
  }
  if (!response.ok) throw new DownloadError(await refusalOf(response));
  return response.blob();
}

/** Saves a Blob under a file name through a temporary link, then lets it go. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, or some browsers save nothing.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Fetches a file route with the token and saves it. */
export async function download(path: string, fileName: string): Promise<void> {
  saveBlob(await fetchFile(path), fileName);
}

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
