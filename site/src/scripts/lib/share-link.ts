// A report carried in a link (issue 13, item 6): the answers, the changed wishes and the favourites
// of one region, compressed into the link's fragment (after '#'), which browsers never send to a
// server, so Woonwijzer never receives it. Opening the link on another device puts them in that
// browser's storage, so the report and the results show the same there. The name typed under
// "Voor wie is dit verslag?" never goes into a link. Compression is the browser's own
// (CompressionStream, deflate-raw); checks on what a link holds are browser-store's.
import type { SavedAnswers } from '../../../../shared/questionnaire/answers.ts';
import { adjustmentsFrom, answersFrom, shortlistFrom, type Adjustments, type ShortlistEntry } from './browser-store.ts';

/** The fragment's name: `#delen=…`. */
export const SHARE_PARAM = 'delen';
/** The format of a link's content, so a later format can still read links sent today. */
const FORMAT = 1;
/** Far above any real report; a longer fragment, or content inflating past the limit, is not read. */
const MAX_FRAGMENT_CHARS = 64 * 1024;
const MAX_CONTENT_BYTES = 512 * 1024;

export interface SharedReport {
  regionId: string;
  answers?: SavedAnswers;
  adjustments: Adjustments;
  shortlist: ShortlistEntry[];
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      await reader.cancel();
      throw new Error('Too large.');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** The link to `pageUrl` (the report's address) carrying `report`. */
export async function shareLink(pageUrl: string, report: SharedReport): Promise<string> {
  const content = JSON.stringify({ f: FORMAT, r: report.regionId, a: report.answers, j: report.adjustments, s: report.shortlist });
  const packed = await pipe(new TextEncoder().encode(content), new CompressionStream('deflate-raw'));
  const url = new URL(pageUrl);
  url.hash = `${SHARE_PARAM}=${toBase64Url(packed)}`;
  return url.href;
}

export type ReadShare = { kind: 'none' } | { kind: 'broken' } | { kind: 'report'; report: SharedReport };

/** What the fragment of this page's address carries for `regionId`: nothing, a broken link, or a report. */
export async function readShareFragment(hash: string, regionId: string): Promise<ReadShare> {
  const prefix = `#${SHARE_PARAM}=`;
  if (!hash.startsWith(prefix)) return { kind: 'none' };
  const packed = hash.slice(prefix.length);
  if (packed.length === 0 || packed.length > MAX_FRAGMENT_CHARS) return { kind: 'broken' };
  try {
    const bytes = await pipe(fromBase64Url(packed), new DecompressionStream('deflate-raw'), MAX_CONTENT_BYTES);
    const content = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Record<string, unknown>;
    if (content.f !== FORMAT || content.r !== regionId) return { kind: 'broken' };
    const answers = answersFrom(content.a, regionId);
    const shortlist = shortlistFrom(content.s);
    if (!answers && shortlist.length === 0) return { kind: 'broken' };
    return { kind: 'report', report: { regionId, ...(answers ? { answers } : {}), adjustments: adjustmentsFrom(content.j), shortlist } };
  } catch {
    // Cut off in a mail, mistyped, or not a Woonwijzer link at all.
    return { kind: 'broken' };
  }
}
