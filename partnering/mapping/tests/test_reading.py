"""Whole files: every format, every encoding, and every way a file can be wrong."""

import datetime
import io
import zipfile

import pytest

from partnering.mapping.importers import FileProblem, LayoutProblem, ReturnParser, build_layout, choose_sheet, open_workbook
from partnering.mapping.importers.reading import MAX_FILE_BYTES

from .spreadsheets import HEADERS, ROWS, csv_bytes, ods, xls, xlsx, xlsx_with_uncalculated_formula


def read(data: bytes, filename: str, sheet=None, mapping=None):
    workbook = open_workbook(data, filename)
    layout = build_layout(workbook, choose_sheet(workbook, sheet), mapping)
    parser = ReturnParser(workbook, layout)
    return list(parser.lines()), parser.summary, layout


EXPECTED_TITLES = [row[0] for row in ROWS]


@pytest.mark.parametrize("filename, data", [
    ("return.xlsx", xlsx([HEADERS, *ROWS])),
    ("return.xls", xls([HEADERS, *ROWS])),
    ("return.ods", ods([HEADERS, *ROWS])),
    ("return.csv", csv_bytes([HEADERS, *ROWS])),
    ("return.csv", csv_bytes([HEADERS, *ROWS], encoding="utf-8-sig")),
    ("return.csv", csv_bytes([HEADERS, *ROWS], encoding="cp1252")),
    ("return.csv", csv_bytes([HEADERS, *ROWS], encoding="utf-16")),
    ("return.csv", csv_bytes([HEADERS, *ROWS], delimiter=";")),
])
def test_every_format_and_encoding_reads_the_same_lines(filename, data):
    lines, summary, _ = read(data, filename)
    assert [line.title for line in lines] == EXPECTED_TITLES
    assert summary.total_learners == 332 and summary.total_cost_pence == 125000
    assert lines[0].delivery_method == "classroom" and lines[0].provider_type == "external"


def test_windows_1252_pound_signs_survive():
    lines, summary, _ = read(csv_bytes([HEADERS, *ROWS], encoding="cp1252"), "return.csv")
    assert summary.total_cost_pence == 125000


def test_header_row_is_found_below_title_rows():
    lines, _, layout = read(xlsx([HEADERS, *ROWS], title_rows=3), "return.xlsx")
    assert layout.header_row == 4 and len(lines) == 3


def test_blank_rows_are_skipped_and_a_totals_row_is_left_out_and_reported():
    rows = [HEADERS, ROWS[0], ["", "", "", "", "", "", ""], ROWS[1], ["Total", "", "", "", "", 312, "£1,250.00"]]
    lines, summary, _ = read(xlsx(rows), "return.xlsx")
    assert len(lines) == 2 and summary.skipped_blank == 1 and summary.skipped_totals == 1 and summary.totals_rows == [5]
    assert summary.total_learners == 312


def test_an_unlabelled_numbers_only_row_at_the_bottom_is_a_totals_row():
    rows = [HEADERS, *ROWS, ["", "", "", "", "", 332, 1250]]
    lines, summary, _ = read(xlsx(rows), "return.xlsx")
    assert len(lines) == 3 and summary.skipped_totals == 1


def test_a_numbers_only_row_in_the_middle_is_a_missing_title():
    rows = [HEADERS, ROWS[0], ["", "", "", "", "", 5, 10], ROWS[1]]
    _, summary, _ = read(xlsx(rows), "return.xlsx")
    assert [(p.row, p.reason) for p in summary.problems] == [(3, "Title is required")]


