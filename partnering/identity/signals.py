from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver


@receiver(user_logged_in)
def record_sign_in(sender, request, user, **kwargs):
    """Every sign-in through a sign-in page (password or council account) is kept, and so audited: how, and
    through which council's provider. Someone who must use two-factor authentication and has not set it up
    is sent to set it up before anything else."""
    info = getattr(request, "partnering_sign_in", None) if request is not None else None
    if not info:
        return  # a test's force_login or a library's own sign-in: not a sign-in page
    from . import two_factor
    from .services import record_sign_in as record

    record(person=user, method=info["method"], council=_council(info.get("council")), first_time=bool(info.get("first_time")))
    if not two_factor.has_two_factor(user) and two_factor.two_factor_required(user):
        request.session[two_factor.SETUP_REQUIRED] = True


def _council(pk):
    if not pk:
        return None
    from partnering.organisations.models import Council

    return Council.objects.filter(pk=pk).first()
