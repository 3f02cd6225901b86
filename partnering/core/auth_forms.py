import hashlib
import logging
import math
import time

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from .forms import GovUKFormMixin

logger = logging.getLogger(__name__)


def over_limit(key: str, limit: int) -> bool:
    """Counts one more request under `key` in the current window of PASSWORD_RESET_THROTTLE_MINUTES
    (kept in the default cache, which production shares between workers); True once past `limit`.
    The window runs from the first request in it. Two requests at the same instant may both count
    as one: good enough to stop floods, which is all a throttle is for."""
    now = time.time()
    window = settings.PASSWORD_RESET_THROTTLE_MINUTES * 60
    count, ends = cache.get(key) or (0, now + window)
    if ends <= now:
        count, ends = 0, now + window
    count += 1
    cache.set(key, (count, ends), timeout=max(1, math.ceil(ends - now)))
    return count > limit


class EmailAuthenticationForm(GovUKFormMixin, AuthenticationForm):
    """Django's sign-in form (fields `username` and `password`), labelled for email sign-in."""

    username = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True, "spellcheck": "false"}),
    )
    error_messages = {
        "invalid_login": _("Enter a correct email address and password. Both are case-sensitive."),
        "inactive": _("This account has been deactivated."),
    }

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()


class GovUKPasswordResetForm(GovUKFormMixin, PasswordResetForm):
    """Django's reset form, sending at most PASSWORD_RESET_EMAIL_LIMIT emails to one address in a window.
    Over the limit nothing is sent and the person sees the same page as always, so the page never
    tells whether an address has an account or has been asked for too often."""

    def save(self, *args, **kwargs):
        email = self.cleaned_data["email"].strip().lower()
        key = "password-reset:email:" + hashlib.sha256(email.encode()).hexdigest()
        if over_limit(key, settings.PASSWORD_RESET_EMAIL_LIMIT):
            logger.warning("Password reset: too many requests for one address in the window; no email sent")
            return
        super().save(*args, **kwargs)


class GovUKSetPasswordForm(GovUKFormMixin, SetPasswordForm):
    pass
