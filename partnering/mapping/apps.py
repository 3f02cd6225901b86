from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MappingConfig(AppConfig):
    name = "partnering.mapping"
    verbose_name = _("Mapping exercise")

    def ready(self):
        from django.utils.translation import gettext

        from .importers.i18n import use_translator

        use_translator(gettext)
