from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "partnering.core"
    verbose_name = _("Core")

    def ready(self):
        from . import audit

        audit.connect()  # every registered model's changes go to the audit trail, whoever makes them
