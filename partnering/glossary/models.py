"""The shared English/Welsh glossary, with each council's local words for the same thing.

This app imports no other app's code; other apps (the overlap matcher) read it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class TermQuerySet(models.QuerySet):
    def search(self, text: str):
        if not text:
            return self
        return self.filter(
            Q(english__icontains=text) | Q(welsh__icontains=text) | Q(definition__icontains=text)
            | Q(synonyms__icontains=text) | Q(local_synonyms__text__icontains=text)
        ).distinct()


class Term(models.Model):
    english = models.CharField(_("English term"), max_length=150, unique=True)
    welsh = models.CharField(_("Welsh term"), max_length=150, blank=True)
    definition = models.TextField(_("definition"), blank=True)
    synonyms = models.TextField(
        _("other names"), blank=True, help_text=_("One per line: other ways councils write this, which mean exactly the same.")
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    objects = TermQuerySet.as_manager()

    class Meta:
        ordering = ["english"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self):
        return self.english

    def get_absolute_url(self):
        return reverse("glossary:term-detail", args=[self.pk])

    def synonym_list(self) -> list[str]:
        return [line.strip() for line in self.synonyms.splitlines() if line.strip()]


class LocalSynonym(models.Model):
    """What one council calls a glossary term ("Cyber Ninjas" for cyber security awareness)."""

    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="local_synonyms")
    council = models.ForeignKey("organisations.Council", on_delete=models.CASCADE, related_name="+", verbose_name=_("council"))
    text = models.CharField(_("local name"), max_length=150)

    class Meta:
        ordering = ["council__name", "text"]
        verbose_name = _("local name")
        verbose_name_plural = _("local names")
        constraints = [models.UniqueConstraint(fields=["council", "text"], name="local_synonym_once_per_council")]

    def __str__(self):
        return f"{self.text} ({self.council})"

    @property
    def audit_council(self):
        return self.council


def synonym_map() -> dict[str, str]:
    """Every other name (shared or local) → its English term, in lower case, for the matcher."""
    mapping: dict[str, str] = {}
    for term in Term.objects.prefetch_related("local_synonyms"):
        target = term.english.lower()
        for name in [*term.synonym_list(), term.welsh, *(s.text for s in term.local_synonyms.all())]:
            if name and name.lower() != target:
                mapping[name.lower()] = target
    return mapping
