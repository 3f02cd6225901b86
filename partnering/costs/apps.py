from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CostsConfig(AppConfig):
    name = "partnering.costs"
    verbose_name = _("Sharing costs")
