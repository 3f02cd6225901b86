"""Downloads that keep their names: Ynys Môn, ŵ and ŷ included.

A header is ASCII on the wire, so a non-ASCII name goes in RFC 6266's `filename*=utf-8''…`
(percent-encoded), with a plain `filename="…"` beside it for the few clients that read only that.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from django.http import FileResponse, HttpResponse
from django.utils.http import content_disposition_header

# What any client takes in a quoted filename: no quotes, backslashes, separators, percent signs or controls.
_UNSAFE_IN_FALLBACK = re.compile(r"[^A-Za-z0-9 ._()&+!~'-]")


def ascii_filename(filename: str) -> str:
    """The name with accents dropped (ŵ → w, ô → o) and anything else outside plain ASCII replaced by `_`."""
    plain = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode("ascii")
    plain = _UNSAFE_IN_FALLBACK.sub("_", plain).strip(" .")
    return plain or "download"


def attachment_disposition(filename: str) -> str:
    """`attachment` with the name as given, as a valid Content-Disposition value (ASCII only, nothing injected)."""
    fallback = ascii_filename(filename)
    if fallback == filename:
        return content_disposition_header(True, filename)
    return f"{content_disposition_header(True, fallback)}; filename*=utf-8''{quote(filename, safe='')}"


def download_response(content: bytes, filename: str, content_type: str) -> HttpResponse:
    """Bytes made for the request (an export, a PDF) as a download named `filename`."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = attachment_disposition(filename)
    return response


def file_download_response(file, filename: str, content_type: str | None = None) -> FileResponse:
    """A stored file, streamed and closed by Django, as a download named `filename`."""
    response = FileResponse(file, as_attachment=True, filename=filename, content_type=content_type)
    # FileResponse names non-ASCII files with `filename*` alone; add the plain fallback like every other download.
    response["Content-Disposition"] = attachment_disposition(filename)
    return response
