"""Reading learners and venues from CSV, with errors that name the file, row and column."""

from __future__ import annotations

import csv
import math
from pathlib import Path

from .plans import Learner, Venue
from .travel import Point


class CsvProblem(ValueError):
    pass


def _number(path: Path, number: int, column: str, text: str, *, low: float | None = None, high: float | None = None,
            above: float | None = None) -> float:
    try:
        value = float(text.strip().replace(",", ""))
    except ValueError:
        raise CsvProblem(f"{path}, row {number}, column {column}: {text!r} is not a number.") from None
    if math.isnan(value) or math.isinf(value):
        raise CsvProblem(f"{path}, row {number}, column {column}: {text!r} is not a number.")
    if (low is not None and value < low) or (high is not None and value > high):
        raise CsvProblem(f"{path}, row {number}, column {column}: {value:g} is out of range ({low:g} to {high:g}).")
    if above is not None and value <= above:
        raise CsvProblem(f"{path}, row {number}, column {column}: {value:g} must be more than {above:g}.")
    return value


def _rows(path: Path, id_column: str, optional: str):
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as error:
        raise CsvProblem(f"{path}: {error.strerror}.") from error
    with handle:
        try:
            reader = csv.DictReader(handle)
            columns = [name.strip() for name in reader.fieldnames or []]
        except (UnicodeDecodeError, csv.Error) as error:
            raise CsvProblem(f"{path}: not a UTF-8 CSV file ({error}).") from error
        reader.fieldnames = columns
        required = (id_column, "lat", "lon")
        missing = [name for name in required if name not in columns]
        if missing:
            raise CsvProblem(f"{path}: missing column(s) {', '.join(missing)}; the header must be "
                             f"{','.join(required)} (and optionally {optional}).")
        seen: set[str] = set()
        try:
            for number, row in enumerate(reader, start=2):
                if not any((value or "").strip() for value in row.values() if isinstance(value, str)):
                    continue
                identifier = (row[id_column] or "").strip()
                if not identifier:
                    raise CsvProblem(f"{path}, row {number}, column {id_column}: empty.")
                if identifier in seen:
                    raise CsvProblem(f"{path}, row {number}, column {id_column}: {identifier!r} appears twice.")
                seen.add(identifier)
                lat = _number(path, number, "lat", row["lat"] or "", low=-90, high=90)
                lon = _number(path, number, "lon", row["lon"] or "", low=-180, high=180)
                extra = (row.get(optional) or "").strip()
                yield number, identifier, Point(lat, lon), extra
        except UnicodeDecodeError as error:
            raise CsvProblem(f"{path}: not a UTF-8 CSV file ({error}).") from error
    if not seen:
        raise CsvProblem(f"{path}: no rows after the header.")


def read_learners(path: Path) -> list[Learner]:
    return [
        Learner(identifier, point, _number(path, number, "weight", weight, above=0) if weight else 1.0)
        for number, identifier, point, weight in _rows(path, "learner_id", "weight")
    ]


def read_venues(path: Path) -> list[Venue]:
    return [
        Venue(identifier, point, _number(path, number, "capacity", capacity, low=0, high=1e9) if capacity else None)
        for number, identifier, point, capacity in _rows(path, "venue_id", "capacity")
    ]
