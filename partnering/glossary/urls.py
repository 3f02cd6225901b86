from django.urls import path

from . import views

app_name = "glossary"

urlpatterns = [
    path("glossary/", views.term_list, name="term-list"),
    path("glossary/new/", views.term_edit, name="term-create"),
    path("glossary/<int:pk>/", views.term_detail, name="term-detail"),
    path("glossary/<int:pk>/edit/", views.term_edit, name="term-edit"),
]
