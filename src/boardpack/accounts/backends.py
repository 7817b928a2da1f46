from django.conf import settings
from django.contrib.auth.backends import ModelBackend


def demo_sign_ins_allowed() -> bool:
    return bool(settings.DEBUG or settings.DEMO_MODE)


class DemoAwareModelBackend(ModelBackend):
    """Django's own backend, except that demo users cannot sign in outside demo mode."""

    def user_can_authenticate(self, user) -> bool:  # type: ignore[no-untyped-def]
        if getattr(user, "is_demo", False) and not demo_sign_ins_allowed():
            return False
        return super().user_can_authenticate(user)
