// The JSON-LD of a location page as data: the location, its address and point, its provider and
// each housing form's waiting list with the date it was confirmed; and written so that no value can
// end the script element it stands in.
import { describe, expect, it } from 'vitest';
import { jsonLdScript, locationJsonLd } from '../../site/src/lib/json-ld.ts';
import type { LocationDetail } from '../../shared/domain/index.ts';

const detail = {
  location: {
    id: 'de-linde', name: 'De Linde </script><script>alert(1)</script>', regionId: 'zuid-limburg', organizationId: 'zorggroep', version: 1,
    address: { street: 'Kerkstraat', houseNumber: '12a', postcode: '6211 AB', city: 'Maastricht' }, point: { lat: 50.85, lon: 5.69 },
  },
  organization: { id: 'zorggroep', name: 'Zorggroep', regionIds: ['zuid-limburg'], website: 'https://zorggroep.example', phone: '043 123 45 67', version: 1 },
  housingForms: [{
    id: 'groep', name: 'Groep 1', type: 'small-scale-group', sectors: ['VV'], version: 1,
    waitingList: { status: 'short', weeks: 6, updatedAt: '2026-11-10T08:00:00Z' },
  }],
} as unknown as LocationDetail;

describe('a location page\'s JSON-LD', () => {
  const data = locationJsonLd(detail, 'nl', 'https://woonwijzer.example/locatie/de-linde/');

  it('describes the location, its address, point and provider', () => {
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'LocalBusiness',
      url: 'https://woonwijzer.example/locatie/de-linde/',
      telephone: '043 123 45 67',
      address: { '@type': 'PostalAddress', streetAddress: 'Kerkstraat 12a', postalCode: '6211 AB', addressLocality: 'Maastricht', addressCountry: 'NL' },
      geo: { '@type': 'GeoCoordinates', latitude: 50.85, longitude: 5.69 },
      parentOrganization: { '@type': 'MedicalOrganization', name: 'Zorggroep', url: 'https://zorggroep.example' },
    });
  });

  it('gives each housing form\'s waiting list as it stands, in the page\'s language, with the date it was confirmed', () => {
    expect(data.additionalProperty).toEqual([{
      '@type': 'PropertyValue', propertyID: 'waitingList', name: 'Groep 1', value: 'Korte wachttijd (binnen 3 maanden)', maxValue: 6, unitText: 'weken',
      valueReference: { '@type': 'PropertyValue', propertyID: 'dateConfirmed', value: '2026-11-10' },
    }]);
  });

  it('escapes "<", so a name cannot close the script element, and still parses to the same data', () => {
    const text = jsonLdScript(data);
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual(data);
  });
});
