// The report's share link (issue 13, item 6): "Maak een link" puts the region's answers, changed
// wishes and favourites into a link's fragment (lib/share-link.ts), with a copy button, "send by
// e-mail" through the person's own mail program and a QR code for a phone. Opening such a link
// puts its content in this browser's storage before the report reads it, asking first when the
// device holds other answers or favourites: nothing the person kept is overwritten unasked.
import { encode } from 'uqr';
import {
  loadAdjustments, loadAnswers, loadShortlist, saveAdjustments, saveAnswers, saveShortlist,
} from './lib/browser-store.ts';
import { readShareFragment, SHARE_PARAM, shareLink, type SharedReport } from './lib/share-link.ts';
import { el, fill, replaceChildren } from './shortlist/dom.ts';
import type { ShortlistPageData } from './shortlist/page-data.ts';

/** Above this many characters a phone camera reads a QR code poorly (version 25 and up): the link alone is offered. */
const MAX_QR_CHARS = 1200;
const SVG = 'http://www.w3.org/2000/svg';

type ReportTexts = ShortlistPageData['texts']['report'];

function currentReport(regionId: string): SharedReport {
  const answers = loadAnswers(regionId);
  return { regionId, ...(answers ? { answers } : {}), adjustments: loadAdjustments(regionId), shortlist: loadShortlist(regionId) };
}

function holdsSomething(report: SharedReport): boolean {
  return report.answers !== undefined || report.shortlist.length > 0 || Object.keys(report.adjustments.importance).length > 0
    || report.adjustments.postcode !== undefined || report.adjustments.maxDistanceKm !== undefined;
}

/** Two reports hold the same answers, wishes and favourites (the time a favourite was added aside). */
function sameContent(a: SharedReport, b: SharedReport): boolean {
  const key = (r: SharedReport) => JSON.stringify([
    r.answers?.answers ?? null, r.adjustments, r.shortlist.map((s) => [s.locationId, s.housingFormId]),
  ]);
  return key(a) === key(b);
}

function store(report: SharedReport): void {
  if (report.answers) saveAnswers(report.answers);
  saveAdjustments(report.regionId, report.adjustments);
  saveShortlist(report.regionId, report.shortlist);
}

/**
 * Takes a report from the page's link, if it carries one, into this browser's storage; resolves once
 * the report may read the storage. The fragment is removed from the address afterwards, so a reload
 * or a bookmark does not bring the link back over later changes.
 */
export async function takeSharedReport(data: ShortlistPageData, notice: HTMLElement | null): Promise<void> {
  // A link pasted while this report is open changes only the fragment: the page does not load again
  // by itself, so it is loaded again here, to read the link like any other opening.
  window.addEventListener('hashchange', () => {
    if (window.location.hash.startsWith(`#${SHARE_PARAM}=`)) window.location.reload();
  });
  const mr = data.texts.report;
  const read = await readShareFragment(window.location.hash, data.regionId);
  if (read.kind === 'none') return;
  history.replaceState(history.state, '', window.location.pathname + window.location.search);
  const say = (message: string, role: 'status' | 'alert' = 'status') => {
    if (!notice) return;
    replaceChildren(notice, el('p', {}, message));
    notice.setAttribute('role', role);
    notice.hidden = false;
  };
  if (read.kind === 'broken') return say(mr.sharedBroken, 'alert');

  const mine = currentReport(data.regionId);
  if (!holdsSomething(mine) || sameContent(mine, read.report)) {
    store(read.report);
    return say(mr.sharedOpened);
  }
  if (!notice) return;
  // The device holds something else: the person chooses, and the report waits for the choice.
  await new Promise<void>((resolve) => {
    const replace = el('button', { type: 'button', class: 'ww-button' }, mr.sharedReplace);
    const keep = el('button', { type: 'button', class: 'ww-button ww-button--secondary' }, mr.sharedKeep);
    const question = el('p', { id: 'ww-shared-question' }, mr.sharedQuestion);
    replaceChildren(notice, question, el('p', {}, replace, ' ', keep));
    notice.setAttribute('role', 'group');
    notice.setAttribute('aria-labelledby', 'ww-shared-question');
    notice.hidden = false;
    replace.focus();
    const done = (message: string) => {
      notice.removeAttribute('aria-labelledby');
      say(message);
      resolve();
    };
    replace.addEventListener('click', () => {
      store(read.report);
      done(mr.sharedOpened);
    });
    keep.addEventListener('click', () => done(mr.sharedKept));
  });
}

/** The QR code of `text` as an SVG drawn from the code's modules (no markup from a string). */
function qrSvg(text: string, label: string): SVGSVGElement {
  const { data, size } = encode(text, { ecc: 'L', border: 4 });
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('class', 'ww-qr');
  let d = '';
  data.forEach((row, y) => row.forEach((dark, x) => {
    if (dark) d += `M${x} ${y}h1v1h-1z`;
  }));
  const background = document.createElementNS(SVG, 'rect');
  background.setAttribute('width', String(size));
  background.setAttribute('height', String(size));
  background.setAttribute('fill', '#fff');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000');
  svg.append(background, path);
  return svg;
}

/** Wires "Maak een link" and what it shows. */
export function setUpSharing(data: ShortlistPageData, section: HTMLElement | null): void {
  if (!section) return;
  const mr: ReportTexts = data.texts.report;
  const make = section.querySelector<HTMLButtonElement>('[data-action="make-link"]');
  const result = section.querySelector<HTMLElement>('[data-share-result]');
  const field = section.querySelector<HTMLInputElement>('[data-share-link]');
  const copy = section.querySelector<HTMLButtonElement>('[data-action="copy-link"]');
  const email = section.querySelector<HTMLAnchorElement>('[data-share-email]');
  const qr = section.querySelector<HTMLElement>('[data-share-qr]');
  const status = section.querySelector<HTMLElement>('[data-share-status]');
  if (!make || !result || !field || !copy || !email || !qr || !status) return;
  section.hidden = false;
  const say = (message: string) => {
    status.textContent = message;
  };

  make.addEventListener('click', async () => {
    const report = currentReport(data.regionId);
    if (!holdsSomething(report)) {
      result.hidden = true;
      return say(mr.shareNothing);
    }
    let link: string;
    try {
      link = await shareLink(window.location.href, report);
    } catch {
      return say(mr.shareFailed);
    }
    field.value = link;
    email.href = `mailto:?${new URLSearchParams({ subject: mr.shareEmailSubject, body: fill(mr.shareEmailBody, { link }) })
      .toString().replace(/\+/g, '%20')}`;
    replaceChildren(qr, link.length <= MAX_QR_CHARS
      ? el('figure', { class: 'ww-share-qr' }, qrSvg(link, mr.shareQrLabel), el('figcaption', {}, mr.shareQrHint))
      : el('p', {}, mr.shareQrTooLong));
    result.hidden = false;
    say('');
    field.focus();
    field.select();
  });

  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(field.value);
      say(mr.shareCopied);
    } catch {
      field.focus();
      field.select();
      say(mr.shareCopyFailed);
    }
  });
}
