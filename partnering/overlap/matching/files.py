"""Reading and writing the matcher's CSV files, with errors that name the row and column."""

from __future__ import annotations

import csv
from pathlib import Path

from .engine import Record

REQUIRED = ("record_id", "council", "title")
OPTIONAL = ("topic", "provider_name", "accreditation", "level", "duration_hours", "delivery_method")


class CsvProblem(ValueError):
    pass


def read_records(path: Path, *, label_column: str | None = None) -> tuple[list[Record], dict[str, str], dict[str, str]]:
    """Records, and (when asked) the true label and the 'half' of each record."""
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as error:
        raise CsvProblem(f"{path}: {error.strerror}") from error
    with handle:
        reader = csv.DictReader(handle)
        columns = set(reader.fieldnames or [])
        missing = [c for c in (*REQUIRED, *([label_column] if label_column else [])) if c not in columns]
        if missing:
            raise CsvProblem(f"{path}: missing column(s) {', '.join(missing)}; the header must include {', '.join(REQUIRED)}.")
        records, labels, halves, seen = [], {}, {}, set()
        for number, row in enumerate(reader, start=2):
            record_id = (row["record_id"] or "").strip()
            if not record_id:
                raise CsvProblem(f"{path}, row {number}, column record_id: empty.")
            if record_id in seen:
                raise CsvProblem(f"{path}, row {number}, column record_id: {record_id!r} appears twice.")
            seen.add(record_id)
            if not (row["title"] or "").strip():
                raise CsvProblem(f"{path}, row {number}, column title: empty.")
            duration = (row.get("duration_hours") or "").strip()
            try:
                hours = float(duration) if duration else None
            except ValueError:
                raise CsvProblem(f"{path}, row {number}, column duration_hours: {duration!r} is not a number.") from None
            records.append(Record(record_id, row["council"] or "", row["title"], *(row.get(c) or "" for c in OPTIONAL[:4]),
                                  hours, row.get("delivery_method") or ""))
            if label_column:
                labels[record_id] = row[label_column]
            if "half" in columns:
                halves[record_id] = row["half"]
    return records, labels, halves


def write_clusters(path: Path, clusters: dict[str, str], order: list[str]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["record_id", "cluster_id"])
        for record_id in order:
            writer.writerow([record_id, clusters[record_id]])


def read_labels(path: Path, known: set[str]):
    """LABELS.csv: record_a,record_b,same (yes or no); every record must be in the input."""
    from .learned import Label

    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as error:
        raise CsvProblem(f"{path}: {error.strerror}") from error
    labels = []
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in ("record_a", "record_b", "same") if c not in (reader.fieldnames or [])]
        if missing:
            raise CsvProblem(f"{path}: missing column(s) {', '.join(missing)}; the header must be record_a,record_b,same.")
        for number, row in enumerate(reader, start=2):
            for column in ("record_a", "record_b"):
                value = (row[column] or "").strip()
                if value not in known:
                    raise CsvProblem(f"{path}, row {number}, column {column}: {value!r} is not a record_id of the input.")
            same = (row["same"] or "").strip().lower()
            if same not in ("yes", "no"):
                raise CsvProblem(f"{path}, row {number}, column same: {row['same']!r} must be yes or no.")
            if row["record_a"].strip() == row["record_b"].strip():
                raise CsvProblem(f"{path}, row {number}, column record_b: a record cannot be labelled against itself.")
            labels.append(Label(row["record_a"].strip(), row["record_b"].strip(), same == "yes"))
    return labels


def write_pairs(path: Path, pairs) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["record_a", "record_b"])
        writer.writerows(pairs)
