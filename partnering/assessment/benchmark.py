"""Benchmarks from individual responses or from published counts per score: pure Python, no Django.

`read_responses` reads `respondent,group,question,score` rows; `benchmark` gives the overall figures and
each group's, with the anonymity rule of `anonymity` applied to every question. `from_counts` turns a
published distribution ("4 said 1, 3 said 2 …") into a count and a mean.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .anonymity import DEFAULT_MIN_GROUP, Cell, breakdown, check_min_group, mean_text

COLUMNS = ("respondent", "group", "question", "score")


class BadFile(ValueError):
    """A file that cannot be read as responses, naming the file, row and column."""

    def __init__(self, filename: str, row: int | None, column: str | None, problem: str):
        where = filename + (f", row {row}" if row is not None else "") + (f", column {column}" if column else "")
        super().__init__(f"{where}: {problem}")
        self.filename, self.row, self.column, self.problem = filename, row, column, problem


@dataclass(frozen=True)
class Response:
    respondent: str
    group: str
    question: str
    score: Decimal


def parse_score(text: str) -> Decimal:
    """A finite number, or ValueError."""
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise ValueError(f"{text.strip()!r} is not a number") from None
    if not value.is_finite():
        raise ValueError(f"{text.strip()!r} is not a number")
    return value


def read_responses(lines: Iterable[str], filename: str = "responses") -> list[Response]:
    """Rows of `respondent,group,question,score` (a header row first). Each respondent belongs to one
    group and answers a question at most once; every field is required and scores are numbers."""
    reader = csv.reader(lines)
    try:
        header = next(reader)
    except StopIteration:
        raise BadFile(filename, 1, None, "the file is empty; it needs the header " + ",".join(COLUMNS)) from None
    except csv.Error as e:
        raise BadFile(filename, 1, None, f"not readable as CSV ({e})") from None
    header = [h.strip().lstrip("\ufeff").lower() for h in header]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise BadFile(filename, 1, missing[0], f"the header has no column {missing[0]!r} (it needs {','.join(COLUMNS)})")
    at = {c: header.index(c) for c in COLUMNS}
    responses, group_of, seen = [], {}, {}
    row = 1
    try:
        for values in reader:
            row += 1
            if not any(v.strip() for v in values):
                continue
            if len(values) < len(header):
                column = header[len(values)]
                raise BadFile(filename, row, column, f"the row has {len(values)} fields; the header has {len(header)}")
            fields = {c: values[at[c]].strip() for c in COLUMNS}
            for column in COLUMNS:
                if not fields[column]:
                    raise BadFile(filename, row, column, "empty")
            try:
                score = parse_score(fields["score"])
            except ValueError as e:
                raise BadFile(filename, row, "score", str(e)) from None
            respondent = fields["respondent"]
            earlier = group_of.setdefault(respondent, (fields["group"], row))
            if earlier[0] != fields["group"]:
                raise BadFile(filename, row, "group", f"respondent {respondent!r} is in group {earlier[0]!r} on row {earlier[1]}")
            key = (respondent, fields["question"])
            if key in seen:
                raise BadFile(filename, row, "question", f"respondent {respondent!r} already answered {fields['question']!r} on row {seen[key]}")
            seen[key] = row
            responses.append(Response(respondent, fields["group"], fields["question"], score))
    except csv.Error as e:
        raise BadFile(filename, row + 1, None, f"not readable as CSV ({e})") from None
    return responses


def cells(responses: Sequence[Response]) -> tuple[list[str], list[str], dict[str, dict[str, Cell]]]:
    """Questions in the order first seen, groups by name, and each question's cell per group (every group,
    with 0 respondents where none answered)."""
    questions = list(dict.fromkeys(r.question for r in responses))
    groups = sorted({r.group for r in responses})
    table = {q: {g: Cell(0) for g in groups} for q in questions}
    for r in responses:
        table[r.question][r.group] = table[r.question][r.group] + Cell(1, r.score)
    return questions, groups, table


def figures(cell: Cell | None) -> dict:
    if cell is None:
        return {"suppressed": True}
    return {"n": cell.n, "mean": mean_text(cell.mean)}


def benchmark(responses: Sequence[Response], min_group: int = DEFAULT_MIN_GROUP) -> dict:
    """{"overall": {question: {"n", "mean"}}, "groups": {group: {question: {"n", "mean"} or {"suppressed": True}}}}.

    Means are strings with two decimals. In the rare case that every group is too small to protect the
    others, the overall figure for that question is {"suppressed": true} too."""
    min_group = check_min_group(min_group)
    questions, groups, table = cells(responses)
    result = {"overall": {}, "groups": {g: {} for g in groups}}
    for question in questions:
        shown = breakdown(table[question], min_group)
        result["overall"][question] = figures(shown.overall)
        for group in groups:
            result["groups"][group][question] = figures(shown.groups[group])
    return result


def from_counts(counts: Mapping[int | Decimal, int]) -> Cell:
    """A published distribution {score: number who gave it} as a count and a sum of scores."""
    cell = Cell(0)
    for score, number in counts.items():
        if number < 0:
            raise ValueError(f"a negative count ({number}) for score {score}")
        cell = cell + Cell(number, Decimal(score) * number)
    return cell
