import datetime
from decimal import Decimal

import pytest

from partnering.programmes import services
from tests.factories import CouncilFactory, MembershipFactory, PartnershipFactory, PersonFactory, employ, partnership_role


class Region:
    """Two councils in a partnership, a third outside; a coordinator, board member, leads and staff; one programme and project."""


@pytest.fixture
def region(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    r = Region()
    r.gwynedd = CouncilFactory(name="Gwynedd Council", short_name="Gwynedd", slug="gwynedd", region="North Wales")
    r.conwy = CouncilFactory(name="Conwy County Borough Council", short_name="Conwy", slug="conwy", region="North Wales")
    r.outside = CouncilFactory(name="Outside Council", short_name="Outside", slug="outside", region="Elsewhere")
    r.partnership = PartnershipFactory(name="North Wales Legal", slug="nw-legal")
    r.other = PartnershipFactory(name="Other Partnership", slug="other")
    for council in (r.gwynedd, r.conwy):
        MembershipFactory(partnership=r.partnership, council=council)
    MembershipFactory(partnership=r.other, council=r.outside)
    r.coordinator = PersonFactory(email="coordinator@example.test", full_name="Rhian Coordinator")
    partnership_role(r.coordinator, r.partnership, "coordinator")
    r.board = PersonFactory(email="board@example.test", full_name="Bryn Board")
    partnership_role(r.board, r.partnership, "board")
    r.lead = PersonFactory(email="lead@gwynedd.test", full_name="Gwen Lead")
    employ(r.lead, r.gwynedd, "lead", "staff")
    r.conwy_lead = PersonFactory(email="lead@conwy.test", full_name="Carys Lead")
    employ(r.conwy_lead, r.conwy, "lead", "staff")
    r.staff = PersonFactory(email="staff@gwynedd.test", full_name="Sam Staff")
    employ(r.staff, r.gwynedd, "staff")
    r.outsider = PersonFactory(email="lead@outside.test", full_name="Olly Outside")
    employ(r.outsider, r.outside, "lead", "staff")
    r.programme = services.create_programme(partnership=r.partnership, actor=r.coordinator, name="Legal services collaboration",
                                            slug="legal", theme="Legal services", start_on=datetime.date(2011, 4, 1))
    r.project = services.create_project(programme=r.programme, actor=r.coordinator, name="Shared legal service", lead_council=r.gwynedd,
                                        councils=[r.conwy], purpose="One legal service for the region.", notes="SECRET NOTE",
                                        sro=r.lead, start_on=datetime.date(2011, 4, 1))
    r.result = services.add_entry(project=r.project, actor=r.coordinator, what="result",
                                  values={"kind": "outcome", "title": "Lower net cost", "description": ""})
    r.cost = services.add_indicator(result=r.result, actor=r.coordinator, title="Net cost of legal services", measure="unit", ascending=False,
                                    baseline=Decimal("6000000"), baseline_on=datetime.date(2011, 3, 31), source="typed")
    return r
