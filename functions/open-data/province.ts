// The province of an address, which HSDS requires (state_province) and our listings do not hold:
// taken from the care-office region when that region lies in one province. Derived from
// data/reference/nl-gemeenten-2025-zorgkantoorregio.csv (a unit test keeps the two the same);
// the regions that cross a province border are left out and their addresses say "" rather than
// a guess.
const SINGLE_PROVINCE_REGIONS: Readonly<Record<string, string>> = {
  ZK01: 'Noord-Holland', ZK02: 'Noord-Holland', ZK03: 'Gelderland', ZK04: 'Gelderland', ZK06: 'Drenthe',
  ZK07: 'Flevoland', ZK08: 'Fryslân', ZK09: 'Groningen', ZK10: 'Zuid-Holland', ZK11: 'Noord-Holland',
  ZK12: 'Noord-Brabant', ZK13: 'Zuid-Holland', ZK17: 'Limburg', ZK18: 'Noord-Holland', ZK20: 'Zuid-Holland',
  ZK22: 'Overijssel', ZK25: 'Noord-Brabant', ZK26: 'Noord-Holland', ZK27: 'Zeeland', ZK28: 'Zuid-Holland',
  ZK29: 'Zuid-Holland', ZK30: 'Noord-Brabant', ZK31: 'Limburg', ZK33: 'Zuid-Holland',
};

/** The province of every address in a care-office region (e.g. "ZK31"), or "" when the region crosses a border. */
export function provinceOf(careOfficeRegionCode: string): string {
  return SINGLE_PROVINCE_REGIONS[careOfficeRegionCode] ?? '';
}

export const PROVINCE_TABLE = SINGLE_PROVINCE_REGIONS;
