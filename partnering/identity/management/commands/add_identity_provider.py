from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from partnering.core import audit
from partnering.identity.services import identity_provider_save
from partnering.organisations.models import Council


class Command(BaseCommand):
    help = "Set up (or change) a council's OpenID Connect identity provider, such as its Microsoft Entra ID tenant."

    def add_arguments(self, parser):
        parser.add_argument("--council", required=True, help="the council's slug")
        parser.add_argument("--issuer", required=True, help="the issuer exactly as in the provider's tokens")
        parser.add_argument("--client-id", required=True)
        parser.add_argument("--client-secret", required=True)
        parser.add_argument("--domains", required=True, help="the council's email domains, separated by commas")
        parser.add_argument("--requires-approval", action="store_true", help="a lead approves people signing in for the first time")
        parser.add_argument("--requires-two-factor", action="store_true",
                            help="this council's coordinators and site administrators must use an authenticator app")

    def handle(self, *args, **options):
        council = Council.objects.filter(slug=options["council"]).first()
        if council is None:
            raise CommandError(f"No council has the slug “{options['council']}”.")
        try:
            with audit.acting_as(None, source="command:add_identity_provider"):
                provider = identity_provider_save(
                    actor=None, council=council, issuer=options["issuer"], client_id=options["client_id"],
                    client_secret=options["client_secret"], domains=options["domains"],
                    requires_approval=options["requires_approval"], requires_two_factor=options["requires_two_factor"],
                )
        except ValidationError as error:
            problems = "; ".join(f"--{field.replace('_', '-')}: {' '.join(messages)}" for field, messages in error.message_dict.items())
            raise CommandError(problems) from None
        from django.conf import settings

        callback = settings.SITE_URL + reverse("openid_connect_callback", kwargs={"provider_id": council.slug})
        self.stdout.write(f"{council.name} signs in through {provider.issuer} for {provider.domains}.")
        if provider.tenant_id:
            self.stdout.write(f"Microsoft Entra tenant: {provider.tenant_id}")
        self.stdout.write(f"Register this redirect URI with the provider: {callback}")
