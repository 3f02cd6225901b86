"""Builders for hostile spreadsheets: archives that lie about their size, and XML that declares entities.

Each starts from an ordinary return and changes one part, so everything else about the file is
what a council would send.
"""

import io
import struct
import zipfile

from .spreadsheets import HEADERS, ROWS, ods, xlsx

SHEET = "xl/worksheets/sheet1.xml"
WORKBOOK = "xl/workbook.xml"
SHARED_STRINGS = "xl/sharedStrings.xml"

# Nine levels of ten: one reference to &lol9; expands to a thousand million "lol"s.
BILLION_LAUGHS = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
    + b"".join(b'<!ENTITY lol%d "%s">\n' % (level, (b"&lol%s;" % (str(level - 1).encode() if level > 1 else b"")) * 10)
               for level in range(1, 10))
    + b"]>\n"
)
EXTERNAL_ENTITY = b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE worksheet [<!ENTITY lol9 SYSTEM "file:///etc/passwd">]>\n'


def rewrite(data: bytes, part: str, change) -> bytes:
    """The same archive with `change(bytes) -> bytes` applied to one part."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            target.writestr(info.filename, change(body) if info.filename == part else body)
    return buffer.getvalue()


def _without_declaration(body: bytes) -> bytes:
    return body.split(b"?>", 1)[1].lstrip() if body.startswith(b"<?xml") else body


def with_doctype(data: bytes, part: str, doctype: bytes, replace: tuple[bytes, bytes] | None = None) -> bytes:
    """Put a DOCTYPE in front of one part and, optionally, an entity reference into its text."""

    def change(body):
        body = _without_declaration(body)
        if replace:
            assert replace[0] in body, replace[0]
            body = body.replace(replace[0], replace[1], 1)
        return doctype + body

    return rewrite(data, part, change)


def laughs_in_workbook() -> bytes:
    return with_doctype(xlsx([HEADERS, *ROWS]), WORKBOOK, BILLION_LAUGHS, (b'name="Provision"', b'name="&lol9;"'))


def laughs_in_sheet() -> bytes:
    # The first title becomes an inline string made of the entity, so the sheet itself expands it.
    first_title = b'<c r="A2" t="s"><v>7</v></c>'
    return with_doctype(xlsx([HEADERS, *ROWS]), SHEET, BILLION_LAUGHS, (first_title, b'<c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c>'))


def laughs_in_shared_strings() -> bytes:
    return with_doctype(xlsx([HEADERS, *ROWS]), SHARED_STRINGS, BILLION_LAUGHS, (b"<t>Safeguarding Adults</t>", b"<t>&lol9;</t>"))


def external_entity_in_sheet() -> bytes:
    first_title = b'<c r="A2" t="s"><v>7</v></c>'
    return with_doctype(xlsx([HEADERS, *ROWS]), SHEET, EXTERNAL_ENTITY, (first_title, b'<c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c>'))


def external_entity_in_ods() -> bytes:
    return with_doctype(ods([HEADERS, *ROWS]), "content.xml", EXTERNAL_ENTITY)


def forge_uncompressed_size(data: bytes, part: str, declared: int) -> bytes:
    """Patch one entry's uncompressed size in its local header and in the central directory, as a zip bomb does."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    info = archive.getinfo(part)
    forged = bytearray(data)
    local = info.header_offset
    assert forged[local:local + 4] == b"PK\x03\x04"
    struct.pack_into("<I", forged, local + 22, declared)
    name = part.encode()
    central = forged.find(b"PK\x01\x02", archive.start_dir)
    while central != -1:
        name_length = struct.unpack_from("<H", forged, central + 28)[0]
        if forged[central + 46:central + 46 + name_length] == name:
            struct.pack_into("<I", forged, central + 24, declared)
            break
        central = forged.find(b"PK\x01\x02", central + 46)
    else:
        raise AssertionError(f"{part} not in the central directory")
    return bytes(forged)


def zip_bomb(expanded_mb: int = 64) -> bytes:
    """A workbook whose sheet really expands to `expanded_mb` MB, while its headers say a few kilobytes."""
    padding = b" " * (expanded_mb * 1024 * 1024)

    def inflate(body):
        return body.replace(b"<sheetData>", b"<sheetData>" + padding, 1)

    bomb = rewrite(xlsx([HEADERS, *ROWS]), SHEET, inflate)
    return forge_uncompressed_size(bomb, SHEET, 4096)


def broken_sheet() -> bytes:
    """Not hostile, just damaged: the sheet's XML stops half way."""
    return rewrite(xlsx([HEADERS, *ROWS]), SHEET, lambda body: body[: len(body) // 2])
