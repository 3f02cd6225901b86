"""Strings from Django's own password forms and validators that its Welsh catalogue leaves in English.

They appear on our password pages. Marking them here makes `makemessages` put them in our catalogue,
locale/cy/LC_MESSAGES/django.po (which Django reads before its own), where they have their Welsh; without
this module `makemessages --no-obsolete` would drop them. Nothing calls these; they are never evaluated.
"""

from django.utils.translation import gettext_lazy, ngettext_lazy

DJANGO_STRINGS = (
    gettext_lazy("Enter the same password as before, for verification."),
    ngettext_lazy("This password is too short. It must contain at least %d character.",
                  "This password is too short. It must contain at least %d characters.", 12),
    ngettext_lazy("Your password must contain at least %(min_length)d character.",
                  "Your password must contain at least %(min_length)d characters.", "min_length"),
    gettext_lazy("The password is too similar to the %(verbose_name)s."),
    gettext_lazy("Your password can’t be too similar to your other personal information."),
    gettext_lazy("This password is too common."),
    gettext_lazy("Your password can’t be a commonly used password."),
    gettext_lazy("This password is entirely numeric."),
    gettext_lazy("Your password can’t be entirely numeric."),
)
