"""Opening a council's return safely: spreadsheet or CSV, rows as plain Python values.

Everything that can be wrong with a file as a whole (not a spreadsheet, encrypted,
empty, too big, a zip that expands too far or lies about its sizes, XML with a
DOCTYPE, a damaged part or sheet, formulas with no saved values) is raised here as
`FileProblem`, before any row is read. The archive checks run before python-calamine
is given the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import PurePath

import python_calamine
from defusedxml import DefusedXmlException, ElementTree

from .i18n import _

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}
SUFFIXES = SPREADSHEET_SUFFIXES | {".csv", ".txt"}
MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_UNZIPPED_BYTES = 400 * 1024 * 1024
MAX_ZIP_RATIO = 200
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
SCAN_CHUNK = 1 << 20


class FileProblem(ValueError):
    """The file as a whole cannot be read; the message says why and what to do."""


@dataclass
class Workbook:
    """Sheets of rows. CSV files have one sheet, named after the file."""

    filename: str
    sheet_names: list[str]
    _data: bytes
    _kind: str
    _csv_text: str | None = None
    _sheets: dict | None = None
    _formula_scans: dict | None = None
    _book: object | None = None  # the opened calamine workbook, reused for every sheet

    def rows(self, sheet: str) -> Iterator[list]:
        """Each row as a list of cell values (str, int, float, bool, date, or '' when empty)."""
        if sheet not in self.sheet_names:
            raise FileProblem(_("{file} has no sheet called {sheet!r}. Its sheets are: {sheets}.").format(
                file=self.filename, sheet=sheet, sheets=", ".join(self.sheet_names)))
        if self._kind == "csv":
            yield from csv.reader(io.StringIO(self._csv_text), _sniff_dialect(self._csv_text))
            return
        # calamine parses a whole sheet when it is opened: do that once, however often the rows are read.
        if self._sheets is None:
            self._sheets = {}
        if sheet not in self._sheets:
            self._start_formula_scan(sheet)  # runs while calamine parses: both leave the GIL
            try:
                if self._book is None:
                    self._book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(self._data))
                self._sheets[sheet] = self._book.get_sheet_by_name(sheet)
            except python_calamine.CalamineError as error:
                raise FileProblem(_("{file} could not be read: {error}").format(file=self.filename, error=error)) from error
        yield from self._sheets[sheet].iter_rows()

    def read_every_sheet(self) -> None:
        """Parse every sheet now, so a damaged one is refused when the file arrives, not on a later page.

        calamine keeps each parsed sheet (see `rows`), so reading them again later costs nothing more."""
        for sheet in self.sheet_names:
            next(self.rows(sheet), None)

    def formula_cells_without_values(self, sheet: str) -> list[str]:
        """Cells (like 'F12') holding a formula whose result was never saved: we cannot know their value."""
        if self._kind != "xlsx":
            return []
        self._start_formula_scan(sheet)
        try:
            return self._formula_scans[sheet].result()
        except (zipfile.BadZipFile, KeyError, EOFError, NotImplementedError, zlib.error, ElementTree.ParseError,
                DefusedXmlException) as error:
            # calamine read the sheet, but the parts that say where it is are broken.
            raise FileProblem(_("{file} is damaged or is not really a spreadsheet.").format(file=self.filename)) from error

    def _start_formula_scan(self, sheet: str) -> None:
        if self._kind != "xlsx":
            return
        if self._formula_scans is None:
            self._formula_scans = {}
        if sheet not in self._formula_scans:
            executor = ThreadPoolExecutor(max_workers=1)
            self._formula_scans[sheet] = executor.submit(self._scan_formulas, sheet)
            executor.shutdown(wait=False)

    def _scan_formulas(self, sheet: str, limit: int = 5) -> list[str]:
        with zipfile.ZipFile(io.BytesIO(self._data)) as archive:
            path = _xlsx_sheet_path(archive, sheet)
            if path is None:
                return []
            # Stream the sheet's XML in chunks, so a large sheet is never held whole; most sheets have no formulas.
            with archive.open(path) as stream:
                if not _contains_formula(stream):
                    return []
            xml = archive.read(path)
        # Visit formulas only: each <f> must be followed by a <v> before its cell ends.
        found, position = [], xml.find(b"<f")
        while position != -1 and len(found) < limit:
            cell_start = xml.rfind(b"<c ", 0, position)
            cell_end = xml.find(b"</c>", position)
            body = xml[position:cell_end]
            if b"<v>" not in body or b"<v></v>" in body:
                reference = re.search(rb'r="([A-Z]+\d+)"', xml[cell_start:position])
                found.append(reference.group(1).decode() if reference else "?")
            position = xml.find(b"<f", cell_end)
        return found


def _contains_formula(stream, chunk_size: int = 1 << 20) -> bool:
    tail = b""
    while chunk := stream.read(chunk_size):
        window = tail + chunk
        if b"<f>" in window or b"<f " in window:
            return True
        tail = window[-3:]
    return False


def _xlsx_sheet_path(archive: zipfile.ZipFile, sheet: str) -> str | None:
    ns = {
        "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    }
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels.findall("rel:Relationship", ns)}
    for element in workbook.iterfind("m:sheets/m:sheet", ns):
        if element.get("name") == sheet:
            target = targets.get(element.get(f"{{{ns['r']}}}id"), "")
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return None


def _sniff_dialect(sample: str):
    try:
        return csv.Sniffer().sniff(sample[:20000], delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def decode_text(data: bytes, filename: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252, the encodings councils' exports use."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise FileProblem(_("{file} is not a spreadsheet or a text file we can read.").format(file=filename))
    return data.decode("cp1252", errors="replace")


def _check_zip(data: bytes, filename: str) -> None:
    """Refuse an archive that expands too far or holds XML a spreadsheet never needs, before calamine sees it.

    Declared sizes are checked first (cheap), then every part is decompressed as a stream and its bytes are
    counted as they come out, so headers that under-declare a part (a zip bomb) cannot push past the cap.
    Each part is also scanned for DTDs (`<!DOCTYPE`, `<!ENTITY`): they carry entity expansion ("billion
    laughs") and external entities (XXE). No spreadsheet program writes one, so any is refused.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        with archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, EOFError) as error:
        raise FileProblem(_("{file} is damaged or is not really a spreadsheet.").format(file=filename)) from error
    limit = min(MAX_UNZIPPED_BYTES, max(len(data), 1) * MAX_ZIP_RATIO)
    expanded = sum(info.file_size for info in parts)
    if expanded > limit:
        raise FileProblem(
            _("{file} expands to {size} MB when opened, more than we accept. Save it again from your spreadsheet program, "
              "or split it.").format(file=filename, size=expanded // (1024 * 1024))
        )
    for info in parts:
        limit -= _check_part(data, info, filename, limit)


def _check_part(data: bytes, info: zipfile.ZipInfo, filename: str, allowance: int) -> int:
    """Stream one part: count what it really expands to and look for DTDs. Returns its real size."""
    part = info.filename

    def damaged():
        return FileProblem(_("{file} is damaged: {part} is not what the archive says it is. Save it again from your "
                             "spreadsheet program and upload the new copy.").format(file=filename, part=part))

    if info.flag_bits & 0x1:
        raise FileProblem(_("{file} is protected with a password. Remove the password and upload it again.").format(file=filename))
    start = info.header_offset
    if start < 0 or start + 30 > len(data) or data[start:start + 4] != ZIP_SIGNATURE:
        raise damaged()
    name_length, extra_length = struct.unpack_from("<HH", data, start + 26)
    start += 30 + name_length + extra_length
    end = start + info.compress_size
    if end > len(data):
        raise damaged()

    if info.compress_type == zipfile.ZIP_STORED:
        chunks = (data[position:min(position + SCAN_CHUNK, end)] for position in range(start, end, SCAN_CHUNK))
        inflater = None
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        chunks = _inflate(inflater, memoryview(data)[start:end])
    else:
        raise FileProblem(_("{file} uses a kind of compression spreadsheet programs do not use ({part}). Save it again from "
                            "your spreadsheet program and upload the new copy.").format(file=filename, part=part))

    # No CRC here: it would cost a sixth of this scan. calamine checks the CRC of what it reads to the end
    # and the formula scan of what it reads; either way a bad one is a FileProblem.
    size, scanner = 0, _DeclarationScanner()
    try:
        for chunk in chunks:
            size += len(chunk)
            if size > allowance:
                raise FileProblem(
                    _("{file} expands to more than {limit} MB when opened ({part}), more than we accept. Save it again "
                      "from your spreadsheet program, or split it.").format(file=filename, part=part, limit=max(allowance // (1024 * 1024), 1)))
            if size > info.file_size:
                raise FileProblem(
                    _("{file} cannot be opened safely: {part} expands to more than the file says it holds. Save it again "
                      "from your spreadsheet program and upload the new copy.").format(file=filename, part=part))
            if scanner.feed(chunk):
                raise _declaration_problem(filename, part)
        if scanner.feed(b"", final=True):
            raise _declaration_problem(filename, part)
    except zlib.error as error:
        raise damaged() from error
    if size != info.file_size or (inflater is not None and not inflater.eof):
        raise damaged()
    return size


def _inflate(inflater, compressed) -> Iterator[bytes]:
    """Deflated data in pieces of at most SCAN_CHUNK bytes, however far it expands."""
    out = inflater.decompress(compressed, SCAN_CHUNK)
    while out:
        yield out
        out = inflater.decompress(inflater.unconsumed_tail, SCAN_CHUNK) if inflater.unconsumed_tail else inflater.flush()


def _declaration_problem(filename: str, part: str) -> FileProblem:
    return FileProblem(
        _("{file} cannot be opened safely: {part} has a document type declaration (DOCTYPE), which spreadsheets never "
          "need and which can be used to attack the service. Save it again from your spreadsheet program and upload the "
          "new copy.").format(file=filename, part=part))


# `<!` starts a comment, a CDATA section or a declaration; only the first two belong in a spreadsheet's XML.
_DECLARATION = re.compile(rb"<!(?!--|\[CDATA\[)")
_LOOKAHEAD = len(b"<![CDATA[")
_UTF16_STARTS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, b"<\x00", b"\x00<")


class _DeclarationScanner:
    """Finds `<!DOCTYPE`, `<!ENTITY` or any other declaration in a part fed in pieces.

    A piece with no `!` at all (most of them) costs one memchr. A `<!` too near the end of a piece to
    tell a comment from a declaration is looked at again with the next piece. UTF-16 parts are
    transcoded to UTF-8 first; every other encoding a spreadsheet parser accepts writes `<!` as ASCII.
    """

    def __init__(self):
        self.tail = b""
        self.decoder = None
        self.started = False

    def feed(self, chunk: bytes, final: bool = False) -> bool:
        if not self.started and chunk:
            self.started = True
            if chunk.startswith(_UTF16_STARTS):
                self.decoder = codecs.getincrementaldecoder("utf-16" if chunk[:2] in _UTF16_STARTS[:2] else
                                                            "utf-16-le" if chunk[:1] == b"<" else "utf-16-be")("replace")
        if self.decoder is not None:
            chunk = self.decoder.decode(chunk, final).encode("utf-8")
        window = self.tail + chunk if self.tail else chunk
        self.tail = window[-_LOOKAHEAD:]
        bang = window.find(b"!")
        if bang == -1:
            return False
        found = _DECLARATION.search(window, max(bang - 1, 0))
        if found is None:
            return False
        # Near the end of a piece the lookahead cannot see enough yet: the next piece decides.
        return final or found.start() <= len(window) - _LOOKAHEAD


def open_workbook(data: bytes, filename: str, *, max_bytes: int = MAX_FILE_BYTES) -> Workbook:
    """Check the file and list its sheets. Raises FileProblem for any file-level fault."""
    suffix = PurePath(filename).suffix.lower()
    if len(data) > max_bytes:
        raise FileProblem(_("{file} is {size:.1f} MB; the limit is {limit} MB.").format(
            file=filename, size=len(data) / (1024 * 1024), limit=max_bytes // (1024 * 1024)))
    if not data.strip():
        raise FileProblem(_("{file} is empty.").format(file=filename))
    if suffix not in SUFFIXES:
        raise FileProblem(_("{file} is not a spreadsheet: upload an .xlsx, .xls, .ods or .csv file.").format(file=filename))

    if suffix in {".csv", ".txt"}:
        if data.startswith((ZIP_SIGNATURE, OLE_SIGNATURE)):
            raise FileProblem(_("{file} is a spreadsheet saved with a .csv name: save it as CSV, or upload it as .xlsx.").format(file=filename))
        text = decode_text(data, filename)
        if not text.strip():
            raise FileProblem(_("{file} is empty.").format(file=filename))
        return Workbook(filename, [PurePath(filename).stem or "CSV"], data, "csv", text)

    if suffix in {".xlsx", ".xlsm", ".ods"}:
        if data.startswith(OLE_SIGNATURE):
            raise FileProblem(_("{file} is protected with a password. Remove the password and upload it again.").format(file=filename))
        if not data.startswith(ZIP_SIGNATURE):
            raise FileProblem(_("{file} is not a spreadsheet, or is damaged.").format(file=filename))
        _check_zip(data, filename)
    elif not data.startswith(OLE_SIGNATURE):
        raise FileProblem(_("{file} is not an Excel 97-2003 (.xls) spreadsheet, or is damaged.").format(file=filename))

    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = list(workbook.sheet_names)
    except python_calamine.PasswordError as error:
        raise FileProblem(_("{file} is protected with a password. Remove the password and upload it again.").format(file=filename)) from error
    except (python_calamine.CalamineError, ValueError) as error:
        raise FileProblem(_("{file} is not a spreadsheet we can read, or is damaged ({error}).").format(file=filename, error=error)) from error
    if not names:
        raise FileProblem(_("{file} has no sheets.").format(file=filename))
    kind = "xlsx" if suffix in {".xlsx", ".xlsm"} else suffix.lstrip(".")
    return Workbook(filename, names, data, kind, _book=workbook)
