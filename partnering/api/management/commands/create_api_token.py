from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from partnering.api.services import api_token_create
from partnering.core import audit
from partnering.organisations.models import Council


class Command(BaseCommand):
    help = "Make an API token for a council's system. The token is printed once: only its hash is kept."

    def add_arguments(self, parser):
        parser.add_argument("--council", required=True, help="the council's slug")
        parser.add_argument("--name", required=True, help="what will use it, for example 'HR system'")

    def handle(self, *args, **options):
        council = Council.objects.filter(slug=options["council"]).first()
        if council is None:
            raise CommandError(f"No council has the slug “{options['council']}”.")
        try:
            with audit.acting_as(None, source="command:create_api_token"):
                token, secret = api_token_create(actor=None, council=council, name=options["name"])
        except ValidationError as error:
            raise CommandError("; ".join(f"--{k}: {' '.join(v)}" for k, v in error.message_dict.items())) from None
        self.stderr.write(f"API token “{token.name}” for {council.name}. It is shown once; keep it secret:")
        self.stdout.write(secret)
