// Reads a PDF back as a reader's software does (pdf.js, a development dependency): its text page
// by page, its title and language, whether it is tagged, and the roles in its structure tree.
// For the tests of the report: the server never imports this file.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfReading {
  /** Each page's text, its pieces joined by spaces. */
  readonly pages: readonly string[];
  readonly title: string | null;
  readonly language: string | null;
  /** The catalogue's MarkInfo says the content is tagged. */
  readonly tagged: boolean;
  /** The structure roles met on any page (H1, H2, P, Table, TH, TD ...), each once. */
  readonly roles: ReadonlySet<string>;
}

interface StructNode {
  readonly role?: string;
  readonly children?: readonly unknown[];
}

export async function readPdf(bytes: Uint8Array): Promise<PdfReading> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    const roles = new Set<string>();
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str : ''))
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
      );
      collectRoles((await page.getStructTree()) as StructNode | null, roles);
    }
    const info = new Map<string, unknown>(Object.entries((await pdf.getMetadata()).info));
    const markInfo = await pdf.getMarkInfo();
    return {
      pages,
      title: textOf(info.get('Title')),
      language: textOf(info.get('Language')),
      tagged: markInfo?.Marked === true,
      roles,
    };
  } finally {
    await pdf.destroy();
  }
}

function collectRoles(node: StructNode | null, roles: Set<string>): void {
  if (!node) return;
  if (node.role) roles.add(node.role);
  for (const child of node.children ?? []) {
    if (typeof child === 'object' && child !== null) collectRoles(child as StructNode, roles);
  }
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
