from django.urls import path

from . import views

app_name = "workforce"

urlpatterns = [
    path("workforce/", views.home, name="home"),
    path("workforce/time/", views.my_time, name="my-time"),
    path("workforce/approvals/", views.approvals, name="approvals"),
    path("workforce/partnerships/<slug:slug>/", views.partnership, name="partnership"),
    path("workforce/partnerships/<slug:slug>/posts/new/", views.post_create, name="post-create"),
    path("workforce/partnerships/<slug:slug>/secondments/new/", views.secondment_create, name="secondment-create"),
    path("workforce/partnerships/<slug:slug>/balances/", views.balances, name="balances"),
    path("workforce/partnerships/<slug:slug>/time.<str:fmt>", views.time_export, name="time-export"),
    path("workforce/partnerships/<slug:slug>/recruitments/new/", views.recruitment_create, name="recruitment-create"),
    path("workforce/partnerships/<slug:slug>/terms/", views.terms, name="terms"),
    path("workforce/partnerships/<slug:slug>/terms/new/", views.terms_edit, name="terms-edit"),
    path("workforce/partnerships/<slug:slug>/harmonise/", views.harmonise, name="harmonise"),
    path("workforce/posts/<int:pk>/", views.post_detail, name="post-detail"),
    path("workforce/posts/<int:pk>/split/", views.post_share, name="post-share"),
    path("workforce/split/<int:pk>/remove/", views.share_remove, name="share-remove"),
    path("workforce/secondments/<int:pk>/", views.secondment_detail, name="secondment-detail"),
    path("workforce/secondments/<int:pk>/edit/", views.secondment_edit, name="secondment-edit"),
    path("workforce/timesheets/<int:pk>/", views.timesheet, name="timesheet"),
    path("workforce/timesheets/<int:pk>/submit/", views.timesheet_submit, name="timesheet-submit"),
    path("workforce/timesheets/<int:pk>/decide/", views.timesheet_decide, name="timesheet-decide"),
    path("workforce/timesheets/<int:pk>/unlock/", views.timesheet_unlock, name="timesheet-unlock"),
    path("workforce/entries/<int:pk>/remove/", views.entry_remove, name="entry-remove"),
    path("workforce/recruitments/<int:pk>/", views.recruitment, name="recruitment"),
    path("workforce/recruitments/<int:pk>/agree/", views.recruitment_edit, name="recruitment-edit"),
    path("workforce/recruitments/<int:pk>/evaluation/", views.evaluation, name="evaluation"),
    path("workforce/recruitments/<int:pk>/sign-off/", views.sign_off, name="sign-off"),
    path("workforce/recruitments/<int:pk>/advertise/", views.advertise, name="advertise"),
    path("workforce/recruitments/<int:pk>/advert-pack.pdf", views.advert_pack, name="advert-pack"),
]
