"""How far and how long learners travel: a road model needing nothing outside the machine, or a routing service.

The default estimates road distance as the great-circle distance times a road factor (roads are
not straight; 1.3 is the usual figure for British roads) and time at an average speed. A council
that runs a routing service can plug in `OsrmTable`, which asks an OSRM table endpoint instead.
"""

from __future__ import annotations

import json
import math
import urllib.request
from dataclasses import dataclass
from typing import Protocol

import numpy as np

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)
KM_PER_MILE = 1.609344


@dataclass(frozen=True)
class Point:
    lat: float
    lon: float

    def __post_init__(self):
        if not (-90 <= self.lat <= 90) or not (-180 <= self.lon <= 180) or math.isnan(self.lat) or math.isnan(self.lon):
            raise ValueError(f"({self.lat}, {self.lon}) is not a latitude and longitude")


@dataclass(frozen=True)
class Travel:
    """Road distance (km) and time (minutes), one row per origin and one column per destination."""

    km: np.ndarray
    minutes: np.ndarray


class TravelProvider(Protocol):
    def travel(self, origins: list[Point], destinations: list[Point]) -> Travel: ...


def great_circle_km(origins: list[Point], destinations: list[Point]) -> np.ndarray:
    """Haversine distances between every origin and every destination, in kilometres."""
    a = np.radians(np.array([[p.lat, p.lon] for p in origins], dtype=float).reshape(-1, 2))
    b = np.radians(np.array([[p.lat, p.lon] for p in destinations], dtype=float).reshape(-1, 2))
    dlat = b[None, :, 0] - a[:, None, 0]
    dlon = b[None, :, 1] - a[:, None, 1]
    h = np.sin(dlat / 2) ** 2 + np.cos(a[:, None, 0]) * np.cos(b[None, :, 0]) * np.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


@dataclass(frozen=True)
class RoadModel:
    """Great-circle distance x road factor, at an average door-to-door speed."""

    road_factor: float = 1.3
    speed_kmh: float = 50.0

    def __post_init__(self):
        if self.road_factor < 1:
            raise ValueError("the road factor is at least 1: a road is never shorter than the straight line")
        if self.speed_kmh <= 0:
            raise ValueError("the average speed must be more than 0 km/h")

    def travel(self, origins: list[Point], destinations: list[Point]) -> Travel:
        km = great_circle_km(origins, destinations) * self.road_factor
        return Travel(km=km, minutes=km / self.speed_kmh * 60)


@dataclass(frozen=True)
class OsrmTable:
    """Road distances and times from an OSRM server's table service (for example a council's own)."""

    base_url: str  # such as "http://osrm.internal:5000"
    profile: str = "driving"
    timeout_s: float = 30.0

    def travel(self, origins: list[Point], destinations: list[Point]) -> Travel:
        points = [*origins, *destinations]
        coordinates = ";".join(f"{p.lon:.6f},{p.lat:.6f}" for p in points)
        sources = ";".join(str(i) for i in range(len(origins)))
        targets = ";".join(str(len(origins) + j) for j in range(len(destinations)))
        url = (f"{self.base_url.rstrip('/')}/table/v1/{self.profile}/{coordinates}"
               f"?sources={sources}&destinations={targets}&annotations=distance,duration")
        with urllib.request.urlopen(url, timeout=self.timeout_s) as response:  # noqa: S310 (a configured service)
            body = json.load(response)
        if body.get("code") != "Ok":
            raise RuntimeError(f"the routing service answered {body.get('code')}: {body.get('message', '')}")
        km = _matrix(body["distances"]) / 1000
        minutes = _matrix(body["durations"]) / 60
        if np.isnan(km).any():
            raise RuntimeError("the routing service found no road between some places")
        return Travel(km=km, minutes=minutes)


def _matrix(rows) -> np.ndarray:
    return np.array([[math.nan if value is None else value for value in row] for row in rows], dtype=float)


def provider_from_settings(osrm_url: str | None = None, *, road_factor: float = 1.3, speed_kmh: float = 50.0) -> TravelProvider:
    return OsrmTable(osrm_url) if osrm_url else RoadModel(road_factor, speed_kmh)
