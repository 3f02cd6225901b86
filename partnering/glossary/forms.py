from django import forms
from django.utils.translation import gettext_lazy as _

from partnering.core.forms import GovUKForm, GovUKModelForm

from .models import Term


class TermForm(GovUKModelForm):
    class Meta:
        model = Term
        fields = ["english", "welsh", "definition", "synonyms"]
        widgets = {"definition": forms.Textarea(attrs={"rows": 3}), "synonyms": forms.Textarea(attrs={"rows": 4})}


class LocalSynonymForm(GovUKForm):
    text = forms.CharField(label=_("What your council calls it"), max_length=150)
