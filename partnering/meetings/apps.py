from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "partnering.meetings"
    verbose_name = _("Meetings, decisions and actions")
