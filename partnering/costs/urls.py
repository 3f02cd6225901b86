from django.urls import path

from . import views

app_name = "costs"

urlpatterns = [
    path("costs/", views.home, name="home"),
    path("costs/partnerships/<slug:slug>/", views.partnership, name="partnership"),
    path("costs/partnerships/<slug:slug>/pools/new/", views.pool_create, name="pool-create"),
    path("costs/partnerships/<slug:slug>/funding/new/", views.package_create, name="package-create"),
    path("costs/partnerships/<slug:slug>/entitlements/new/", views.entitlement_create, name="entitlement-create"),
    path("costs/partnerships/<slug:slug>/statements/<slug:council>/", views.statement, name="statement"),
    path("costs/partnerships/<slug:slug>/statements/<slug:council>/<str:fmt>/", views.statement_download, name="statement-download"),
    path("costs/pools/<int:pk>/", views.pool_detail, name="pool-detail"),
    path("costs/pools/<int:pk>/terms/", views.pool_terms, name="pool-terms"),
    path("costs/pools/<int:pk>/basis/", views.pool_basis, name="pool-basis"),
    path("costs/pools/<int:pk>/costs/new/", views.cost_add, name="cost-add"),
    path("costs/pools/<int:pk>/recharges/<str:fmt>/", views.recharges, name="recharges"),
    path("costs/bases/<int:pk>/remove/", views.basis_remove, name="basis-remove"),
    path("costs/costs/<int:pk>/remove/", views.cost_remove, name="cost-remove"),
    path("costs/funding/<int:pk>/", views.package_detail, name="package-detail"),
    path("costs/funding/<int:pk>/<str:what>/new/", views.package_add, name="package-add"),
    path("costs/funding/<int:pk>/<str:what>/<int:entry>/remove/", views.package_remove, name="package-remove"),
    path("costs/entitlements/<int:pk>/", views.entitlement_detail, name="entitlement-detail"),
    path("costs/entitlements/<int:pk>/<str:what>/new/", views.entitlement_add, name="entitlement-add"),
    path("costs/entitlements/<int:pk>/<str:what>/<int:entry>/remove/", views.entitlement_remove, name="entitlement-remove"),
]
