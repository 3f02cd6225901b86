"""Checks on rendered HTML that id references point somewhere.

A screen reader announces a field's hint and error only through the ids its
`aria-describedby` lists; an id that is not on the page is silently ignored, so
the field looks right to a sighted tester and says nothing to a blind one.
axe-core checks some of this in a browser; these helpers check the server's
HTML directly, so ordinary view tests catch the same mistakes without Chromium.
"""

from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

#: Attributes whose value is a space-separated list of ids on the same page.
ID_LIST_ATTRIBUTES = ("aria-describedby", "aria-labelledby", "aria-controls", "aria-owns", "aria-details", "aria-errormessage")
#: Elements whose `for` names an id on the same page.
FOR_ELEMENTS = ("label", "output")
#: GOV.UK classes of the text a field's `aria-describedby` should list.
DESCRIPTION_CLASSES = ("govuk-hint", "govuk-error-message")
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict
    line: int
    parent: "Element | None" = None

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def ids(self, attribute: str) -> list[str]:
        """The ids an id-list attribute names, in order ([] when it is absent)."""
        return (self.attrs.get(attribute) or "").split()

    def __str__(self):
        shown = " ".join(f'{k}="{v}"' for k, v in self.attrs.items() if k in ("id", "class", "name", "for", *ID_LIST_ATTRIBUTES))
        return f"<{self.tag} {shown}> on line {self.line}"


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._open: list[Element] = []

    def handle_starttag(self, tag, attrs):
        element = self._add(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self._open.append(element)

    def handle_startendtag(self, tag, attrs):
        self._add(tag, attrs)

    def handle_endtag(self, tag):
        # Close up to the matching open element; browsers forgive a missing end tag, so do we.
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index].tag == tag:
                del self._open[index:]
                return

    def _add(self, tag, attrs):
        element = Element(tag, {k: (v if v is not None else "") for k, v in attrs}, self.getpos()[0],
                          self._open[-1] if self._open else None)
        self.elements.append(element)
        return element


def parse(html: str | bytes) -> list[Element]:
    """The page's elements in document order, each knowing its parent."""
    if isinstance(html, bytes):
        html = html.decode()
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.elements


def _references(elements):
    for element in elements:
        for attribute in ID_LIST_ATTRIBUTES:
            if attribute in element.attrs:
                yield element, attribute
        if element.tag in FOR_ELEMENTS and "for" in element.attrs:
            yield element, "for"


def broken_references(html: str | bytes) -> list[str]:
    """Every id reference on the page that names no element, or an id that more than one element has."""
    elements = parse(html)
    ids = Counter(e.attrs["id"] for e in elements if e.attrs.get("id"))
    problems = []
    for element, attribute in _references(elements):
        named = element.ids(attribute)
        if not named:
            problems.append(f"{element}: {attribute} names no id")
        for id_ in named:
            if ids[id_] == 0:
                problems.append(f"{element}: {attribute} names {id_!r}, which no element has")
            elif ids[id_] > 1:
                problems.append(f"{element}: {attribute} names {id_!r}, which {ids[id_]} elements have")
    return problems


def unannounced_descriptions(html: str | bytes) -> list[str]:
    """Hints and error messages inside GOV.UK form groups that no `aria-describedby` on the page lists."""
    elements = parse(html)
    described = {id_ for e in elements for id_ in e.ids("aria-describedby")}
    problems = []
    for element in elements:
        if not any(c in DESCRIPTION_CLASSES for c in element.classes):
            continue
        if not any("govuk-form-group" in a.classes for a in element.ancestors()):
            continue  # hint-styled text elsewhere on a page (a table, a caption) describes no field
        if not element.attrs.get("id"):
            problems.append(f"{element} has no id, so no field can point at it")
        elif element.attrs["id"] not in described:
            problems.append(f"{element} is in no aria-describedby")
    return problems


def assert_aria_references_exist(html: str | bytes) -> None:
    """Fail, listing every `aria-describedby`, `aria-labelledby`, `aria-controls` (and the other
    ARIA id lists) and `<label for>` that names an id the page does not have exactly once."""
    problems = broken_references(html)
    assert not problems, "id references that point nowhere:\n  " + "\n  ".join(problems)


def assert_hints_and_errors_are_announced(html: str | bytes) -> None:
    """Fail, listing every form hint or error message that no field's `aria-describedby` lists."""
    problems = unannounced_descriptions(html)
    assert not problems, "hints and errors a screen reader never reads out:\n  " + "\n  ".join(problems)
