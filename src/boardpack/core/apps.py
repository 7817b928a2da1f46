from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "boardpack.core"
    label = "core"

    def ready(self) -> None:
        from boardpack.core import checks  # noqa: F401 (registers the system checks)
        from boardpack.core.data_version import after_migrate

        # Once per migrate or flush (sent for each app: this one's is enough), after every table
        # exists, so that tables new in this migrate get their triggers too.
        post_migrate.connect(after_migrate, sender=self, dispatch_uid="boardpack-data-version")
