from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def pounds_millions(pence):
    """Whole pence as £ millions to one decimal place: 2980000000 → £29.8m."""
    if pence in (None, ""):
        return ""
    return f"£{number_format(pence / 100_000_000, 1)}m"


@register.filter
def pounds(pence):
    """Whole pence as pounds: 125000 → £1,250; 125050 → £1,250.50; None → –."""
    if pence in (None, ""):
        return "–"
    pounds_value = pence / 100
    places = 0 if pence % 100 == 0 else 2
    return f"£{number_format(pounds_value, places, force_grouping=True)}"


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def cell(value, kind):
    """A table cell by its kind of figure: money in pence, whole numbers, decimals, or text."""
    if value in (None, ""):
        return "–"
    if kind == "money":
        return pounds(value)
    if kind == "number":
        return number_format(value, 0, force_grouping=True)
    if kind == "decimal":
        return number_format(value, 1, force_grouping=True)
    return value
