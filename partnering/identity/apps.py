from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdentityConfig(AppConfig):
    name = "partnering.identity"
    label = "identity"
    verbose_name = _("Sign-in and identity")

    def ready(self):
        from . import signals  # noqa: F401  (sign-ins recorded)
        from .admin import unregister_unused_allauth_admin

        unregister_unused_allauth_admin()
