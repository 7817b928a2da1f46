from django.urls import path

from boardpack.accounts import oidc, views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="sign-in"),
    path("sign-out/", views.SignOutView.as_view(), name="sign-out"),
    path("account/password/", views.PasswordChangeView.as_view(), name="password-change"),
    path(
        "account/password/changed/",
        views.PasswordChangeDoneView.as_view(),
        name="password-change-done",
    ),
    # Single sign-on (OpenID Connect): 404 unless configured (docs/deploy.md).
    path("sign-in/sso/", oidc.SignInWithProviderView.as_view(), name="oidc-start"),
    path("sign-in/sso/callback/", oidc.ProviderCallbackView.as_view(), name="oidc-callback"),
]
