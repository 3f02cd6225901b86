import io
import json

import pytest
from django.core.management import CommandError, call_command

from partnering.core.models import AuditEntry
from partnering.mapping import services
from partnering.mapping.models import Arrangement, ColumnMapping, ImportBatch, Investment, Provision, Return
from partnering.mapping.spreadsheets import neutralise

from .spreadsheets import HEADERS, ROWS, csv_bytes, xlsx

pytestmark = pytest.mark.django_db


def import_rows(council, rows, year=2025, filename="return.xlsx", **kwargs):
    return services.import_return(council=council, year=year, filename=filename, data=xlsx(rows), **kwargs)


def test_import_writes_every_line_with_normalised_values_and_topics(region):
    batch, summary = import_rows(region.north, [HEADERS, *ROWS])
    lines = list(Provision.objects.current().filter(council=region.north).order_by("row_number"))
    assert [line.title for line in lines] == [row[0] for row in ROWS]
    assert lines[0].annual_cost_pence == 125000 and lines[0].delivery_method == "classroom" and lines[0].provider_type == "external"
    assert lines[0].topic.name == "Leadership and management" and not lines[0].topic_suggested
    assert lines[1].topic.name == "Safeguarding" and lines[1].topic_suggested
    assert batch.status == ImportBatch.Status.ACTIVE and batch.line_count == 3
    assert AuditEntry.objects.filter(council=region.north, action="create").exists()


def test_an_error_on_the_last_row_leaves_the_database_unchanged(region):
    rows = [HEADERS, *ROWS] + [[f"Course {n}", "", "", "", "", n, n] for n in range(5000)] + [["Broken", "", "", "", "", "lots", ""]]
    entries = AuditEntry.objects.count()  # the region's own records are audited too
    with pytest.raises(services.ImportRejected) as rejected:
        import_rows(region.north, rows)
    assert [(p.row, p.column) for p in rejected.value.problems] == [(len(rows), "No. of Learners")]
    assert not Provision.objects.exists() and not ImportBatch.objects.exists() and not Return.objects.exists()
    assert AuditEntry.objects.count() == entries


def test_reimporting_replaces_the_years_return_and_the_old_one_can_be_restored(region):
    first, _ = import_rows(region.north, [HEADERS, *ROWS])
    second, _ = import_rows(region.north, [HEADERS, ROWS[0]])
    first.refresh_from_db()
    assert first.status == ImportBatch.Status.REPLACED and second.status == ImportBatch.Status.ACTIVE
    assert Provision.objects.current().filter(council=region.north).count() == 1
    assert Provision.objects.filter(council=region.north).count() == 4  # the replaced lines are kept

    services.batch_restore(batch=first, actor=region.lead_north)
    second.refresh_from_db()
    assert second.status == ImportBatch.Status.REPLACED
    assert Provision.objects.current().filter(council=region.north).count() == 3
    assert Return.objects.get(council=region.north).active_batch == first


def test_only_replaced_uploads_can_be_restored(region):
    batch, _ = import_rows(region.north, [HEADERS, *ROWS])
    with pytest.raises(services.FileProblem):
        services.batch_restore(batch=batch, actor=region.lead_north)


def test_the_mapping_is_remembered_for_the_councils_next_return(region):
    odd = [["Thing", "Who", "Learners"], ["Course A", "Acme", 4]]
    import_rows(region.north, odd, mapping={"Thing": "title", "Who": "provider_name"})
    assert ColumnMapping.objects.get(council=region.north).mapping == {"Thing": "title", "Who": "provider_name", "Learners": "learners_per_year"}
    batch, _ = import_rows(region.north, odd, year=2026)
    assert Provision.objects.get(batch=batch).provider_name == "Acme"


def test_another_councils_lead_cannot_import_or_restore(region):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        import_rows(region.north, [HEADERS, *ROWS], actor=region.lead_south)
    batch, _ = import_rows(region.north, [HEADERS, *ROWS])
    import_rows(region.north, [HEADERS, *ROWS])
    batch.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.batch_restore(batch=batch, actor=region.lead_south)


def test_investment_and_arrangement_sheets_are_imported_with_the_provision(region):
    sheets = {
        "Provision": [HEADERS, *ROWS],
        "Investment": [["Item", "Value"], ["L&D budget (£)", "£120,000"], ["Trainer FTE", 2.5], ["E-learning platform", "Learning Pool"], ["Staff headcount", 1200]],
        "Arrangements": [["Partner councils", "What", "Arrangement", "Description"], ["South; Outsider", "ILM cohort", "Joint commissioning", "Shared"]],
    }
    services.import_return(council=region.north, year=2025, filename="r.xlsx", data=xlsx(None, sheets=sheets))
    investment = Investment.objects.get(council=region.north, year=2025)
    assert investment.budget_pence == 12_000_000 and investment.spend_per_head_pence == 10_000
    arrangement = Arrangement.objects.get(council=region.north)
    assert arrangement.kind == "joint-commissioning" and set(arrangement.partners.all()) == {region.south, region.outsider}


