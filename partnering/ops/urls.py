from django.urls import path

from . import pages, subject_access, views
from .retention_views import retention_page

app_name = "ops"

urlpatterns = [
    path("health/live", views.live, name="live"),
    path("health/ready", views.ready, name="ready"),
    path("privacy/", pages.privacy, name="privacy"),
    path("accessibility/", pages.accessibility, name="accessibility"),
    path("cookies/", pages.cookies, name="cookies"),
    path("status/", pages.status, name="status"),
    path("councils/<slug:slug>/retention/", retention_page, name="retention"),
    path("me/data.json", subject_access.my_data, name="my-data"),
    path("me/data.pdf", subject_access.my_data_pdf, name="my-data-pdf"),
    path("people/data-requests/", subject_access.find_data_subject, name="find-data-subject"),
    path("people/<int:pk>/data/", subject_access.person_data, name="person-data"),
]
