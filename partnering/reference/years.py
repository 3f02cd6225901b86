"""UK public-sector financial years, which start on 1 April; a year is named by the year it starts."""

import datetime

from django.utils import timezone


def current_financial_year() -> int:
    today = timezone.localdate()
    return today.year if today.month >= 4 else today.year - 1


def financial_year_label(year: int) -> str:
    return f"{year}/{str(year + 1)[-2:]}"


def period_of(year: int) -> tuple[datetime.date, datetime.date]:
    """The financial year starting in `year`: 1 April to 31 March."""
    return datetime.date(year, 4, 1), datetime.date(year + 1, 3, 31)
