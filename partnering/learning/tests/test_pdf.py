"""The training record as a PDF: user text is text, Welsh letters print, fonts are embedded, and it is tagged."""

import datetime
import io

import pytest
from django.conf import settings

try:  # WeasyPrint loads Pango through cffi when imported; without the system library there is no PDF to test.
    import weasyprint  # noqa: F401
except OSError as error:  # pragma: no cover - only on a machine without Pango
    pytest.skip(f"WeasyPrint cannot load Pango ({error}); install Debian's libpango-1.0-0 and libpangoft2-1.0-0",
                allow_module_level=True)

from fontTools.ttLib import TTFont
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from partnering.core.pdf import FONT_DIR, LocalFontFetcher
from partnering.learning.models import TrainingRecord

pytestmark = pytest.mark.django_db

HOSTILE = 'Hyfforddiant ŵ ŷ <img src="file:///etc/passwd"> <a href="http://evil.example">x</a>'


def resolve(value):
    return value.get_object() if isinstance(value, IndirectObject) else value


def fonts(reader: PdfReader) -> list[dict]:
    """Every font the pages use, with the descendant font of composite (Type0) fonts."""
    found = []
    for page in reader.pages:
        for font in resolve(resolve(page["/Resources"]).get("/Font", {})).values():
            font = resolve(font)
            found.append(font)
            found.extend(resolve(d) for d in resolve(font.get("/DescendantFonts", [])))
    return found


def link_uris(reader: PdfReader) -> list[str]:
    uris = []
    for page in reader.pages:
        for annotation in resolve(page.get("/Annots", [])):
            action = resolve(resolve(annotation).get("/A", {}))
            if "/URI" in action:
                uris.append(str(action["/URI"]))
    return uris


@pytest.fixture
def hostile_record_pdf(sign_in, region):
    TrainingRecord.objects.create(person=region.staff_north, title=HOSTILE, completed_on=datetime.date(2025, 1, 1),
                                  council=region.north, hours=6)
    TrainingRecord.objects.create(person=region.staff_north, title="Manual Handling", completed_on=datetime.date(2024, 5, 2))
    return sign_in(region.staff_north).get("/me/record/?format=pdf")


def test_markup_in_a_course_title_prints_as_text_next_to_welsh_letters(hostile_record_pdf):
    assert hostile_record_pdf.status_code == 200 and hostile_record_pdf["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(hostile_record_pdf.content)).pages)
    squeezed = "".join(text.split())  # a long title wraps; compare without the line breaks
    assert "Hyfforddiantŵŷ" in squeezed
    assert '<imgsrc="file:///etc/passwd">' in squeezed and '<ahref="http://evil.example">x</a>' in squeezed
    assert "Manual Handling" in text and "root:" not in text


def test_the_record_embeds_the_bundled_dejavu_and_no_other_font(hostile_record_pdf):
    found = fonts(PdfReader(io.BytesIO(hostile_record_pdf.content)))
    # WeasyPrint names a font after its @font-face family: ours, so not a system font.
    assert {str(f["/BaseFont"]).split("+")[-1] for f in found if f["/Subtype"] == "/Type0"} == {
        "Partnering-PDF-Sans", "Partnering-PDF-Sans-Bold"}
    descriptors = [resolve(f["/FontDescriptor"]) for f in found if "/FontDescriptor" in f]
    assert descriptors and all("/FontFile2" in d for d in descriptors)
    embedded = {TTFont(io.BytesIO(resolve(d["/FontFile2"]).get_data()))["name"].getDebugName(4) for d in descriptors}
    assert embedded == {"DejaVu Sans", "DejaVu Sans Bold"}


def test_a_link_in_a_course_title_is_not_a_link_in_the_pdf(hostile_record_pdf):
    assert link_uris(PdfReader(io.BytesIO(hostile_record_pdf.content))) == []


def test_the_record_is_a_tagged_pdf_with_title_author_and_language(hostile_record_pdf, region):
    reader = PdfReader(io.BytesIO(hostile_record_pdf.content))
    root = resolve(reader.trailer["/Root"])
    assert "/StructTreeRoot" in root and resolve(root["/MarkInfo"])["/Marked"]
    assert str(root["/Lang"]).startswith("en")
    assert region.staff_north.full_name in reader.metadata.title and "Training record" in reader.metadata.title
    assert reader.metadata.author == "Partnering"


def test_the_record_read_in_welsh_says_it_is_in_welsh(sign_in, region, client):
    TrainingRecord.objects.create(person=region.staff_north, title="Cymorth Cyntaf", completed_on=datetime.date(2025, 1, 1))
    me = sign_in(region.staff_north)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    response = me.get("/me/record/?format=pdf")
    root = resolve(PdfReader(io.BytesIO(response.content)).trailer["/Root"])
    assert str(root["/Lang"]) == "cy"


def test_an_empty_record_says_so(sign_in, region):
    response = sign_in(region.staff_north).get("/me/record/?format=pdf")
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert response.status_code == 200 and "Nothing recorded yet" in text


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    "http://evil.example/x.png",
    "https://evil.example/font.ttf",
    "data:text/plain,hello",
    f"{(FONT_DIR / 'DejaVuSans.ttf').as_uri()}/../../../../etc/passwd",
    (FONT_DIR / ".." / ".." / "manage.py").resolve().as_uri(),
])
def test_the_pdf_fetcher_refuses_everything_but_its_own_fonts(url):
    with pytest.raises(ValueError):
        LocalFontFetcher().fetch(url)


def test_the_pdf_fetcher_serves_its_own_fonts():
    response = LocalFontFetcher().fetch((FONT_DIR / "DejaVuSans.ttf").as_uri())
    assert response.read(4) == b"\x00\x01\x00\x00"  # a TrueType font
    response.close()
