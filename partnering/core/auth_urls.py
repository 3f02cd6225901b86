"""Django's own sign-in, sign-out and password-reset views, with GOV.UK-styled forms."""

from django.contrib.auth import views as auth_views
from django.urls import path

from .auth_forms import EmailAuthenticationForm, GovUKPasswordResetForm, GovUKSetPasswordForm

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(authentication_form=EmailAuthenticationForm, redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password_reset/", auth_views.PasswordResetView.as_view(form_class=GovUKPasswordResetForm), name="password_reset"),
    path("password_reset/done/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(form_class=GovUKSetPasswordForm),
        name="password_reset_confirm",
    ),
    path("reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
