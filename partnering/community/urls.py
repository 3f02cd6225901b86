from django.urls import path

from . import views

app_name = "community"

urlpatterns = [
    path("groups/", views.home, name="home"),
    path("groups/calendar/", views.my_calendar, name="my-calendar"),
    path("groups/feeds/<str:token>.ics", views.personal_feed, name="personal-feed"),
    path("groups/feeds/<str:token>/<slug:slug>.ics", views.group_feed, name="group-feed"),
    path("groups/public/documents/<int:pk>/", views.public_download, name="public-download"),
    path("groups/partnerships/<slug:slug>/new/", views.group_create, name="group-create"),
    path("groups/partnerships/<slug:slug>/documents/", views.partnership_documents, name="partnership-documents"),
    path("groups/partnerships/<slug:slug>/priorities/", views.priority_list, name="priority-list"),
    path("groups/partnerships/<slug:slug>/priorities/rank/", views.priority_rank, name="priority-rank"),
    path("groups/priorities/<int:pk>/adopt/", views.priority_adopt, name="priority-adopt"),
    path("groups/members/<int:pk>/approve/", views.member_approve, name="member-approve"),
    path("groups/members/<int:pk>/remove/", views.member_remove, name="member-remove"),
    path("groups/threads/<int:pk>/", views.thread_detail, name="thread-detail"),
    path("groups/threads/<int:pk>/lock/", views.thread_lock, name="thread-lock"),
    path("groups/threads/<int:pk>/hide/", views.thread_hide, name="thread-hide"),
    path("groups/threads/<int:pk>/follow/", views.thread_follow, name="thread-follow"),
    path("groups/posts/<int:pk>/hide/", views.post_hide, name="post-hide"),
    path("groups/documents/<int:pk>/", views.document_detail, name="document-detail"),
    path("groups/documents/<int:pk>/versions/new/", views.document_upload, name="document-upload"),
    path("groups/documents/<int:pk>/publish/", views.document_publish, name="document-publish"),
    path("groups/versions/<int:pk>/download/", views.version_download, name="version-download"),
    path("groups/resources/<int:pk>/", views.resource_edit, name="resource-edit"),
    path("groups/events/<int:pk>/", views.event_edit, name="event-edit"),
    path("groups/<slug:slug>/", views.group_detail, name="group-detail"),
    path("groups/<slug:slug>/settings/", views.group_edit, name="group-edit"),
    path("groups/<slug:slug>/join/", views.group_join, name="group-join"),
    path("groups/<slug:slug>/members/new/", views.member_add, name="member-add"),
    path("groups/<slug:slug>/emails/", views.alerts, name="alerts"),
    path("groups/<slug:slug>/forum/", views.thread_list, name="thread-list"),
    path("groups/<slug:slug>/forum/new/", views.thread_create, name="thread-create"),
    path("groups/<slug:slug>/documents/", views.document_list, name="document-list"),
    path("groups/<slug:slug>/documents/new/", views.document_create, name="document-create"),
    path("groups/<slug:slug>/resources/new/", views.resource_create, name="resource-create"),
    path("groups/<slug:slug>/calendar/", views.event_list, name="event-list"),
    path("groups/<slug:slug>/calendar/new/", views.event_create, name="event-create"),
]
