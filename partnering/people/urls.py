from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("people/", views.person_list_view, name="person-list"),
    path("people/<int:pk>/", views.person_detail, name="person-detail"),
    path("me/", views.me, name="me"),
    path("me/language/", views.language, name="language"),
]
