import type { LetterDraft } from '@redress/domain';
import { htmlText as text } from '../shared/html-text.js';
import {
  addressLines,
  dateLine,
  letterTitle,
  logoOf,
  paragraphsOf,
  translationNote,
} from './letter-document.js';

// A letter as one accessible page: a language, one h1, a heading per part, the address as an
// address, no script and nothing loaded from elsewhere (the logo travels inside the page).
// Large print sets the type at 18pt on screen and paper alike (RNIB: 16 to 18 point).

function style(largePrint: boolean): string {
  const size = largePrint ? '18pt' : '12pt';
  return `
  :root { color: #1b1b1b; background: #fff; font: ${size}/1.5 Arial, Helvetica, sans-serif; }
  body { max-width: 42rem; margin: 2rem auto; padding: 0 1.25rem; }
  header { display: flex; justify-content: space-between; align-items: flex-start; gap: 1rem; }
  header img { max-height: 4rem; max-width: 12rem; }
  .landlord { font-weight: 700; margin: 0; }
  address { font-style: normal; margin: 1.5rem 0 1rem; }
  .meta { margin: 0; }
  h1 { font-size: 1.4em; line-height: 1.25; margin: 1.5rem 0 1rem; }
  h2 { font-size: 1.1em; margin: 1.25rem 0 .35rem; }
  p { margin: 0 0 .6rem; }
  .translation { border-left: 4px solid #1d4f91; padding-left: .75rem; }
  @media print {
    body { max-width: none; margin: 0; padding: 0; }
    h2 { break-after: avoid; page-break-after: avoid; }
    @page { size: A4; margin: 20mm 18mm; }
  }
`;
}

export function letterHtml(draft: LetterDraft): string {
  const logo = logoOf(draft);
  const note = translationNote(draft);
  const parts = draft.parts
    .map(
      (part) => `
    <section>
      <h2>${text(part.heading)}</h2>
      ${paragraphsOf(part.text)
        .map((line) => `<p>${text(line)}</p>`)
        .join('\n      ')}
    </section>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${text(`${letterTitle(draft)} (${draft.reference})`)}</title>
  <style>${style(draft.largePrint)}</style>
</head>
<body>
  <header>
    <p class="landlord">${text(draft.landlordName)}</p>
    ${logo ? `<img src="data:image/${logo.type};base64,${logo.bytes.toString('base64')}" alt="${text(draft.landlordName)}">` : ''}
  </header>
  <main>
    <address>${addressLines(draft).map(text).join('<br>')}</address>
    <p class="meta">${text(dateLine(draft))}</p>
    <p class="meta">Our reference: ${text(draft.reference)}</p>
    ${note ? `<p class="translation">${text(note)}</p>` : ''}
    <h1>${text(letterTitle(draft))}</h1>
    <p>${text(draft.salutation)},</p>
    <p>${text(draft.opening)}</p>${parts}
    <p>${text(draft.closing)}</p>
    <p>Yours sincerely,</p>
    <p>${text(draft.signature.name)}<br>${text(draft.signature.role)}<br>${text(draft.landlordName)}</p>
  </main>
</body>
</html>
`;
}
