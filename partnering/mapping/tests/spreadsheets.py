"""Builders for test spreadsheets in every format councils send."""

import csv
import datetime
import io

import xlsxwriter

HEADERS = ["Course Title", "Category", "Method", "In-house/External", "Supplier", "No. of Learners", "Cost (£)"]
ROWS = [
    ["ILM L3 Award - Leadership & Mgmt", "Leadership", "F2F", "Ext.", "Acme Training", 12, "£1,250.00"],
    ["Safeguarding Adults", "", "e-learning", "internal", "", "300", 0],
    ["Excel Intermediate", "IT", "classroom", "in house", "", 20, "n/a"],
]


def xlsx(rows, sheets=None, title_rows=0) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    for name, sheet_rows in (sheets or {"Provision": rows}).items():
        sheet = book.add_worksheet(name)
        for r in range(title_rows):
            sheet.write_string(r, 0, f"Council L&D return - title row {r + 1}")
        for r, row in enumerate(sheet_rows, start=title_rows):
            for c, value in enumerate(row):
                if isinstance(value, (datetime.date, datetime.datetime)):
                    sheet.write_datetime(r, c, value, book.add_format({"num_format": "dd/mm/yyyy"}))
                elif isinstance(value, str):
                    sheet.write_string(r, c, value)
                elif value is not None:
                    sheet.write(r, c, value)
    book.close()
    return buffer.getvalue()


def csv_bytes(rows, encoding="utf-8", delimiter=",") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode(encoding)


def xls(rows) -> bytes:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Provision")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def ods(rows) -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Provision")
    for row in rows:
        table_row = TableRow()
        for value in row:
            if isinstance(value, (int, float)):
                cell = TableCell(valuetype="float", value=value)
            else:
                cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(value)))
            table_row.addElement(cell)
        table.addElement(table_row)
    document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def xlsx_with_uncalculated_formula() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Provision"
    sheet.append(["Title", "Learners", "Cost"])
    sheet.append(["Course A", 10, 100])
    sheet.append(["Course B", 5, "=B2*10"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
