"""Django's own sign-in, sign-out and password-reset views, with GOV.UK-styled forms."""

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import path
from django.utils.translation import gettext_lazy as _

from partnering.identity.views import SignInView

from .auth_forms import GovUKPasswordResetForm, GovUKSetPasswordForm, over_limit


class ThrottledPasswordResetView(auth_views.PasswordResetView):
    """At most PASSWORD_RESET_IP_LIMIT requests from one client address in a window (the address
    django-axes sees, so AXES_PROXY_COUNT applies); past that, a clear "try again later" and no email."""

    form_class = GovUKPasswordResetForm
    too_many = _("There have been too many requests to reset a password from your network. Try again later.")

    def post(self, request, *args, **kwargs):
        address = get_client_ip_address(request) or "unknown"
        if over_limit(f"password-reset:client:{address}", settings.PASSWORD_RESET_IP_LIMIT):
            form = self.get_form()
            form.add_error(None, self.too_many)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)


urlpatterns = [
    # Email and password, beside "Sign in with your council account" and the second factor (partnering.identity).
    path("login/", SignInView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password_reset/", ThrottledPasswordResetView.as_view(), name="password_reset"),
    path("password_reset/done/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(form_class=GovUKSetPasswordForm),
        name="password_reset_confirm",
    ),
    path("reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
