from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def pounds_millions(pence):
    """Whole pence as £ millions to one decimal place: 2980000000 → £29.8m."""
    if pence in (None, ""):
        return ""
    return f"£{number_format(pence / 100_000_000, 1)}m"
