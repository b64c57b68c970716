// The printable document of a dossier's export, for a client who asked for their data on paper:
// one self-contained HTML page (no script, no outside resource), B1 Dutch headings, everything the
// JSON export holds, and every value escaped, since all of it was typed by people.
import type { DossierExport } from '../store/dossier-rights-store.ts';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);

const day = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));

/** An answer as plain text: a choice, a text, a list or a few named parts. */
function answerText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(answerText).join(', ');
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${answerText(v)}`).join('; ');
  return String(value);
}

const section = (title: string, body: string) => `<section><h2>${escape(title)}</h2>${body}</section>`;
const list = (rows: string[], empty: string) => (rows.length === 0 ? `<p>${escape(empty)}</p>` : `<ul>${rows.map((r) => `<li>${r}</li>`).join('')}</ul>`);

export function dossierPrintHtml(data: DossierExport): string {
  const { dossier } = data;
  const answers = data.answersVersions.map((v) => `<h3>Versie ${v.answersVersion}, ${escape(day(v.savedAt))} (${escape(v.savedBy.name)})</h3><dl>${
    Object.entries(v.answers).map(([question, value]) => `<dt>${escape(question)}</dt><dd>${escape(answerText(value))}</dd>`).join('')}</dl>`);
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Dossier ${escape(dossier.label)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;line-height:1.5;color:#000}h2{border-bottom:1px solid #000;margin-top:2rem}dt{font-weight:bold}@media print{body{margin:0}}</style>
</head><body>
<h1>Dossier ${escape(dossier.label)}</h1>
<p>Alles wat in dit dossier staat, op ${escape(day(data.exportedAt))}. Regio: ${escape(dossier.regionId)}. Status: ${escape(dossier.status)}. Begonnen op ${escape(day(dossier.createdAt))}. Ondersteuner: ${escape(dossier.assignedTo.name)}.</p>
${section('Antwoorden op de vragenlijst', answers.length === 0 ? '<p>Nog geen antwoorden.</p>' : answers.join(''))}
${section('Bewaarde woonvormen', list(data.shortlist.entries.map((s) => `${escape(s.locationId)}, ${escape(s.housingFormId)}${s.note ? `: ${escape(s.note)}` : ''}`), 'Geen bewaarde woonvormen.'))}
${section('Notities', list(data.notes.map((n) => `${escape(day(n.at))} (${escape(n.by.name)}): ${escape(n.text)}`), 'Geen notities.'))}
${section('Toestemmingen', list(data.consents.map((c) => `Voor ${escape(c.providers.join(', '))}; gegeven op ${escape(c.givenOn)}, geldig tot ${escape(c.expiresOn)}${c.withdrawnAt ? `; ingetrokken op ${escape(day(c.withdrawnAt))}` : ''}`), 'Geen toestemmingen.'))}
${section('Overdrachten', list(data.handovers.map((h) => `${escape(day(h.at))}: van ${escape(h.from.name)} naar ${escape(h.to.name)}`), 'Geen overdrachten.'))}
${section('Wie heeft het dossier bekeken of gewijzigd', list(data.auditTrail.map((a) => `${escape(day(a.at))}: ${escape(a.by.name)} (${escape(a.kind)})`), 'Niets vastgelegd.'))}
</body></html>
`;
}
