// Editing, creating and removing a housing form. Every field of the schema is on the form; the
// waiting list's date becomes now only when its status, places or weeks changed (otherwise a save
// would count as a confirmation). Removing ("wordt niet meer aangeboden") asks first, in the page.
import type { HousingForm } from '../../../../shared/domain/listing.ts';
import { fill } from '../shortlist/dom.ts';
import { type Context, findHousingForm, findLocation } from './context.ts';
import { createEditor } from './editor.ts';
import { staffApi } from './staff-api.ts';

export function setUpHousingFormEditor(ctx: Context): { show(): void } {
  const m = ctx.data.texts.form;
  const ids = () => ({ organizationId: ctx.place.organizationId ?? '', locationId: ctx.place.locationId ?? '' });
  const editor = createEditor<HousingForm>(ctx, {
    view: 'housing-form',
    prefix: 'housingForm.',
    build(values, base) {
      const typed = (values.waitingList ?? {}) as Partial<HousingForm['waitingList']>;
      const before = base?.waitingList;
      const same = before && before.status === typed.status && before.weeks === typed.weeks && before.placesAvailable === typed.placesAvailable;
      const id = base?.id ?? (values.id as string | undefined) ?? '';
      return { ...values, id, waitingList: { ...typed, updatedAt: same ? before.updatedAt : new Date().toISOString() } } as HousingForm;
    },
    save(housingForm, version) {
      const { organizationId, locationId } = ids();
      return version === undefined
        ? staffApi.createHousingForm(organizationId, locationId, housingForm)
        : staffApi.saveHousingForm(organizationId, locationId, version, housingForm);
    },
    current(body) {
      const current = (body.error as { current?: { housingForm?: HousingForm; version?: number } }).current;
      return current?.housingForm && typeof current.version === 'number' ? { value: current.housingForm, version: current.version } : undefined;
    },
    async saved(housingForm, created) {
      if (await ctx.reload()) ctx.go({ organizationId: ctx.place.organizationId }, fill(created ? m.created : m.saved, { name: housingForm.name }));
    },
  });
  if (!editor) return { show: () => undefined };
  const { view } = editor;
  const idField = view.querySelector<HTMLElement>('[data-field="id"]');
  const removeBlock = view.querySelector<HTMLElement>('[data-remove]');
  const confirmBox = view.querySelector<HTMLElement>('[data-remove-confirm]');
  const removeButton = view.querySelector<HTMLElement>('[data-action="remove"]');
  const name = view.querySelector<HTMLInputElement>('input[name="name"]');
  const id = view.querySelector<HTMLInputElement>('input[name="id"]');

  // A new housing form's id follows its name until the person types an id of their own.
  let ownId = false;
  id?.addEventListener('input', () => {
    ownId = true;
  });
  name?.addEventListener('input', () => {
    if (id && !ownId && editor.base === undefined) {
      id.value = name.value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
    }
  });

  removeButton?.addEventListener('click', () => {
    const question = confirmBox?.querySelector('[data-remove-question]');
    if (question) question.textContent = fill(m.removeConfirm, { name: editor.base?.name ?? '' });
    if (confirmBox) confirmBox.hidden = false;
    confirmBox?.focus();
  });
  view.querySelector('[data-action="remove-no"]')?.addEventListener('click', () => {
    if (confirmBox) confirmBox.hidden = true;
    removeButton?.focus();
  });
  let removing = false;
  view.querySelector('[data-action="remove-yes"]')?.addEventListener('click', () => {
    const base = editor.base;
    const version = editor.version;
    if (!base || version === undefined || removing) return;
    removing = true;
    ctx.alert('');
    const { organizationId, locationId } = ids();
    void staffApi.removeHousingForm(organizationId, locationId, base.id, version).then(async (outcome) => {
      if (outcome.ok) {
        if (await ctx.reload()) ctx.go({ organizationId }, fill(m.removed, { name: base.name }));
      } else if (outcome.kind === 'refused' && outcome.status === 409 && outcome.code === 'last_housing_form') {
        ctx.alert(m.lastHousingForm);
      } else if (outcome.kind === 'refused' && outcome.status === 409) {
        const current = (outcome.body.error as { current?: { housingForm?: HousingForm; version?: number } }).current;
        if (current?.housingForm && typeof current.version === 'number') editor.conflict({ value: current.housingForm, version: current.version }, editor.buildFromForm());
        else ctx.failed(outcome);
      } else {
        ctx.failed(outcome);
      }
    }).finally(() => {
      removing = false;
      if (confirmBox) confirmBox.hidden = true;
    });
  });

  return {
    show() {
      const location = findLocation(ctx);
      if (!location) return ctx.alert(ctx.data.texts.notFound);
      const creating = ctx.place.view === 'create';
      const entry = creating ? undefined : findHousingForm(ctx);
      if (!creating && !entry) return ctx.alert(ctx.data.texts.notFound);
      const title = entry ? fill(m.editTitle, { name: entry.housingForm.name }) : fill(m.newTitle, { location: location.location.name });
      if (idField) idField.hidden = !creating;
      if (removeBlock) removeBlock.hidden = creating;
      if (confirmBox) confirmBox.hidden = true;
      if (creating && editor.base !== undefined) ownId = false;
      editor.open(`${location.location.id}/${entry?.housingForm.id ?? ''}/${ctx.place.view ?? ''}`, title, entry?.housingForm, entry?.version);
    },
  };
}
