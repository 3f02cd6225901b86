"""Reading councils' L&D returns from their own spreadsheets (plain Python, no Django)."""

from .fields import DELIVERY_METHODS, FIELD_NAMES, PROVIDER_TYPES, PROVISION_FIELDS
from .parsing import Layout, LayoutProblem, Line, Problem, ReturnParser, Summary, build_layout, choose_sheet
from .reading import FileProblem, Workbook, open_workbook

__all__ = [
    "DELIVERY_METHODS", "FIELD_NAMES", "PROVIDER_TYPES", "PROVISION_FIELDS", "FileProblem", "Layout", "LayoutProblem",
    "Line", "Problem", "ReturnParser", "Summary", "Workbook", "build_layout", "choose_sheet", "open_workbook",
]
