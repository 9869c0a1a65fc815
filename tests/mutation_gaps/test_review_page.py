"""The manager's ratings on the review page (the fourth mutation run, issue 9:
``reviews.pages.rating_rows`` 11 left every row without its manager rating, so the page showed
"—" and no comment where the manager had rated)."""

from tests.conftest import csrf_token
from tests.reviews.conftest import manager_form


def test_the_review_page_shows_the_managers_rating_and_comment(org_in_cycle, login_as):
    org = org_in_cycle
    review = org.reviews["mari"]
    first = review.cycle.competencies[0]
    kadri = login_as(org.kadri)
    assess = f"/reviews/{review.id}/assess"
    data = manager_form(review, value="2", csrf_token=csrf_token(kadri, assess))
    data[f"comment_{first.id}"] = "Calm with angry callers."
    kadri.post(assess, data=data)
    page = kadri.get(f"/reviews/{review.id}").get_data(as_text=True)
    table = page.split('<table class="table ratings-table">', 1)[1].split("</table>", 1)[0]
    assert "Calm with angry callers." in table
    assert table.count('<td class="num">2</td>') == len(review.cycle.competencies)