def test_an_unknown_partner_council_rejects_the_return(region):
    sheets = {"Provision": [HEADERS, *ROWS], "Arrangements": [["Partner councils", "What", "Arrangement"], ["Atlantis", "ILM", "informal"]]}
    with pytest.raises(services.ImportRejected, match="problem"):
        services.import_return(council=region.north, year=2025, filename="r.xlsx", data=xlsx(None, sheets=sheets))
    assert not Provision.objects.exists()


def test_command_line_import_prints_json_and_exits_zero(region, tmp_path):
    path = tmp_path / "return.csv"
    path.write_bytes(csv_bytes([["North Council return"], [], HEADERS, *ROWS, [], ["Total", "", "", "", "", 332, "£1,250.00"]], encoding="cp1252"))
    out = io.StringIO()
    call_command("import_provision", str(path), "--council", "north", "--year", "2025", "--json", stdout=out)
    assert json.loads(out.getvalue()) == {
        "imported": 3, "skipped_blank": 1, "skipped_totals": 1, "total_learners": 332, "total_annual_cost_gbp": 1250.0,
    }


def test_command_line_finds_a_council_by_gss_code(region, tmp_path):
    region.north.gss_code = "W06000099"
    region.north.save()
    path = tmp_path / "return.xlsx"
    path.write_bytes(xlsx([HEADERS, *ROWS]))
    call_command("import_provision", str(path), "--council", "W06000099", "--year", "2025", stdout=io.StringIO())
    assert Provision.objects.filter(council=region.north).count() == 3


def test_command_line_dry_run_writes_nothing(region, tmp_path):
    path = tmp_path / "return.xlsx"
    path.write_bytes(xlsx([HEADERS, *ROWS]))
    out = io.StringIO()
    call_command("import_provision", str(path), "--council", "north", "--year", "2025", "--dry-run", stdout=out)
    assert "would import 3 lines" in out.getvalue()
    assert not ImportBatch.objects.exists()


def test_command_line_errors_exit_non_zero_and_print_every_problem(region, tmp_path):
    path = tmp_path / "return.csv"
    path.write_bytes(csv_bytes([HEADERS, ["A", "", "telepathy", "", "", -1, ""], ["B", "", "", "", "", "x", ""]]))
    err = io.StringIO()
    with pytest.raises(CommandError, match="3 problem"):
        call_command("import_provision", str(path), "--council", "north", "--year", "2025", stderr=err)
    assert "Row 2, column 'Method'" in err.getvalue() and "Row 3, column 'No. of Learners'" in err.getvalue()
    assert not Provision.objects.exists()


@pytest.mark.parametrize("args, message", [
    (["--council", "atlantis", "--year", "2025"], "Unknown council"),
    (["--council", "north", "--year", "1999"], "not a financial year"),
])
def test_command_line_refuses_unknown_councils_and_years(region, tmp_path, args, message):
    path = tmp_path / "return.xlsx"
    path.write_bytes(xlsx([HEADERS, *ROWS]))
    with pytest.raises(CommandError, match=message):
        call_command("import_provision", str(path), *args)


def test_export_neutralises_text_a_spreadsheet_would_run(region, tmp_path):
    rows = [HEADERS, ["=HYPERLINK(\"http://evil\")", "", "", "", "+44 cmd", 1, 1], ["@SUM(A1)", "", "", "", "-2", 1, 1]]
    import_rows(region.north, rows)
    out = tmp_path / "export.csv"
    call_command("export_provision", "--council", "north", "--year", "2025", "--out", str(out), stdout=io.StringIO())
    text = out.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and "'@SUM" in text and "'+44 cmd" in text and "'-2" in text
    xlsx_out = tmp_path / "export.xlsx"
    call_command("export_provision", "--council", "north", "--year", "2025", "--out", str(xlsx_out), stdout=io.StringIO())
    import python_calamine

    cells = python_calamine.CalamineWorkbook.from_path(str(xlsx_out)).get_sheet_by_index(0).to_python()
    assert cells[1][0] == "'=HYPERLINK(\"http://evil\")"


def test_an_export_reads_back_through_the_importer(region, tmp_path):
    import_rows(region.north, [HEADERS, *ROWS])
    out = tmp_path / "export.xlsx"
    call_command("export_provision", "--council", "north", "--year", "2025", "--out", str(out), stdout=io.StringIO())
    _, summary = services.import_return(council=region.south, year=2025, filename="export.xlsx", data=out.read_bytes())
    assert summary.lines == 3 and summary.total_cost_pence == 125000


@pytest.mark.parametrize("value, expected", [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"), ("safe", "safe"), (5, 5)])
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_blank_template_has_dropdowns_for_the_controlled_fields(db):
    import openpyxl

    from partnering.mapping.spreadsheets import return_template

    book = openpyxl.load_workbook(io.BytesIO(return_template(["First aid", "Safeguarding"])))
    assert book.sheetnames[:4] == ["Lists", "Provision", "Investment", "Arrangements"]
    sources = {v.formula1 for v in book["Provision"].data_validations.dataValidation if v.type == "list"}
    assert sources == {"Topics", "DeliveryMethods", "ProviderTypes"}
    assert book["Provision"]["A1"].value == "Title *"
