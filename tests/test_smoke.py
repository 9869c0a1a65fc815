from tests import factories


def test_healthz_answers_ok_when_database_is_up(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


def test_home_redirects_anonymous_to_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_staff_signs_in_and_sees_home(app, login_as):
    person = factories.user("staff", name="Mari Tamm")
    client = login_as(person)
    html = client.get("/").get_data(as_text=True)
    assert "Mari Tamm" in html
    assert "My reviews" in html
