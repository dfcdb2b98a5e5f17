"""Great-circle distance between two locations (haversine, on a spherical Earth).

Floats here are fine: a distance only orders warehouses, it is never shown or summed into
money or quantities."""

from __future__ import annotations

from math import asin, cos, radians, sin, sqrt

from .types import Location

EARTH_RADIUS_KM = 6371.0


def distance_km(a: Location, b: Location) -> float | None:
    """None unless both locations have coordinates."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return None
    lat1, lon1 = radians(float(a.latitude)), radians(float(a.longitude))
    lat2, lon2 = radians(float(b.latitude)), radians(float(b.longitude))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * asin(min(1.0, sqrt(h)))
