from django.template.loader import render_to_string


def test_500_page_renders_without_a_database_or_user():
    # Django renders 500.html with no request and no context processors; it must still be a page.
    html = render_to_string("500.html", request=None)
    assert "Sorry, there is a problem with Boardpack" in html
    assert "govuk-frontend.min.css" in html


def test_404_page_for_unknown_address(client, db):
    response = client.get("/no/such/page/at/all/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
