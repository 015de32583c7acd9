import { htmlText } from '../shared/html-text.js';
import type { ReportBlock, ReportDocument, ReportTable } from './report-document.js';

// A report as one accessible page: a language, one h1, a contents list, a heading per section,
// tables with captions and scoped header cells, and a print stylesheet that keeps rows and
// headings from splitting across pages. No script, no outside file: it opens and prints as is.

const STYLE = `
  :root { color: #1b1b1b; background: #fff; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
  body { max-width: 60rem; margin: 2rem auto; padding: 0 1.25rem; }
  h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .25rem; }
  .subtitle { font-size: 1.2rem; margin: 0 0 1rem; }
  h2 { font-size: 1.45rem; margin: 2.25rem 0 .75rem; padding-top: .5rem; border-top: 2px solid #1d4f91; }
  h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
  caption { text-align: left; font-weight: 600; padding: .25rem 0; }
  th, td { border: 1px solid #6b6b6b; padding: .35rem .5rem; text-align: left; vertical-align: top; }
  thead th { background: #e8eef7; }
  tbody th { font-weight: 600; }
  .numeric { text-align: right; font-variant-numeric: tabular-nums; }
  nav ol { padding-left: 1.25rem; }
  a { color: #1d4f91; }
  a:focus { outline: 3px solid #ffbf47; outline-offset: 2px; }
  @media print {
    :root { font-size: 11pt; }
    body { max-width: none; margin: 0; padding: 0; }
    nav { display: none; }
    h2, h3 { break-after: avoid; page-break-after: avoid; }
    h2 { break-before: auto; }
    tr, caption { break-inside: avoid; page-break-inside: avoid; }
    thead { display: table-header-group; }
    a { color: inherit; text-decoration: none; }
    @page { size: A4; margin: 18mm 16mm 20mm; }
  }
`;

export function reportHtml(document: ReportDocument): string {
  const contents = document.sections
    .map((section) => `<li><a href="#${attr(section.id)}">${text(section.heading)}</a></li>`)
    .join('\n        ');
  const sections = document.sections
    .map(
      (section) => `
    <section aria-labelledby="${attr(section.id)}">
      <h2 id="${attr(section.id)}">${text(section.heading)}</h2>
      ${section.blocks.map(blockHtml).join('\n      ')}
    </section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${attr(document.language)}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${text(`${document.title}, ${document.subtitle}`)}</title>
    <style>${STYLE}</style>
  </head>
  <body>
    <header>
      <h1>${text(document.title)}</h1>
      <p class="subtitle">${text(document.subtitle)}</p>
      ${document.preface.map((line) => `<p>${text(line)}</p>`).join('\n      ')}
    </header>
    <nav aria-label="Contents">
      <h2>Contents</h2>
      <ol>
        ${contents}
      </ol>
    </nav>
    <main>${sections}
    </main>
  </body>
</html>
`;
}

function blockHtml(block: ReportBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${text(block.text)}</p>`;
    case 'subheading':
      return `<h3>${text(block.text)}</h3>`;
    case 'table':
      return tableHtml(block);
  }
}

function tableHtml(table: ReportTable): string {
  const cls = (index: number) => (table.columns[index]?.numeric ? ' class="numeric"' : '');
  const head = table.columns
    .map((column, index) => `<th scope="col"${cls(index)}>${text(column.heading)}</th>`)
    .join('');
  const rows = table.rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell, index) =>
            index === 0
              ? `<th scope="row"${cls(index)}>${text(cell)}</th>`
              : `<td${cls(index)}>${text(cell)}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('\n          ');
  return `<table>
        <caption>${text(table.caption)}</caption>
        <thead><tr>${head}</tr></thead>
        <tbody>
          ${rows}
        </tbody>
      </table>`;
}

const text = htmlText;

function attr(value: string): string {
  return text(value);
}
