// A small map without a map library: OpenStreetMap tiles laid out by their Web Mercator numbers
// at the largest zoom that fits every point, with the list's numbers as markers (links to the
// cards). The map is an addition to the list, never the only way: when tiles cannot load, the
// box keeps a neutral background and the markers still work, and the page says so.
import { el } from '../shortlist/dom.ts';

const TILE_SIZE = 256;
const TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const MAX_ZOOM = 15;
const MIN_ZOOM = 7;
/** Room around the outermost markers, so they sit fully inside the box. */
const PADDING = 36;

export interface MapMarker {
  lat: number;
  lon: number;
  number: number;
  /** Accessible name: "Nummer 3: name, location". */
  label: string;
  /** The id of the card the marker leads to. */
  targetId: string;
  /** Markers of one location are shown side by side. */
  group: string;
}

/** Web Mercator: a point in world pixels at zoom z. */
export function project(lat: number, lon: number, zoom: number): { x: number; y: number } {
  const scale = TILE_SIZE * 2 ** zoom;
  const sin = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
  return {
    x: ((lon + 180) / 360) * scale,
    y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale,
  };
}

/** The largest zoom at which every point fits in a box of this size. */
export function fittingZoom(points: readonly { lat: number; lon: number }[], width: number, height: number): number {
  for (let zoom = MAX_ZOOM; zoom > MIN_ZOOM; zoom--) {
    const projected = points.map((point) => project(point.lat, point.lon, zoom));
    const xs = projected.map((p) => p.x);
    const ys = projected.map((p) => p.y);
    if (Math.max(...xs) - Math.min(...xs) <= width - 2 * PADDING && Math.max(...ys) - Math.min(...ys) <= height - 2 * PADDING) return zoom;
  }
  return MIN_ZOOM;
}

/** The person's own place (their postcode's point): drawn as a house, not a link. */
export interface HomeMarker {
  lat: number;
  lon: number;
  /** Accessible name: "Your place: postcode 6211 AB". */
  label: string;
}

/**
 * Draws the map into `box` (emptied first). `onTilesFailed` is called once when every tile failed
 * to load (no internet, blocked): the one failure that is cheap to detect. With `home`, the view
 * also takes in the person's own place, so they see how far the places lie from it.
 */
export function drawMap(box: HTMLElement, markers: readonly MapMarker[], onTilesFailed: () => void, home?: HomeMarker): void {
  box.replaceChildren();
  if (markers.length === 0) return;
  const width = Math.max(200, Math.round(box.clientWidth || 320));
  const height = Math.round(Math.min(440, Math.max(260, width * 0.7)));
  box.style.height = `${height}px`;
  const zoom = fittingZoom(home ? [...markers, home] : markers, width, height);
  const projected = markers.map((marker) => project(marker.lat, marker.lon, zoom));
  const homePoint = home ? project(home.lat, home.lon, zoom) : undefined;
  const xs = [...projected, ...(homePoint ? [homePoint] : [])].map((p) => p.x);
  const ys = [...projected, ...(homePoint ? [homePoint] : [])].map((p) => p.y);
  const left = (Math.min(...xs) + Math.max(...xs)) / 2 - width / 2;
  const top = (Math.min(...ys) + Math.max(...ys)) / 2 - height / 2;

  const tiles = el('div', { class: 'ww-map__tiles', 'aria-hidden': 'true' });
  const last = 2 ** zoom - 1;
  let count = 0;
  let failed = 0;
  for (let tx = Math.floor(left / TILE_SIZE); tx <= Math.floor((left + width - 1) / TILE_SIZE); tx++) {
    for (let ty = Math.max(0, Math.floor(top / TILE_SIZE)); ty <= Math.min(last, Math.floor((top + height - 1) / TILE_SIZE)); ty++) {
      const img = el('img', {
        class: 'ww-map__tile', alt: '', width: TILE_SIZE, height: TILE_SIZE, draggable: 'false',
        src: TILE_URL.replace('{z}', String(zoom)).replace('{x}', String(tx)).replace('{y}', String(ty)),
      });
      img.style.left = `${tx * TILE_SIZE - left}px`;
      img.style.top = `${ty * TILE_SIZE - top}px`;
      count++;
      img.addEventListener('error', () => {
        img.remove();
        if (++failed === count) onTilesFailed();
      }, { once: true });
      tiles.append(img);
    }
  }

  // One marker box per location; its numbers side by side.
  const groups = new Map<string, { x: number; y: number; links: HTMLAnchorElement[] }>();
  markers.forEach((marker, i) => {
    const point = projected[i] ?? { x: 0, y: 0 };
    const group = groups.get(marker.group) ?? { x: point.x - left, y: point.y - top, links: [] };
    const link = el('a', { class: 'ww-map__pin', href: `#${marker.targetId}`, 'aria-label': marker.label }, String(marker.number));
    link.addEventListener('click', (event) => {
      const card = document.getElementById(marker.targetId);
      const target = card?.querySelector<HTMLElement>('[data-result-link]');
      if (!card || !target) return;
      event.preventDefault();
      card.scrollIntoView({ block: 'start' });
      target.focus();
    });
    group.links.push(link);
    groups.set(marker.group, group);
  });
  // The house takes part in the spreading, so no pin hides under it (or it under a pin).
  const homeGroup = homePoint && home
    ? { x: homePoint.x - left, y: homePoint.y - top, links: [houseIcon(home.label)] }
    : undefined;
  spreadApart([...groups.values(), ...(homeGroup ? [homeGroup] : [])], width, height);
  const pins = el('ul', { class: 'ww-map__markers' });
  if (homeGroup) {
    const item = el('li', { class: 'ww-map__marker ww-map__home' }, ...homeGroup.links);
    item.style.left = `${homeGroup.x}px`;
    item.style.top = `${homeGroup.y}px`;
    pins.append(item);
  }
  for (const group of groups.values()) {
    const item = el('li', { class: 'ww-map__marker' }, ...group.links);
    item.style.left = `${group.x}px`;
    item.style.top = `${group.y}px`;
    pins.append(item);
  }
  box.append(tiles, pins);
}

