// The schema.org description of a location page, as JSON-LD, for search engines and other
// machines: the location with its address and point, its provider, and each housing form's waiting
// list as it stands. Written into the page as <script type="application/ld+json">: data the
// browser never runs, so the Content-Security-Policy (script-src 'self') does not apply to it.
//
// Types: the location is a `LocalBusiness`, schema.org's "physical business or branch of an
// organization": a branch of its care provider, with Place's address, geo and additionalProperty and
// Organization's parentOrganization. Not a MedicalClinic or Hospital: people live here, they do not
// visit for treatment. The provider is a `MedicalOrganization` (an institution giving care).
import { codeLabels, type Locale } from '../../../shared/i18n/index.ts';
import type { LocationDetail } from '../../../shared/domain/index.ts';

export function locationJsonLd(detail: LocationDetail, locale: Locale, pageUrl: string) {
  const { location, organization, housingForms } = detail;
  const phone = location.phone ?? organization.phone;
  return {
    '@context': 'https://schema.org',
    '@type': 'LocalBusiness',
    '@id': `${pageUrl}#location`,
    name: location.name,
    url: pageUrl,
    ...(location.description ? { description: location.description } : {}),
    ...(phone ? { telephone: phone } : {}),
    address: {
      '@type': 'PostalAddress',
      streetAddress: `${location.address.street} ${location.address.houseNumber}`,
      postalCode: location.address.postcode,
      addressLocality: location.address.city,
      addressCountry: 'NL',
    },
    geo: { '@type': 'GeoCoordinates', latitude: location.point.lat, longitude: location.point.lon },
    parentOrganization: {
      '@type': 'MedicalOrganization',
      name: organization.name,
      ...(organization.website ? { url: organization.website } : {}),
      ...(organization.email ? { email: organization.email } : {}),
      ...(organization.phone ? { telephone: organization.phone } : {}),
    },
    // One per housing form: its waiting list as the provider last reported it, the date of that report beside it.
    additionalProperty: housingForms.map((hf) => ({
      '@type': 'PropertyValue',
      propertyID: 'waitingList',
      name: hf.name,
      value: codeLabels[locale].waitingListStatuses[hf.waitingList.status],
      ...(hf.waitingList.weeks === undefined ? {} : { maxValue: hf.waitingList.weeks, unitText: locale === 'nl' ? 'weken' : 'weeks' }),
      valueReference: { '@type': 'PropertyValue', propertyID: 'dateConfirmed', value: hf.waitingList.updatedAt.slice(0, 10) },
    })),
  };
}

/** The JSON-LD as the text of a script element: `<` escaped, so no value can close the element. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
