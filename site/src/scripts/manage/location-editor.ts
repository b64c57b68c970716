// Editing a location's own fields, and its photos below them (./photos.ts). The location is sent
// back with its own fields only (the API keeps its region and point from the import's resolution,
// its housing forms apart, and its photos to the photo routes).
import { fill } from '../shortlist/dom.ts';
import { type Context, findLocation } from './context.ts';
import { createEditor } from './editor.ts';
import { setUpPhotos } from './photos.ts';
import { staffApi, type EditableLocation } from './staff-api.ts';

export function setUpLocationEditor(ctx: Context): { show(): void } {
  const m = ctx.data.texts.form;
  const editor = createEditor<EditableLocation>(ctx, {
    view: 'location',
    prefix: 'location.',
    build(values, base) {
      return { ...values, id: base?.id ?? '', ...(base?.geo ? { geo: base.geo } : {}) } as EditableLocation;
    },
    save(location, version) {
      return staffApi.saveLocation(ctx.place.organizationId ?? '', version ?? 0, location);
    },
    current(body) {
      const current = (body.error as { current?: { location?: EditableLocation; version?: number } }).current;
      return current?.location && typeof current.version === 'number' ? { value: ownFields(current.location), version: current.version } : undefined;
    },
    async saved(location) {
      if (await ctx.reload()) ctx.go({ organizationId: ctx.place.organizationId }, fill(m.saved, { name: location.name }));
    },
  });
  const photos = setUpPhotos(ctx, (from, saved) => editor?.advance(from, { value: ownFields(saved.location), version: saved.version }));
  return {
    show() {
      const entry = findLocation(ctx);
      if (!editor) return;
      if (!entry) return ctx.alert(ctx.data.texts.notFound);
      editor.open(entry.location.id, fill(m.locationTitle, { name: entry.location.name }), ownFields(entry.location), entry.version);
      photos.show();
    },
  };
}

/** A stored location without what the API adds to it, and without its photos (not part of the form's save). */
function ownFields(location: EditableLocation & { regionId?: unknown; organizationId?: unknown; point?: unknown }): EditableLocation {
  const { regionId: _region, organizationId: _organization, point: _point, photos: _photos, ...own } = location;
  return own;
}
