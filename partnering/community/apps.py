from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "partnering.community"
    verbose_name = _("Special-interest groups")
