from django.urls import path

from . import views

app_name = "identity"

urlpatterns = [
    path("accounts/sso/", views.council_sign_in, name="sso"),
    path("accounts/two-factor/", views.two_factor_challenge, name="two-factor"),
    path("accounts/two-factor/set-up/", views.two_factor_setup, name="two-factor-setup"),
    path("identity/access-requests/", views.access_requests, name="access-requests"),
    path("identity/access-requests/<int:pk>/decide/", views.access_request_decide, name="access-request-decide"),
]
