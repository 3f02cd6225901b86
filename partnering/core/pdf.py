"""PDFs made from HTML templates: training records, council statements.

WeasyPrint lays out an autoescaped Django template, so whatever people typed (a course title with
`<img>` or `<a>` in it) prints as text. The font is DejaVu Sans from static/fonts, embedded, so Welsh
letters (ŵ, ŷ) print on any machine; the fetcher loads those font files and nothing else. The PDF is
tagged (PDF/UA-1) with its language, title and author, for screen readers.

Importing this module loads Pango (through WeasyPrint): import it where a PDF is made, not at start-up.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

FONT_DIR = (Path(settings.BASE_DIR) / "static" / "fonts").resolve()
FONTS = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}


class LocalFontFetcher(URLFetcher):
    """Fetches the bundled TrueType fonts and refuses every other URL: no network, no other file, no data: URL."""

    def __init__(self):
        super().__init__(allowed_protocols=("file",), allow_redirects=False, fail_on_errors=False)

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost") or parts.query or parts.fragment:
            raise ValueError(f"the PDF may load only its own fonts, not {url!r}")
        path = Path(url2pathname(parts.path)).resolve()
        if path.parent != FONT_DIR or path.name not in FONTS.values() or not path.is_file():
            raise ValueError(f"the PDF may load only its own fonts, not {url!r}")
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), headers={"Content-Type": "font/ttf"})


def render_pdf(template: str, context: dict, title: str) -> bytes:
    """The template rendered as a tagged PDF (PDF/UA-1) in the active language, with its title and the bundled fonts."""
    html = render_to_string(template, {
        **context,
        "title": title,
        "author": "Partnering",
        "lang": translation.get_language() or settings.LANGUAGE_CODE,
        "printed_on": timezone.localdate(),
        "fonts": {weight: (FONT_DIR / name).as_uri() for weight, name in FONTS.items()},
    })
    document = HTML(string=html, base_url=FONT_DIR.as_uri() + "/", url_fetcher=LocalFontFetcher())
    return document.write_pdf(pdf_variant="pdf/ua-1")