def test_problems_name_the_row_column_value_and_reason():
    rows = [HEADERS, ["Course", "", "telepathy", "", "", -4, "abc"], ["Other", "", "", "", "", datetime.date(2024, 3, 1), 5]]
    _, summary, _ = read(xlsx(rows), "return.xlsx")
    found = {(p.row, p.column, p.reason.split(" ", 2)[-1][:20]) for p in summary.problems}
    assert (2, "Method", "method is not a deli"[:20]) in found or any(p.column == "Method" for p in summary.problems)
    assert any(p.row == 2 and p.column == "No. of Learners" and "negative" in p.reason for p in summary.problems)
    assert any(p.row == 2 and p.column == "Cost (£)" and "not a number" in p.reason and p.value == "abc" for p in summary.problems)
    assert any(p.row == 3 and p.column == "No. of Learners" and "date" in p.reason for p in summary.problems)
    assert "Row 2, column 'Cost (£)'" in str(next(p for p in summary.problems if p.column == "Cost (£)"))


def test_a_bad_value_repeated_down_the_sheet_is_reported_on_every_row():
    # Conversions are remembered per column; a remembered failure must still name each row.
    rows = [HEADERS, ["A", "", "telepathy", "", "", 1, "abc"], ["B", "", "F2F", "", "", 2, 3.5], ["C", "", "telepathy", "", "", 3, "abc"]]
    lines, summary, _ = read(xlsx(rows), "return.xlsx")
    assert [(p.row, p.column) for p in summary.problems] == [(2, "Method"), (2, "Cost (£)"), (4, "Method"), (4, "Cost (£)")]
    assert [line.title for line in lines] == ["B"] and lines[0].annual_cost_pence == 350


def test_numbers_equal_as_keys_are_still_read_by_their_own_type():
    rows = [HEADERS, ["A", "", "", "", "", 1.0, 1.0], ["B", "", "", "", "", 1, True], ["C", "", "", "", "", "1", "1"]]
    lines, summary, _ = read(xlsx(rows), "return.xlsx")
    assert [line.learners_per_year for line in lines] == [1, 1] and [line.annual_cost_pence for line in lines] == [100, 100]
    assert [(p.row, p.column) for p in summary.problems] == [(3, "Cost (£)")]


def test_the_users_mapping_overrides_the_guess_and_can_ignore_columns():
    lines, _, layout = read(xlsx([["Thing", "Who", "Learners"], ["Course A", "Acme", 4]]), "r.xlsx", mapping={"Thing": "title", "Who": "provider_name"})
    assert lines[0].title == "Course A" and lines[0].provider_name == "Acme"
    _, _, ignored = read(xlsx([HEADERS, *ROWS]), "r.xlsx", mapping={"Supplier": "ignore"})
    assert "provider_name" not in ignored.mapping.values()


def test_remembered_mapping_applies_to_headers_still_present():
    workbook = open_workbook(xlsx([["Thing", "Learners"], ["Course A", 4]]), "r.xlsx")
    layout = build_layout(workbook, "Provision", remembered={"Thing": "title", "Gone": "notes"})
    assert layout.mapping == {0: "title", 1: "learners_per_year"}


@pytest.mark.parametrize("data, filename, message", [
    (b"%PDF-1.4 not a sheet", "return.pdf", "not a spreadsheet"),
    (b"hello", "return.xlsx", "not a spreadsheet"),
    (b"", "return.xlsx", "is empty"),
    (b"   \n  ", "return.csv", "is empty"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "return.xlsx", "protected with a password"),
    (b"PK\x03\x04 broken zip", "return.xlsx", "damaged"),
    (b"PK\x03\x04" + b"x" * 50, "return.csv", "spreadsheet saved with a .csv name"),
])
def test_files_that_are_not_usable_spreadsheets_are_refused_clearly(data, filename, message):
    with pytest.raises(FileProblem, match=message):
        open_workbook(data, filename)


def test_files_over_the_size_limit_are_refused():
    with pytest.raises(FileProblem, match="the limit is"):
        open_workbook(b"a" * (MAX_FILE_BYTES + 1), "big.csv")


def test_an_archive_that_expands_too_far_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (60 * 1024 * 1024))
    with pytest.raises(FileProblem, match="expands to"):
        open_workbook(buffer.getvalue(), "bomb.xlsx")


def test_formulas_without_saved_results_are_refused_naming_the_cells():
    workbook = open_workbook(xlsx_with_uncalculated_formula(), "formulas.xlsx")
    layout = build_layout(workbook, "Provision")
    with pytest.raises(FileProblem, match="C3"):
        ReturnParser(workbook, layout)


