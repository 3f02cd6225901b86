from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MappingConfig(AppConfig):
    name = "partnering.mapping"
    verbose_name = _("Mapping exercise")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save
        from django.utils.translation import gettext

        from partnering.core.changes import FIGURES, bumper
        from partnering.organisations.models import Council, Membership

        from .importers.i18n import use_translator
        from .models import Arrangement, ImportBatch, Investment, Provision, Return, Topic

        use_translator(gettext)
        # What the dashboards and the overlap report are built from: any change to it makes every page kept from
        # it miss. Lines written past the signals count when their batch becomes active (a saved ImportBatch);
        # overlap groups count where the analysis saves them.
        for model in (Provision, ImportBatch, Return, Investment, Topic, Arrangement, Council, Membership):
            for signal in (post_save, post_delete):
                signal.connect(bumper(FIGURES), sender=model, weak=False, dispatch_uid=f"figures-{signal}-{model.__name__}")
        m2m_changed.connect(bumper(FIGURES), sender=Arrangement.partners.through, weak=False, dispatch_uid="figures-arrangement-partners")
