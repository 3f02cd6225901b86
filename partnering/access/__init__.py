"""Who may see and do what: the one place every rule lives.

A `Scope` says who is asking (a signed-in person, a council's API client, or the
public). Each domain module offers, for its records:

- ``<things>_visible_to(scope)``: a queryset of what the scope may see;
- ``<thing>_for(scope, key)``: the object, or ``Http404`` whether it is missing or
  forbidden (the same answer, so guessing addresses reveals nothing);
- ``can_<verb>_<thing>(scope, obj)``: whether the scope may do that.

Views get the scope from ``request.scope`` (computed once per request by
``ScopeMiddleware``), pass booleans to templates, and call services; services take
the acting person and check through these rules with ``scope_of(actor)``.
This package depends on models only.
"""

from .scope import ANONYMOUS, PUBLIC, Scope, require, scope_for_client, scope_of

__all__ = ["ANONYMOUS", "PUBLIC", "Scope", "require", "scope_for_client", "scope_of"]