def test_formulas_with_saved_results_use_the_results():
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("Provision")
    sheet.write_row(0, 0, ["Title", "Learners", "Cost"])
    sheet.write_row(1, 0, ["Course A", 10])
    sheet.write_formula(1, 2, "=B2*10", None, 100)
    book.close()
    lines, _, _ = read(buffer.getvalue(), "calc.xlsx")
    assert lines[0].annual_cost_pence == 10000


def test_no_header_row_is_a_clear_problem():
    with pytest.raises(LayoutProblem, match="No header row found"):
        read(xlsx([["a", "b"], [1, 2]]), "r.xlsx")


def test_an_empty_sheet_says_so():
    with pytest.raises(LayoutProblem, match="is empty"):
        read(xlsx([[]]), "r.xlsx")


def test_duplicate_headers_are_refused_naming_the_columns():
    with pytest.raises(LayoutProblem, match="columns B and C are both called 'Learners'"):
        read(xlsx([["Title", "Learners", "Learners"], ["A", 1, 2]]), "r.xlsx")


def test_two_columns_for_one_field_must_be_resolved():
    with pytest.raises(LayoutProblem, match="both map to 'Learners per year'"):
        read(xlsx([["Title", "Learners", "Delegates"], ["A", 1, 2]]), "r.xlsx")


def test_a_return_without_a_title_column_asks_for_one():
    with pytest.raises(LayoutProblem, match="No column for the course title"):
        read(xlsx([["Topic", "Learners"], ["IT", 1]]), "r.xlsx")


def test_mapping_a_header_that_is_not_there_is_refused():
    with pytest.raises(LayoutProblem, match="no column called"):
        read(xlsx([HEADERS, *ROWS]), "r.xlsx", mapping={"Nope": "title"})


def test_mapping_to_an_unknown_field_is_refused():
    with pytest.raises(LayoutProblem, match="not a field of the return"):
        read(xlsx([HEADERS, *ROWS]), "r.xlsx", mapping={"Supplier": "vendor"})


def test_the_provision_sheet_is_picked_by_its_name_or_content_and_otherwise_we_ask():
    sheets = {"Summary": [["Council", "X"]], "Provision 2025-26": [HEADERS, *ROWS]}
    assert read(xlsx(None, sheets=sheets), "r.xlsx")[2].sheet == "Provision 2025-26"
    by_content = {"Cover": [["Hello"]], "Data": [HEADERS, *ROWS]}
    assert read(xlsx(None, sheets=by_content), "r.xlsx")[2].sheet == "Data"
    ambiguous = {"A": [HEADERS, *ROWS], "B": [HEADERS, *ROWS]}
    with pytest.raises(LayoutProblem, match="Which sheet") as asked:
        read(xlsx(None, sheets=ambiguous), "r.xlsx")
    assert asked.value.sheets == ["A", "B"]
    with pytest.raises(LayoutProblem, match="no sheet called"):
        read(xlsx(None, sheets=ambiguous), "r.xlsx", sheet="C")


def test_the_pure_command_line_checks_a_file(tmp_path, capsys):
    from partnering.mapping.importers.__main__ import main

    good = tmp_path / "good.csv"
    good.write_bytes(csv_bytes([HEADERS, *ROWS]))
    assert main([str(good)]) == 0
    assert '"imported": 3' in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes([HEADERS, ["A", "", "", "", "", "-1", ""]]))
    assert main([str(bad)]) == 1
    assert "must not be negative" in capsys.readouterr().err


def test_text_longer_than_a_column_holds_is_a_problem_not_cut_short():
    _, summary, _ = read(xlsx([["Title", "Level"], ["A" * 301, "L3"], ["Fine", "x" * 51]]), "r.xlsx")
    assert [(p.row, p.column, p.reason) for p in summary.problems] == [
        (2, "Title", "Title: longer than 300 characters"), (3, "Level", "Level: longer than 50 characters"),
    ]
