from django.apps import AppConfig


class WorkflowConfig(AppConfig):
    name = "boardpack.workflow"
    label = "workflow"
    verbose_name = "Reporting cycle"
