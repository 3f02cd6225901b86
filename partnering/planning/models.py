from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class VenuePlan(models.Model):
    """A venue plan a coordinator turned into sessions: what was asked, what was chosen, and why."""

    course = models.ForeignKey("learning.Course", on_delete=models.CASCADE, related_name="venue_plans", verbose_name=_("course"))
    source_session = models.ForeignKey("learning.Session", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                       verbose_name=_("planned from session"))
    plan_key = models.CharField(_("plan"), max_length=20)
    parameters = models.JSONField(_("what was asked"), default=dict)
    summary = models.JSONField(_("figures"), default=dict)
    sessions = models.ManyToManyField("learning.Session", blank=True, related_name="venue_plans", verbose_name=_("sessions created"))
    withdrew_source = models.BooleanField(_("withdrew the session it was planned from"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    undone_at = models.DateTimeField(_("undone"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("venue plan")
        verbose_name_plural = _("venue plans")

    def __str__(self):
        return f"{self.course} – {self.plan_key}"
