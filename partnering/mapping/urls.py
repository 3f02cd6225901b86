from django.urls import path

from . import views

app_name = "mapping"

urlpatterns = [
    path("mapping/", views.mapping_home, name="home"),
    path("mapping/template.xlsx", views.return_template, name="template"),
    path("mapping/topics/", views.topic_list, name="topic-list"),
    path("mapping/topics/new/", views.topic_edit, name="topic-create"),
    path("mapping/topics/<int:pk>/edit/", views.topic_edit, name="topic-edit"),
    path("mapping/partnerships/<slug:slug>/", views.partnership_dashboard, name="partnership-dashboard"),
    path("mapping/councils/<slug:slug>/", views.council_dashboard, name="council-dashboard"),
    path("mapping/councils/<slug:slug>/returns/", views.return_list, name="return-list"),
    path("mapping/councils/<slug:slug>/returns/upload/", views.return_upload, name="return-upload"),
    path("mapping/councils/<slug:slug>/provision/", views.provision_list, name="provision-list"),
    path("mapping/councils/<slug:slug>/export/", views.provision_export, name="provision-export"),
    path("mapping/councils/<slug:slug>/provision/accept-suggestions/", views.accept_suggested_topics, name="accept-suggestions"),
    path("mapping/councils/<slug:slug>/investment/", views.investment_edit, name="investment-edit"),
    path("mapping/councils/<slug:slug>/arrangements/new/", views.arrangement_create, name="arrangement-create"),
    path("mapping/imports/<int:pk>/", views.batch_preview, name="batch-preview"),
    path("mapping/imports/<int:pk>/map/", views.batch_map, name="batch-map"),
    path("mapping/imports/<int:pk>/restore/", views.batch_restore, name="batch-restore"),
    path("mapping/imports/<int:pk>/file/", views.batch_file, name="batch-file"),
    path("mapping/lines/<int:pk>/topic/", views.line_topic, name="line-topic"),
]
