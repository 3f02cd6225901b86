"""`python -m partnering.identity check-claims --issuer URL [--tenant ID] --domains D[,D] < claims.json`:
prints {"email": ...} for claims that would sign someone in, or {"refused": reason, "message": ...} (exit 1);
exit 2 for bad input."""

from __future__ import annotations

import argparse
import json
import sys

from .claims import ConfigurationError, ProviderRules, Refused, accepted_email, check_issuer, normalise_domains


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m partnering.identity")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check-claims", help="check an ID token's claims (JSON on standard input)")
    check.add_argument("--issuer", required=True)
    check.add_argument("--domains", required=True)
    args = parser.parse_args(argv)
    try:
        issuer, tenant = check_issuer(args.issuer)
        rules = ProviderRules(issuer=issuer, tenant_id=tenant, domains=normalise_domains(args.domains))
        claims = json.load(sys.stdin)
        if not isinstance(claims, dict):
            raise ValueError("The claims must be a JSON object.")
    except (ConfigurationError, ValueError) as error:
        print(json.dumps({"error": str(error)}))
        return 2
    try:
        print(json.dumps({"email": accepted_email(rules, claims)}))
        return 0
    except Refused as refused:
        print(json.dumps({"refused": refused.reason, "message": str(refused)}))
        return 1


if __name__ == "__main__":
    sys.exit(main())
