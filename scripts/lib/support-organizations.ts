// Independent help on the way to a place (the help page of a region): real organisations, named
// with only what we know to be right (name, main web address; no phone numbers or deep links:
// they change, and a wrong one sends a person nowhere). The hand-made regions name their care
// office; a generated region gets the generic text, which says how to find it.
import type { SupportOrganization } from '../../shared/domain/index.ts';

export const MEE: SupportOrganization = {
  id: 'mee',
  name: 'MEE',
  description: {
    nl: 'Een cliëntondersteuner van MEE helpt u gratis bij het kiezen van een woonplek met zorg. Ook als u nog geen indicatie heeft. De cliëntondersteuner werkt niet voor een zorgaanbieder. Hij of zij kijkt alleen naar wat u wilt en gaat mee naar gesprekken als u dat wilt.',
    en: 'A client supporter from MEE helps you choose a home with care, free of charge, also before you have an indication. The supporter does not work for a care provider, looks only at what you want, and comes along to meetings if you like.',
  },
  free: true,
  website: 'https://www.mee.nl',
};

export const CIZ: SupportOrganization = {
  id: 'ciz',
  name: 'CIZ (Centrum indicatiestelling zorg)',
  description: {
    nl: 'Het CIZ beslist of u zorg krijgt uit de Wet langdurige zorg (Wlz). Dat heet een indicatie. In de indicatie staat ook uw zorgprofiel. U vraagt de indicatie zelf aan, of iemand anders doet dat voor u. De aanvraag is gratis.',
    en: 'The CIZ decides whether you can get care under the Long-term Care Act (Wlz). This is called an indication; it also states your care profile. You apply yourself, or someone else applies for you. Applying is free.',
  },
  free: true,
  website: 'https://www.ciz.nl',
};

export const careOffice = (id: string, name: string, regionName: string, website: string): SupportOrganization => ({
  id,
  name,
  description: {
    nl: `Het zorgkantoor regelt de Wlz-zorg in de regio ${regionName}. Heeft u een indicatie? Dan kan het zorgkantoor u helpen een plek te vinden, ook als u lang moet wachten. Via het zorgkantoor krijgt u ook gratis een onafhankelijke cliëntondersteuner.`,
    en: `The care office arranges Wlz care in the ${regionName} region. Once you have an indication, it can help you find a place, also when the wait is long. Through the care office you can also get an independent client supporter, free of charge.`,
  },
  free: true,
  website,
});

export const WMO_DESK: SupportOrganization = {
  id: 'wmo-loket',
  name: 'Wmo-loket van uw gemeente',
  description: {
    nl: 'Heeft u nog geen indicatie voor de Wlz? Dan helpt uw gemeente met zorg en hulp thuis (Wmo). De gemeente regelt ook gratis cliëntondersteuning. Neem contact op met uw gemeente. Het adres en telefoonnummer staan op de website van uw gemeente.',
    en: 'No Wlz indication yet? Your municipality helps with care and support at home (Wmo) and arranges free client support. Contact your municipality; its address and phone number are on its website.',
  },
  free: true,
};
/**
 * For a region generated from the reference data: which insurer runs its care office is not in
 * the reference data, so the text says how to find it instead of naming one (and gives no phone
 * number or address that could be wrong).
 */
export const careOfficeUnnamed = (regionName: string): SupportOrganization => ({
  id: 'zorgkantoor',
  name: `Zorgkantoor ${regionName}`,
  description: {
    nl: `Het zorgkantoor regelt de Wlz-zorg in de regio ${regionName}. Welk zorgkantoor dat is, hangt af van de regio; uw zorgverzekeraar of uw gemeente vertelt het u. Heeft u een indicatie? Dan kan het zorgkantoor u helpen een plek te vinden. Via het zorgkantoor krijgt u ook gratis een onafhankelijke cliëntondersteuner. Let op: deze regio is een demonstratie; de woonplekken op deze site zijn verzonnen.`,
    en: `The care office arranges Wlz care in the ${regionName} region. Which care office that is depends on the region; your health insurer or your municipality can tell you. Once you have an indication, it can help you find a place, and it can give you an independent client supporter, free of charge. Note: this region is a demonstration; the homes on this site are made up.`,
  },
  free: true,
});

/** The help a generated region lists: the national organisations and the care office unnamed. */
export const generatedRegionSupport = (regionName: string): SupportOrganization[] => [MEE, CIZ, careOfficeUnnamed(regionName), WMO_DESK];
