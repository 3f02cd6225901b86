from django.utils import translation

from partnering.core.templatetags.partnering import label
from partnering.mapping.models import Provision


def test_a_choices_label_is_the_one_get_display_gives_in_each_language():
    line = Provision(delivery_method="e-learning")
    shown = {}
    for language in ("en", "cy"):
        with translation.override(language):
            shown[language] = label(line, "delivery_method")
            assert shown[language] == line.get_delivery_method_display()
    assert shown["en"] != shown["cy"]  # kept per language, not the first one asked for


def test_a_value_outside_the_choices_and_a_blank_show_as_they_are():
    assert label(Provision(delivery_method="carrier pigeon"), "delivery_method") == "carrier pigeon"
    assert label(Provision(delivery_method=""), "delivery_method") == ""
