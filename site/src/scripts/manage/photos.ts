// A location's photos in its edit view (components/manage/PhotosEditor.astro): the list with each
// description editable, up, down and remove (after a confirmation), and adding one in the API's
// three steps: ask where to send the bytes, send them (with progress: XMLHttpRequest, since fetch
// reports none), then add the photo with its description at the location's version. A refusal is
// said at its field (the server's Dutch words on /beheer/, the page's own on /en/manage/) and
// nothing typed is lost; a 409 (a colleague changed the location) is said plainly and the photos
// read again, with every description typed but not yet saved kept in its box.
import type { ErrorResponse, FieldError } from '../../../../shared/domain/views.ts';
import type { ApiOutcome } from '../lib/api-fetch.ts';
import { el, fill, replaceChildren } from '../shortlist/dom.ts';
import { type Context, findLocation, oneAtATime, required } from './context.ts';
import { clearErrors, type ErrorWords, showErrors } from './form-data.ts';
import { staffApi, type LocationEntry, type PhotoUpload } from './staff-api.ts';
import { sayIn } from '../lib/live-region.ts';

type Saved = { location: LocationEntry['location']; version: number };
type Photo = NonNullable<LocationEntry['location']['photos']>[number];

/** An upload may take a while on a slow line: as long as its signed address lives. */
const SEND_TIMEOUT_MS = 10 * 60 * 1000;

/** Sends the bytes where step 1 said, reporting progress; a refusal's field errors when the API (locally) gives them. */
function sendBytes(target: PhotoUpload['upload'], file: File, progress: (percent: number) => void): Promise<{ ok: boolean; status: number; fields: FieldError[] }> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open(target.method, target.url);
    request.timeout = SEND_TIMEOUT_MS;
    for (const [name, value] of Object.entries(target.headers)) request.setRequestHeader(name, value);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) progress(Math.round((event.loaded / event.total) * 100));
    });
    request.addEventListener('load', () => {
      let fields: FieldError[] = [];
      try {
        fields = (JSON.parse(request.responseText) as ErrorResponse).error.fields ?? [];
      } catch {
        // S3 answers a refusal in XML: no field errors to show.
      }
      resolve({ ok: request.status >= 200 && request.status < 300, status: request.status, fields });
    });
    for (const failure of ['error', 'timeout', 'abort'] as const) request.addEventListener(failure, () => resolve({ ok: false, status: 0, fields: [] }));
    request.send(file);
  });
}

/**
 * `advanced` is told of each change this view saved, with the version it started from, so the
 * location's own form (same view) saves from the new version without a conflict with itself.
 */
