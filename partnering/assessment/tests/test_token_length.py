from partnering.assessment.models import Survey


def test_a_client_links_token_fits_its_column():
    field = Survey._meta.get_field("token")
    assert len(field.default()) <= field.max_length
