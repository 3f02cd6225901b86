from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("directory/", views.home, name="home"),
    path("directory/people/<int:pk>/", views.profile_detail, name="profile-detail"),
    path("directory/me/", views.my_profile, name="my-profile"),
    path("directory/me/skills/new/", views.skill_add, name="skill-add"),
    path("directory/me/skills/<int:pk>/", views.skill_edit, name="skill-edit"),
    path("directory/me/skills/<int:pk>/remove/", views.skill_remove, name="skill-remove"),
    path("directory/skills-held/<int:pk>/verify/", views.skill_verify, name="skill-verify"),
    path("directory/skills/", views.taxonomy, name="taxonomy"),
    path("directory/skills/new/", views.taxonomy_create, name="taxonomy-create"),
    path("directory/skills/<int:pk>/", views.taxonomy_edit, name="taxonomy-edit"),
    path("directory/requests/", views.requests, name="requests"),
    path("directory/partnerships/<slug:slug>/requests/new/", views.request_create, name="request-create"),
    path("directory/requests/<int:pk>/", views.request_detail, name="request-detail"),
    path("directory/requests/<int:pk>/ask/", views.request_ask, name="request-ask"),
    path("directory/requests/<int:pk>/outcome/", views.request_outcome, name="request-outcome"),
    path("directory/requests/<int:pk>/reopen/", views.request_reopen, name="request-reopen"),
    path("directory/asks/<int:pk>/", views.ask_respond, name="ask-respond"),
    path("directory/asks/<int:pk>/withdraw/", views.ask_withdraw, name="ask-withdraw"),
    path("directory/partnerships/<slug:slug>/tiers/", views.tiers, name="tiers"),
    path("directory/partnerships/<slug:slug>/tiers/new/", views.tier_create, name="tier-create"),
    path("directory/partnerships/<slug:slug>/tiers/councils/", views.tier_assign, name="tier-assign"),
    path("directory/tiers/<int:pk>/remove/", views.tier_remove, name="tier-remove"),
]
