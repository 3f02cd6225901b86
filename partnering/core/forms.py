"""GOV.UK Design System markup for ordinary Django forms.

`{{ form }}` renders every field as a GOV.UK form group (label, hint, error
message, input), and the page shows the error summary from `form.errors`.
"""

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting

WIDGET_CLASSES = {
    forms.Select: "govuk-select",
    forms.Textarea: "govuk-textarea",
    forms.CheckboxInput: "govuk-checkboxes__input",
    forms.RadioSelect: "govuk-radios__input",
    forms.FileInput: "govuk-file-upload",
}


class GovUKBoundField(BoundField):
    """A field that names its hint and error message the way the GOV.UK components do.

    Django 5.2 points a widget's `aria-describedby` at `<id>_helptext` and `<id>_error`,
    ids its own templates give; components/field.html and choices.html render the GOV.UK
    `<id>-hint` and `<id>-error` instead, so a screen reader would announce neither. These
    properties are the one place both the widget and the templates take the ids from.
    """

    @property
    def hint_id(self) -> str:
        return f"{self.auto_id}-hint" if self.auto_id and self.help_text else ""

    @property
    def error_id(self) -> str:
        return f"{self.auto_id}-error" if self.auto_id and self.errors else ""

    @property
    def aria_describedby(self) -> str:
        """What the control (or, for radios, checkboxes and dates in parts, the fieldset) is described
        by: any ids the widget names itself, then the hint, then the error (GOV.UK's order), only
        those that are shown."""
        own = (self.field.widget.attrs.get("aria-describedby") or "").split()
        if self.is_hidden:
            return " ".join(own)
        return " ".join([*own, *filter(None, (self.hint_id, self.error_id))])

    @property
    def first_control_id(self) -> str:
        """The id the error summary links to: the control itself, or the first of a group's."""
        widget = self.field.widget
        if isinstance(widget, forms.RadioSelect):  # and CheckboxSelectMultiple
            subwidgets = self.subwidgets
            return subwidgets[0].id_for_label if subwidgets else ""
        if isinstance(widget, forms.MultiWidget) and self.auto_id:
            return widget.widgets[0].id_for_label(f"{self.auto_id}_0")
        return self.id_for_label


class GovUKFormRenderer(TemplatesSetting):
    form_template_name = "components/form.html"
    field_template_name = "components/field.html"
    # Every form rendered here (GovUKForm or a plain forms.Form) gets GOV.UK ids for its hint and error.
    bound_field_class = GovUKBoundField


class GovUKFormMixin:
    """Adds GOV.UK classes to widgets, and error classes to fields with errors."""

    #: Field names whose inputs should be narrower, mapped to a GOV.UK width class.
    input_widths: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.fields:
            self._style(name)

    def __getitem__(self, name):
        # Forms may add fields after this __init__ (a column per spreadsheet header): style them too.
        bound = super().__getitem__(name)
        self._style(name)
        return bound

    def add_error(self, field, error):
        # Every field error goes through here: from validation, from clean(), and from save_with().
        super().add_error(field, error)
        for name in self.errors:
            if name in self.fields:
                self._style(name, error=True)

    def _style(self, name, error=False):
        widget = self.fields[name].widget
        classes = (widget.attrs.get("class") or "").split()
        base = next((c for cls, c in WIDGET_CLASSES.items() if isinstance(widget, cls)), "govuk-input")
        if base not in classes:
            classes.append(base)
            if name in self.input_widths:
                classes.append(self.input_widths[name])
        if error and f"{base}--error" not in classes:
            classes.append(f"{base}--error")
        widget.attrs["class"] = " ".join(classes)


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
