from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverlapConfig(AppConfig):
    name = "partnering.overlap"
    verbose_name = _("Overlap analysis")
