/** A warehouse's city and region, the region left out where it is the city («Москва», not «Москва, Москва»). */
export function placeOf(warehouse: { city: string; region: string }): string {
  const city = warehouse.city.trim();
  const region = warehouse.region.trim();
  return [city, region && region !== city ? region : ''].filter(Boolean).join(', ');
}
