from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("partnerships/", views.partnership_list, name="partnership-list"),
    path("partnerships/<slug:slug>/", views.partnership_detail, name="partnership-detail"),
    path("councils/", views.council_list, name="council-list"),
    path("councils/<slug:slug>/", views.council_detail, name="council-detail"),
    path("councils/<slug:slug>/edit/", views.council_edit, name="council-edit"),
    path("councils/<slug:slug>/audit/", views.council_audit, name="council-audit"),
    path("councils/<slug:slug>/venues/new/", views.venue_create, name="venue-create"),
    path("venues/<int:pk>/", views.venue_detail, name="venue-detail"),
    path("venues/<int:pk>/edit/", views.venue_edit, name="venue-edit"),
]
