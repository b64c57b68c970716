// Great-circle distance between two points, in kilometres (haversine; exact enough within the NL).
export interface Point {
  lat: number;
  lon: number;
}

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

export function haversineKm(a: Point, b: Point): number {
  return haversineKmTo(a, b.lat, b.lon);
}

/** The same distance to a point given as two numbers (the matcher's scan keeps them in columns). */
export function haversineKmTo(a: Point, lat: number, lon: number): number {
  const dLat = rad(lat - a.lat);
  const dLon = rad(lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
