from django.urls import path

from . import hr_views, views

app_name = "identity"

urlpatterns = [
    path("accounts/sso/", views.council_sign_in, name="sso"),
    path("accounts/two-factor/", views.two_factor_challenge, name="two-factor"),
    path("accounts/two-factor/set-up/", views.two_factor_setup, name="two-factor-setup"),
    path("identity/access-requests/", views.access_requests, name="access-requests"),
    path("identity/access-requests/<int:pk>/decide/", views.access_request_decide, name="access-request-decide"),
    path("councils/<slug:slug>/people-import/", hr_views.upload, name="hr-upload"),
    path("people-imports/<int:pk>/", hr_views.preview, name="hr-import"),
]
