import functools
from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import get_language

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
def label(instance, field_name):
    """A choice's label, as instance.get_<field_name>_display gives it, from a table kept per field and language:
    get_…_display builds the table and translates every label on each call (a tenth of the overlap report's time)."""
    field = instance._meta.get_field(field_name)
    value = getattr(instance, field.attname)
    return _labels(field, get_language()).get(value, value)


@functools.cache
def _labels(field, language):
    return {key: str(text) for key, text in field.flatchoices}


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


@register.filter
def money(value):
    """Pounds to the penny, always with two decimals: Decimal("-24000") → −£24,000.00; None → –."""
    if value in (None, ""):
        return "–"
    amount = Decimal(value)
    text = f"£{number_format(abs(amount), 2, force_grouping=True)}"
    return f"−{text}" if amount < 0 else text


@register.filter
def days(value):
    """Days to two decimals at most: Decimal("3.00") → 3; Decimal("1.50") → 1.5."""
    if value in (None, ""):
        return "–"
    amount = Decimal(value).quantize(Decimal("0.01"))
    places = 0 if amount == amount.to_integral_value() else (1 if (amount * 10) == (amount * 10).to_integral_value() else 2)
    return number_format(amount, places, force_grouping=True)
