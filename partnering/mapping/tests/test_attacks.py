"""Hostile spreadsheets are refused with a message naming the file and the part, never a 500, and leave nothing behind."""

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from partnering.core.models import Sharing
from partnering.mapping.importers import FileProblem, ReturnParser, build_layout, choose_sheet, open_workbook
from partnering.mapping.models import ImportBatch, Provision, Return

from . import hostile
from .spreadsheets import HEADERS, ROWS, xlsx

ROOT = Path(__file__).resolve().parents[3]

ATTACKS = {
    "zip bomb with forged sizes": ("bomb.xlsx", hostile.zip_bomb, hostile.SHEET, "expands"),
    "billion laughs in the workbook": ("laughs.xlsx", hostile.laughs_in_workbook, hostile.WORKBOOK, "DOCTYPE"),
    "billion laughs in a sheet": ("laughs.xlsx", hostile.laughs_in_sheet, hostile.SHEET, "DOCTYPE"),
    "billion laughs in the shared strings": ("laughs.xlsx", hostile.laughs_in_shared_strings, hostile.SHARED_STRINGS, "DOCTYPE"),
    "external entity in a sheet": ("xxe.xlsx", hostile.external_entity_in_sheet, hostile.SHEET, "DOCTYPE"),
    "external entity in an OpenDocument sheet": ("xxe.ods", hostile.external_entity_in_ods, "content.xml", "DOCTYPE"),
}


@pytest.fixture(scope="module")
def attacks():
    """Each hostile file built once: the zip bomb takes a moment to compress."""
    return {name: (filename, build(), part, words) for name, (filename, build, part, words) in ATTACKS.items()}


def read_everything(data: bytes, filename: str):
    workbook = open_workbook(data, filename)
    parser = ReturnParser(workbook, build_layout(workbook, choose_sheet(workbook)))
    return list(parser.lines())


@pytest.mark.parametrize("attack", ATTACKS)
def test_a_hostile_spreadsheet_is_refused_naming_the_file_and_the_part(attacks, attack):
    filename, data, part, words = attacks[attack]
    with pytest.raises(FileProblem) as refused:
        read_everything(data, filename)
    message = str(refused.value)
    assert filename in message and part in message and words in message, message


def test_a_forged_archive_is_refused_without_expanding_all_of_it():
    """Bytes are counted as they come out of the decompressor, so a bomb stops at the cap, not at its end."""
    import tracemalloc

    bomb = hostile.zip_bomb(expanded_mb=64)
    tracemalloc.start()
    try:
        with pytest.raises(FileProblem, match="expands"):
            open_workbook(bomb, "bomb.xlsx")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024


def test_an_archive_whose_headers_overstate_a_part_is_refused_as_damaged():
    data = xlsx([HEADERS, *ROWS])
    real = zipfile.ZipFile(io.BytesIO(data)).getinfo(hostile.SHEET).file_size
    data = hostile.forge_uncompressed_size(data, hostile.SHEET, real + 1000)
    with pytest.raises(FileProblem, match="xl/worksheets/sheet1.xml"):
        open_workbook(data, "short.xlsx")


@pytest.mark.parametrize("piece", range(1, 14))
def test_comments_and_cdata_split_across_pieces_are_not_mistaken_for_a_declaration(piece, monkeypatch):
    from partnering.mapping.importers import reading

    monkeypatch.setattr(reading, "SCAN_CHUNK", piece)
    data = hostile.rewrite(xlsx([HEADERS, *ROWS]), hostile.SHEET, lambda body: body.replace(
        b"<sheetData>", b"<!-- written by hand --><sheetData><!--x-->", 1) + b"<!---->")
    data = hostile.rewrite(data, hostile.SHARED_STRINGS, lambda body: body.replace(
        b"<t>Safeguarding Adults</t>", b"<t><![CDATA[Safeguarding Adults]]></t>", 1))
    assert [line.title for line in read_everything(data, "fine.xlsx")][1] == "Safeguarding Adults"


@pytest.mark.parametrize("piece", range(1, 14))
def test_a_declaration_split_across_pieces_is_still_found(piece, monkeypatch):
    from partnering.mapping.importers import reading

    monkeypatch.setattr(reading, "SCAN_CHUNK", piece)
    with pytest.raises(FileProblem, match="DOCTYPE"):
        open_workbook(hostile.external_entity_in_sheet(), "xxe.xlsx")


def test_a_declaration_in_a_utf16_part_is_found():
    def utf16(body):
        declaration, rest = body.split(b"?>", 1)
        text = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]>' + rest.decode()
        return text.encode("utf-16")

    with pytest.raises(FileProblem, match="xl/worksheets/sheet1.xml"):
        open_workbook(hostile.rewrite(xlsx([HEADERS, *ROWS]), hostile.SHEET, utf16), "utf16.xlsx")


