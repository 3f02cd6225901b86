from django.urls import path

from . import views

app_name = "register"

urlpatterns = [
    path("register/", views.index, name="index"),
    path("register/collaboration-register.csv", views.register_csv, name="csv"),
    path("register/collaboration-register.json", views.register_json, name="json"),
    path("register/iati-activities.xml", views.register_iati, name="iati"),
    path("register/projects/<str:identifier>/", views.project, name="project"),
]
