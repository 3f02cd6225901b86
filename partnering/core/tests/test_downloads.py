"""Downloads keep their names, Welsh letters included, in a Content-Disposition every browser reads."""

import re
from urllib.parse import unquote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from partnering.core.downloads import download_response
from partnering.mapping import services
from partnering.mapping.tests.spreadsheets import HEADERS, ROWS, xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def names(disposition: str) -> tuple[str | None, str | None]:
    """The plain (ASCII) filename and the RFC 6266 `filename*` one, decoded."""
    plain = re.search(r'filename="((?:[^"\\]|\\.)*)"', disposition)
    star = re.search(r"filename\*=utf-8''([^;\s]+)", disposition, flags=re.IGNORECASE)
    return (plain.group(1) if plain else None, unquote(star.group(1)) if star else None)


def test_a_welsh_filename_is_sent_as_utf8_with_an_ascii_fallback():
    response = download_response(b"data", "Ynys Môn ŵ ŷ.xlsx", XLSX)
    disposition = response["Content-Disposition"]
    assert disposition.isascii() and disposition.startswith("attachment;")
    plain, star = names(disposition)
    assert star == "Ynys Môn ŵ ŷ.xlsx"
    assert plain == "Ynys Mon w y.xlsx"
    assert response["Content-Type"] == XLSX and response.content == b"data"


def test_an_ascii_filename_needs_no_utf8_form():
    disposition = download_response(b"x", "training-record.csv", "text/csv")["Content-Disposition"]
    assert disposition == 'attachment; filename="training-record.csv"'


def test_quotes_and_line_breaks_in_a_filename_cannot_break_out_of_the_header():
    disposition = download_response(b"x", 'evil"\r\nSet-Cookie: a=b\\.xlsx', XLSX)["Content-Disposition"]
    assert "\r" not in disposition and "\n" not in disposition
    plain, star = names(disposition)
    assert '"' not in plain and "\\" not in plain and plain.endswith(".xlsx")
    assert star == 'evil"\r\nSet-Cookie: a=b\\.xlsx'  # percent-encoded on the wire, so harmless


@pytest.fixture
def ynys_mon(region):
    region.north.short_name = "Ynys Môn"
    region.north.name = "Cyngor Sir Ynys Môn"
    region.north.save()
    services.import_return(council=region.north, year=2025, filename="r.xlsx", data=xlsx([HEADERS, *ROWS]))
    return region.north


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_a_return_exported_for_ynys_mon_keeps_the_councils_name(sign_in, region, ynys_mon, fmt):
    response = sign_in(region.lead_north).get(f"/mapping/councils/{ynys_mon.slug}/export/?year=2025&format={fmt}")
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition.isascii() and "filename*=utf-8''" in disposition
    plain, star = names(disposition)
    assert "môn" in star.lower() and star.endswith(f".{fmt}")
    assert plain.isascii() and "mon" in plain.lower() and plain.endswith(f".{fmt}")


@pytest.mark.django_db
def test_a_dashboard_table_for_ynys_mon_keeps_the_councils_name(sign_in, region, ynys_mon):
    response = sign_in(region.lead_north).get(f"/mapping/councils/{ynys_mon.slug}/?year=2025&download=topics")
    assert response.status_code == 200
    plain, star = names(response["Content-Disposition"])
    assert "ynys-môn" in star and star.endswith(".xlsx") and "ynys-mon" in plain


@pytest.mark.django_db
def test_evidence_named_in_welsh_downloads_with_its_name(sign_in, region, client):
    from partnering.learning.models import Evidence

    me = sign_in(region.staff_north)
    me.post("/me/record/evidence/new/", {"title": "Tystysgrif", "completed_on": "2025-02-01", "council": region.north.pk,
                                         "certificate": SimpleUploadedFile("tystysgrif-ŵŷ.pdf", b"%PDF-1.4 tystysgrif")})
    evidence = Evidence.objects.get()
    client.logout()
    response = sign_in(region.lead_north).get(f"/learning/evidence/{evidence.pk}/file/")
    assert response.status_code == 200 and response.getvalue() == b"%PDF-1.4 tystysgrif"
    disposition = response["Content-Disposition"]
    assert disposition.isascii() and disposition.startswith("attachment;")
    plain, star = names(disposition)
    assert star == evidence.certificate.name.rsplit("/", 1)[-1]
    assert star.startswith("tystysgrif-ŵŷ") and star.endswith(".pdf")
    assert plain.startswith("tystysgrif-wy") and plain.endswith(".pdf")
