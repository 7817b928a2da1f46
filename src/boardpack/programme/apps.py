from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "boardpack.programme"
    label = "programme"

    def ready(self) -> None:
        from boardpack.core import datasets

        datasets.register("programme", "boardpack.programme.datasets.PROGRAMME")