def test_a_spreadsheet_whose_sheet_cannot_be_parsed_is_refused_when_opened():
    with pytest.raises(FileProblem, match="broken.xlsx"):
        read_everything(hostile.broken_sheet(), "broken.xlsx")


def central_directory_entry(data: bytes, part: str) -> int:
    archive = zipfile.ZipFile(io.BytesIO(data))
    position = data.find(b"PK\x01\x02", archive.start_dir)
    while data[position + 46:position + 46 + len(part)] != part.encode():
        position = data.find(b"PK\x01\x02", position + 46)
    return position


def test_a_part_whose_checksum_is_wrong_is_refused_as_damaged():
    data = bytearray(xlsx([HEADERS, *ROWS]))
    for part in ("xl/_rels/workbook.xml.rels",):
        at = central_directory_entry(bytes(data), part)
        data[at + 16] ^= 0xFF  # the CRC-32 in the central directory
        local = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(part).header_offset
        data[local + 14] ^= 0xFF  # and in the local header, as a careful forger would
    with pytest.raises(FileProblem, match="crc.xlsx is damaged"):
        read_everything(bytes(data), "crc.xlsx")


def test_an_archive_needing_a_newer_zip_version_is_refused_clearly():
    data = bytearray(xlsx([HEADERS, *ROWS]))
    at = central_directory_entry(bytes(data), hostile.SHEET)
    data[at + 6] = 0xFF  # "version needed to extract"
    with pytest.raises(FileProblem, match="damaged"):
        read_everything(bytes(data), "version.xlsx")


@pytest.mark.parametrize("filename", ["fuzz.xlsx", "fuzz.ods"])
def test_corrupted_bytes_anywhere_give_a_clear_problem_or_a_readable_return(filename):
    """A seeded sweep of random damage: every outcome is a return or a FileProblem, never another exception."""
    import random

    from .spreadsheets import ods

    original = xlsx([HEADERS, *ROWS]) if filename.endswith("xlsx") else ods([HEADERS, *ROWS])
    rng = random.Random(filename)
    for _ in range(150):
        data = bytearray(original)
        for _ in range(rng.randint(1, 4)):
            # Half the damage lands in the last few hundred bytes: the central directory.
            at = rng.randrange(len(data)) if rng.random() < 0.5 else len(data) - 1 - rng.randrange(600)
            data[at] = rng.randrange(256)
        try:
            workbook = open_workbook(bytes(data), filename)
            workbook.read_every_sheet()
            list(ReturnParser(workbook, build_layout(workbook, choose_sheet(workbook))).lines())
        except FileProblem:
            pass


def test_ordinary_spreadsheets_still_open():
    from .spreadsheets import ods

    assert len(read_everything(xlsx([HEADERS, *ROWS]), "fine.xlsx")) == 3
    assert len(read_everything(ods([HEADERS, *ROWS]), "fine.ods")) == 3


@pytest.mark.parametrize("attack", ATTACKS)
def test_the_pure_command_line_refuses_a_hostile_file_and_exits_non_zero(attacks, attack, tmp_path, capsys):
    from partnering.mapping.importers.__main__ import main

    filename, data, part, words = attacks[attack]
    path = tmp_path / filename
    path.write_bytes(data)
    assert main([str(path)]) != 0
    error = capsys.readouterr().err
    assert filename in error and part in error and words in error, error


def test_python_dash_m_refuses_the_billion_laughs_with_the_message(tmp_path):
    path = tmp_path / "laughs.xlsx"
    path.write_bytes(hostile.laughs_in_sheet())
    run = subprocess.run([sys.executable, "-m", "partnering.mapping.importers", str(path)], cwd=ROOT, capture_output=True,
                         text=True, timeout=60)
    assert run.returncode != 0
    assert "laughs.xlsx" in run.stderr and hostile.SHEET in run.stderr and "Traceback" not in run.stderr, run.stderr


def stored_files(path=""):
    directories, files = default_storage.listdir(path)
    found = {f"{path}{name}" for name in files}
    for directory in directories:
        found |= stored_files(f"{path}{directory}/")
    return found


@pytest.mark.django_db
@pytest.mark.parametrize("attack", [*ATTACKS, "damaged sheet"])
def test_the_browser_upload_refuses_a_hostile_file_and_keeps_nothing(attacks, attack, sign_in, region):
    filename, data, part, words = attacks.get(attack) or ("broken.xlsx", hostile.broken_sheet(), "", "")
    before = stored_files()
    client = sign_in(region.lead_north)
    response = client.post(f"/mapping/councils/{region.north.slug}/returns/upload/", {
        "year": "2025", "file": SimpleUploadedFile(filename, data), "sharing": Sharing.PUBLIC})
    assert response.status_code == 200
    page = response.content.decode()
    errors = response.context["form"].errors["file"]
    assert filename in errors[0] and part in errors[0] and words in errors[0], errors
    assert "govuk-error-summary" in page
    assert not ImportBatch.objects.exists() and not Provision.objects.exists()
    assert not Return.objects.exists()
    assert stored_files() == before