const SVG = 'http://www.w3.org/2000/svg';

/** A house drawn inline (no icon font, no image request): it shows even when the tiles do not. */
function houseIcon(label: string): HTMLElement {
  const icon = el('span', { class: 'ww-map__home-icon', role: 'img', 'aria-label': label });
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', 'M12 3 2 12h3v9h5v-6h4v6h5v-9h3z');
  svg.append(path);
  icon.append(svg);
  return icon;
}

/** A marker box's half width and half height in CSS pixels: 44 px pins (2.75rem) and a gap. */
const PIN = 48;

/**
 * Nudges marker boxes of nearby locations apart until none overlap (a few rounds of pushing each
 * overlapping pair away from each other), then keeps them inside the box. Overlapping pins would be
 * targets too small to hit (WCAG 2.5.8); a marker a few pixels off its spot is fine for a map
 * that only shows roughly where places are.
 */
export function spreadApart(groups: { x: number; y: number; links: readonly unknown[] }[], width: number, height: number): void {
  const halfWidth = (g: { links: readonly unknown[] }) => (PIN * g.links.length) / 2;
  for (let round = 0; round < 60; round++) {
    let moved = false;
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const a = groups[i];
        const b = groups[j];
        if (!a || !b) continue;
        const overlapX = halfWidth(a) + halfWidth(b) - Math.abs(a.x - b.x);
        const overlapY = PIN - Math.abs(a.y - b.y);
        if (overlapX <= 0 || overlapY <= 0) continue;
        moved = true;
        // Push along the axis that needs the smaller move; equal spots split by their order.
        if (overlapY <= overlapX) {
          const direction = a.y < b.y || (a.y === b.y && i < j) ? -1 : 1;
          a.y += (direction * overlapY) / 2;
          b.y -= (direction * overlapY) / 2;
        } else {
          const direction = a.x < b.x ? -1 : 1;
          a.x += (direction * overlapX) / 2;
          b.x -= (direction * overlapX) / 2;
        }
      }
    }
    for (const g of groups) {
      g.x = Math.min(width - halfWidth(g), Math.max(halfWidth(g), g.x));
      g.y = Math.min(height - PIN / 2, Math.max(PIN / 2, g.y));
    }
    if (!moved) return;
  }
  // Pushing pairs can jam in a crowd (pushes that cancel out, or a box held at the edge). Then each
  // box still overlapping an earlier one moves to the nearest free spot, searched ring by ring.
  const overlaps = (a: (typeof groups)[number], b: (typeof groups)[number]) =>
    halfWidth(a) + halfWidth(b) - Math.abs(a.x - b.x) > 0 && PIN - Math.abs(a.y - b.y) > 0;
  const placed: (typeof groups)[number][] = [];
  // The widest boxes first: they need the largest free spots.
  for (const g of [...groups].sort((a, b) => b.links.length - a.links.length)) {
    if (placed.some((other) => overlaps(g, other))) {
      const spot = nearestFreeSpot(g, placed, overlaps, { minX: halfWidth(g), maxX: width - halfWidth(g), minY: PIN / 2, maxY: height - PIN / 2 });
      if (spot) {
        g.x = spot.x;
        g.y = spot.y;
      }
    }
    placed.push(g);
  }
}

const RING_STEP = 8;

function nearestFreeSpot<G extends { x: number; y: number }>(
  g: G, placed: readonly G[], overlaps: (a: G, b: G) => boolean, bounds: { minX: number; maxX: number; minY: number; maxY: number },
): { x: number; y: number } | undefined {
  const { x, y } = g;
  for (let ring = 1; ring * RING_STEP < 2000; ring++) {
    const r = ring * RING_STEP;
    // Points on the square ring of "radius" r, nearest to the middle of each side first.
    for (let t = 0; t <= r; t += RING_STEP) {
      for (const [dx, dy] of [[t, -r], [-t, -r], [t, r], [-t, r], [-r, t], [-r, -t], [r, t], [r, -t]] as const) {
        const candidate = { ...g, x: x + dx, y: y + dy };
        if (candidate.x < bounds.minX || candidate.x > bounds.maxX || candidate.y < bounds.minY || candidate.y > bounds.maxY) continue;
        if (!placed.some((other) => overlaps(candidate, other))) return candidate;
      }
    }
  }
  return undefined;
}