export function setUpPhotos(ctx: Context, advanced: (from: number, saved: Saved) => void): { show(): void } {
  const box = required<HTMLElement>(document, '[data-photos]');
  const list = required<HTMLElement>(box, '[data-photo-list]');
  const countLine = required<HTMLElement>(box, '[data-photo-count]');
  const listStatus = required<HTMLElement>(box, '[data-photos-status]');
  const none = required<HTMLElement>(box, '[data-photos-none]');
  const fullNote = required<HTMLElement>(box, '[data-photos-full]');
  const addArea = required<HTMLElement>(box, '[data-photo-add]');
  const form = required<HTMLFormElement>(box, 'form[data-form="photo"]');
  const fileInput = required<HTMLInputElement>(form, '#photo-file');
  const altInput = required<HTMLTextAreaElement>(form, '#photo-alt');
  const uploadStatus = required<HTMLElement>(form, '[data-upload-status]');
  const progressBar = required<HTMLProgressElement>(form, '[data-upload-progress]');
  const m = ctx.data.texts.photos;
  const max = ctx.data.limits.photos;
  const mb = String(ctx.data.limits.photoBytes / (1024 * 1024));
  const once = oneAtATime(ctx);
  // The server's own Dutch words on the Dutch page; the page's words by field on the English one.
  const words: ErrorWords = {
    messages: ctx.data.locale === 'nl' ? {} : { photo: fill(m.errors.photo, { mb }), alt: m.errors.alt },
    labels: {},
  };

  const entry = () => findLocation(ctx);
  const photosOf = (location: LocationEntry | undefined): Photo[] => location?.location.photos ?? [];
  const itemOf = (id: string) => list.querySelector<HTMLElement>(`[data-photo="${CSS.escape(id)}"]`);
  const altBox = (id: string) => itemOf(id)?.querySelector<HTMLTextAreaElement>('textarea');
  const place = () => ({ organizationId: ctx.place.organizationId ?? '', locationId: entry()?.location.id ?? '' });

  /** Descriptions typed into the list but not saved: kept across a new rendering. */
  function typedAlts(): Map<string, string> {
    const typed = new Map<string, string>();
    for (const photo of photosOf(entry())) {
      const value = altBox(photo.id)?.value;
      if (value !== undefined && value !== photo.alt) typed.set(photo.id, value);
    }
    return typed;
  }

  function item(photo: Photo, index: number, total: number, typed: string | undefined): HTMLElement {
    const n = index + 1;
    const id = `photo-alt-${photo.id}`;
    const thumb = photo.sizes[0] ?? { path: '', width: photo.width, height: photo.height };
    const textarea = el('textarea', { class: 'ww-textarea', id, name: 'alt', rows: 3, 'aria-describedby': `${id}-error` });
    textarea.value = typed ?? photo.alt;
    const button = (action: string, text: string, label: string, secondary = true) => el('button', {
      type: 'button', class: secondary ? 'ww-button ww-button--secondary' : 'ww-button', 'data-photo-action': action, 'aria-label': label,
    }, text);
    return el('li', { class: 'ww-manage__photo', 'data-photo': photo.id },
      // Decorative here: its description is in the box beside it, read with the box's label.
      el('img', { class: 'ww-manage__thumb', src: thumb.path, width: thumb.width, height: thumb.height, alt: '', decoding: 'async', loading: 'lazy' }),
      el('div', { class: 'ww-manage__photo-body' },
        el('div', { class: 'ww-field', 'data-field': 'alt', 'data-kind': 'text' },
          el('label', { class: 'ww-label', for: id }, fill(m.alt, { n })),
          el('p', { class: 'ww-field-error', id: `${id}-error`, 'data-error': true, hidden: true }),
          textarea),
        el('div', { class: 'ww-manage__actions' },
          button('alt', m.saveAlt, fill(m.saveAltLabel, { n }), false),
          index > 0 && button('up', m.up, fill(m.upLabel, { n })),
          index < total - 1 && button('down', m.down, fill(m.downLabel, { n })),
          button('remove', m.remove, fill(m.removeLabel, { n }))),
        el('div', { class: 'ww-manage__confirm', 'data-remove-confirm': true, tabindex: -1, hidden: true },
          el('p', {}, fill(m.removeQuestion, { n })),
          el('div', { class: 'ww-manage__actions' },
            el('button', { type: 'button', class: 'ww-button', 'data-photo-action': 'remove-yes' }, m.removeYes),
            el('button', { type: 'button', class: 'ww-button ww-button--secondary', 'data-photo-action': 'remove-no' }, m.removeNo)))));
  }

  function render(typed = typedAlts()): void {
    const photos = photosOf(entry());
    countLine.textContent = fill(m.count, { count: photos.length, max });
    none.hidden = photos.length > 0;
    replaceChildren(list, ...photos.map((photo, index) => item(photo, index, photos.length, typed.get(photo.id))));
    const full = photos.length >= max;
    fullNote.hidden = !full;
    // Disabled, not hidden: what was typed stays, and the reason stands right above.
    for (const control of addArea.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLButtonElement>('input, textarea, button')) control.disabled = full;
  }

  /** Reads the listing again and shows the photos as they are now, typed descriptions kept. */
  async function refresh(typed: Map<string, string>): Promise<void> {
    await ctx.reload();
    render(typed);
  }

  /** After a saved change: the listing read again (the overview's attention follows). */
  async function saved(from: number, value: Saved, typed: Map<string, string>): Promise<void> {
    const current = entry();
    if (current) Object.assign(current, { location: value.location, version: value.version });
    advanced(from, value);
    await refresh(typed);
  }

  /** A result beside the list (a live region there: the page's own status line is far above). */
  function sayAtList(text: string): void {
    sayIn(listStatus, text);
  }

  /** What every photo call shares on failure: a 409 said and the photos read again; anything else by its kind. */
  async function refused(outcome: ApiOutcome<unknown> & { ok: false }, typed: Map<string, string>): Promise<void> {
    if (outcome.kind === 'refused' && outcome.status === 409) {
      await refresh(typed);
      ctx.alert(m.changedMeanwhile);
    } else if (outcome.kind === 'invalid' && outcome.fields.some((field) => field.path === 'photos')) {
      await refresh(typed);
      ctx.alert(ctx.data.locale === 'nl' ? (outcome.fields[0]?.message ?? '') : fill(m.errors.photos, { max }));
    } else {
      ctx.failed(outcome);
    }
  }

  async function arrange(order: Photo[], alts: Map<string, string>, typed: Map<string, string>, message: string, focus: () => void): Promise<void> {
    const current = entry();
    if (!current) return;
    const from = current.version;
    const photos = order.map((photo) => ({ id: photo.id, alt: alts.get(photo.id) ?? photo.alt }));
    const outcome = await staffApi.arrangePhotos(place().organizationId, place().locationId, from, photos);
    if (outcome.ok) {
      await saved(from, outcome.value, typed);
      sayAtList(message);
      focus();
    } else if (outcome.kind === 'invalid' && outcome.fields.every((field) => /^photos\.\d+\.alt$/.test(field.path))) {
      for (const field of outcome.fields) {
        const photo = photos[Number(field.path.split('.')[1])];
        const target = photo && itemOf(photo.id);
        if (target) showErrors(target, [{ path: 'alt', message: field.message }], words, '');
      }
    } else {
      await refused(outcome, typed);
    }
  }

  function onList(button: HTMLElement): void {
    const action = button.dataset.photoAction;
    const itemElement = button.closest<HTMLElement>('[data-photo]');
    const id = itemElement?.dataset.photo ?? '';
    const photos = photosOf(entry());
    const index = photos.findIndex((photo) => photo.id === id);
    const photo = photos[index];
    if (!itemElement || !photo) return;
    const n = index + 1;
    const confirmBox = itemElement.querySelector<HTMLElement>('[data-remove-confirm]');
    if (action === 'remove') {
      if (confirmBox) confirmBox.hidden = false;
      confirmBox?.focus();
    } else if (action === 'remove-no') {
      if (confirmBox) confirmBox.hidden = true;
      itemElement.querySelector<HTMLElement>('[data-photo-action="remove"]')?.focus();
    } else if (action === 'alt') {
      const typed = typedAlts();
      const alt = (altBox(id)?.value ?? '').trim();
      typed.delete(id);
      once(() => arrange(photos, new Map([[id, alt]]), typed, fill(m.altSaved, { n }), () => altBox(id)?.focus()));
    } else if (action === 'up' || action === 'down') {
      const to = action === 'up' ? index - 1 : index + 1;
      const order = [...photos];
      [order[index], order[to]] = [order[to] as Photo, photo];
      // Focus stays on the same photo's same button, or the other one where it has none at its new place.
      const focus = () => (itemOf(id)?.querySelector<HTMLElement>(`[data-photo-action="${action}"]`)
        ?? itemOf(id)?.querySelector<HTMLElement>(`[data-photo-action="${action === 'up' ? 'down' : 'up'}"]`))?.focus();
      once(() => arrange(order, new Map(), typedAlts(), fill(m.moved, { from: n, to: to + 1 }), focus));
    } else if (action === 'remove-yes') {
      once(async () => {
        const current = entry();
        if (!current) return;
        const typed = typedAlts();
        const outcome = await staffApi.removePhoto(place().organizationId, place().locationId, id, current.version);
        if (!outcome.ok) return refused(outcome, typed);
        await saved(current.version, outcome.value, typed);
        sayAtList(fill(m.removed, { n }));
        // Focus to where the photo was: the next one's box, else the count.
        const next = photosOf(entry())[Math.min(index, photosOf(entry()).length - 1)];
        (next ? altBox(next.id) : countLine)?.focus();
      });
    }
  }

  list.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLElement>('[data-photo-action]');
    if (button) onList(button);
  });

  /** A refusal of the add form's steps at its fields: the upload's size and id belong to the file. */
  function showAddErrors(fields: readonly FieldError[]): void {
    const mapped = fields.map((field) => ({ ...field, path: field.path === 'alt' ? 'alt' : 'photo' }));
    showErrors(form, mapped, words, '');
  }

  function say(text: string, percent?: number): void {
    uploadStatus.textContent = text;
    progressBar.hidden = percent === undefined;
    if (percent !== undefined) progressBar.value = percent;
  }

  async function add(): Promise<void> {
    sayAtList('');
    const current = entry();
    const file = fileInput.files?.[0];
    const alt = altInput.value.trim();
    clearErrors(form);
    const missing: FieldError[] = [
      ...(file ? [] : [{ path: 'photo', message: m.errors.noFile }]),
      ...(alt ? [] : [{ path: 'alt', message: m.errors.alt }]),
    ];
    if (!current || !file || missing.length > 0) return showErrors(form, missing, { messages: {}, labels: {} }, '');
    const typed = typedAlts();
    const from = current.version;
    say(fill(m.sending, { percent: 0 }), 0);
    const target = await staffApi.photoUpload(place().organizationId, place().locationId, file.size);
    if (!target.ok) {
      say('');
      return target.kind === 'invalid' && !target.fields.some((field) => field.path === 'photos') ? showAddErrors(target.fields) : refused(target, typed);
    }
    let said = 0;
    const sent = await sendBytes(target.value.upload, file, (percent) => {
      progressBar.value = percent;
      // Said in steps of a quarter: a screen reader is not interrupted at every per cent.
      if (percent >= said + 25) {
        said = percent - (percent % 25);
        uploadStatus.textContent = fill(m.sending, { percent: said });
      }
    });
    if (!sent.ok) {
      say('');
      if (sent.status === 0 || sent.status >= 500) return ctx.alert(ctx.data.texts.unavailable);
      return showAddErrors(sent.fields.length > 0 ? sent.fields : [{ path: 'photo', message: fill(m.errors.photo, { mb }) }]);
    }
    say(m.processing);
    const outcome = await staffApi.addPhoto(place().organizationId, place().locationId, from, target.value.uploadId, alt);
    if (!outcome.ok) {
      say('');
      return outcome.kind === 'invalid' && !outcome.fields.some((field) => field.path === 'photos') ? showAddErrors(outcome.fields) : refused(outcome, typed);
    }
    const n = photosOf({ ...current, location: outcome.value.location }).length;
    form.reset();
    await saved(from, outcome.value, typed);
    say(fill(m.added, { n }));
    (n >= max ? countLine : fileInput).focus();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    once(add);
  });

  let shownLocation: string | undefined;
  return {
    show() {
      // Back to the same location (Back, a new sign-in): what was typed stays; another one starts empty.
      if (shownLocation !== entry()?.location.id) {
        shownLocation = entry()?.location.id;
        form.reset();
        clearErrors(form);
        say('');
        sayAtList('');
        render(new Map());
      } else {
        render();
      }
    },
  };
}
