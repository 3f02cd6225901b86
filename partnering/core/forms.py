"""GOV.UK Design System markup for ordinary Django forms.

`{{ form }}` renders every field as a GOV.UK form group (label, hint, error
message, input), and the page shows the error summary from `form.errors`.
"""

from django import forms
from django.forms.renderers import TemplatesSetting

WIDGET_CLASSES = {
    forms.Select: "govuk-select",
    forms.Textarea: "govuk-textarea",
    forms.CheckboxInput: "govuk-checkboxes__input",
    forms.RadioSelect: "govuk-radios__input",
    forms.FileInput: "govuk-file-upload",
}


class GovUKFormRenderer(TemplatesSetting):
    form_template_name = "components/form.html"
    field_template_name = "components/field.html"


class GovUKFormMixin:
    """Adds GOV.UK classes to widgets, and error classes to fields with errors."""

    #: Field names whose inputs should be narrower, mapped to a GOV.UK width class.
    input_widths: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = field.widget
            css = next((c for cls, c in WIDGET_CLASSES.items() if isinstance(widget, cls)), "govuk-input")
            if name in self.input_widths:
                css += f" {self.input_widths[name]}"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                base = widget.attrs.get("class", "").split(" ")[0] or "govuk-input"
                if f"{base}--error" not in widget.attrs.get("class", ""):
                    widget.attrs["class"] += f" {base}--error"


class GovUKForm(GovUKFormMixin, forms.Form):
    pass


class GovUKModelForm(GovUKFormMixin, forms.ModelForm):
    pass


def save_with(form, operation):
    """Call a service with the form's cleaned data. Model validation the service raises
    (for example a race with another edit) becomes form errors instead of a server error."""
    from django.core.exceptions import ValidationError

    try:
        return operation(**form.cleaned_data)
    except ValidationError as error:
        for field, messages in error.update_error_dict({}).items():
            form.add_error(field if field in form.fields else None, messages)
        return None
