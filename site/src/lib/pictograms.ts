// Where the easy-read pictograms (OpenMoji 17, CC BY-SA 4.0) are served from. Pages and page data
// name them only through `pictogramSrc`, so the build step (pictogram-integration.ts) finds every
// one used by this address in the built HTML and copies just those SVG files.
export const PICTOGRAM_DIR = 'pictogrammen';

/** The site path of one pictogram, by its OpenMoji hexcode ("1F3E0"). */
export function pictogramSrc(hexcode: string): string {
  return `/${PICTOGRAM_DIR}/${hexcode}.svg`;
}

/** Finds pictogramSrc addresses in a built page (HTML and the JSON page data in it). */
export const PICTOGRAM_SRC_PATTERN = new RegExp(`/${PICTOGRAM_DIR}/([0-9A-F]{4,5}(?:-[0-9A-F]{4,5})*)\\.svg`, 'g');
