"""Load the demo authorities from the seed documents. Running it twice changes nothing."""

from django.core.management.base import BaseCommand

from boardpack.demo.loader import DEMO_PASSWORD, DEMO_USERS, is_empty, load_demo


class Command(BaseCommand):
    help = "Build Somerset Council's and Dorset Council's Children's Services demo data."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="only load when the database has no organisation",
        )
        parser.add_argument(
            "--print-sign-ins", action="store_true", help="print the demo sign-ins afterwards"
        )

    def handle(self, *args, if_empty, print_sign_ins, **options):
        if if_empty and not is_empty():
            self.stdout.write("The database already holds data: demo not loaded.")
        else:
            orgs = load_demo()
            self.stdout.write(
                self.style.SUCCESS(f"Demo loaded: {', '.join(o.name for o in orgs.values())}.")
            )
        if print_sign_ins:
            self.stdout.write("\nDemo sign-ins (they work only in demo or debug mode):")
            self.stdout.write(f"  password for every demo user: {DEMO_PASSWORD}")
            for user in DEMO_USERS:
                self.stdout.write(f"  {user.username:<16} {user.description}")
