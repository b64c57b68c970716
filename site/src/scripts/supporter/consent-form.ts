// A consent's printable form (SupporterPage.astro, view "consent-form"): the product's own B1 text
// with the dossier's label, the supporter and their organisation, the care providers named in the
// consent and its dates, lines to sign on, and a print button; print styles put it on A4 alone.
import { required } from '../manage/context.ts';
import { dateInWords } from '../manage/words.ts';
import { el, fill, replaceChildren } from '../shortlist/dom.ts';
import { providerName, type SupporterContext } from './page-data.ts';
import { supporterApi } from './supporter-api.ts';

export function setUpConsentForm(ctx: SupporterContext) {
  const f = ctx.data.texts.form;
  const view = required<HTMLElement>(document, '[data-view="consent-form"]');
  const body = required<HTMLElement>(view, '[data-form-body]');
  const missing = required<HTMLElement>(view, '[data-form-missing]');
  const set = (selector: string, text: string) => {
    required<HTMLElement>(view, selector).textContent = text;
  };
  required<HTMLButtonElement>(view, '[data-action="print"]').addEventListener('click', () => window.print());

  return {
    async show(focus: boolean): Promise<void> {
      const { organizationId, dossierId, consentId } = ctx.place;
      if (!organizationId || !dossierId) return;
      required<HTMLAnchorElement>(view, '[data-back-dossier]').href = ctx.href({ organizationId, dossierId });
      const outcome = await supporterApi.dossier(organizationId, dossierId);
      if (!outcome.ok) {
        ctx.failed(outcome);
        return ctx.showView('start', focus);
      }
      const { dossier, consents } = outcome.value;
      const consent = consents.find((c) => c.id === consentId);
      missing.hidden = Boolean(consent);
      body.hidden = !consent;
      if (consent) {
        set('[data-form-dossier]', fill(f.dossier, { label: dossier.label }));
        set('[data-form-supporter]', fill(f.supporter, { name: dossier.assignedTo.name, organization: ctx.organization.name }));
        replaceChildren(required(view, '[data-form-providers]'), ...consent.providers.map((id) => el('li', {}, providerName(ctx.data, id))));
        set('[data-form-when]', fill(f.whenText, { givenOn: dateInWords(ctx.data, consent.givenOn), expiresOn: dateInWords(ctx.data, consent.expiresOn) }));
      }
      ctx.showView('consent-form', focus);
    },
  };
}
