from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "boardpack.accounts"
    label = "accounts"
    verbose_name = "Accounts and organisations"

    def ready(self) -> None:
        from boardpack.accounts.roles import ensure_roles

        post_migrate.connect(ensure_roles, dispatch_uid="boardpack-ensure-roles")
