"""The fast select writes exactly what WTForms' own select writes (selected option, escaped
labels, the empty choice), only quicker."""

from werkzeug.datastructures import MultiDict
from wtforms import Form, SelectField

from forms.fields import ListSelectField, choice_list, optional_int


class Pair(Form):
    plain = SelectField("Team", coerce=optional_int, validate_choice=False)
    fast = ListSelectField("Team", coerce=optional_int, validate_choice=False)


def _render(data: dict) -> tuple[str, str]:
    form = Pair(MultiDict(data))
    choices = choice_list(
        [("", "All teams"), (1, "R&D <Desk>"), (2, 'Quote "desk"'), (3, "Tallinn – öö")]
    )
    form.plain.choices = form.fast.choices = choices
    plain = str(form.plain()).replace('id="plain" name="plain"', "")
    fast = str(form.fast()).replace('id="fast" name="fast"', "")
    return plain, fast


def test_the_fast_select_writes_what_wtforms_writes():
    for data in ({"plain": "2", "fast": "2"}, {}, {"plain": "", "fast": ""}):
        plain, fast = _render(data)
        assert fast == plain
    assert "R&amp;D &lt;Desk&gt;" in fast and '<option selected value="">All teams' in fast
    plain, fast = _render({"plain": "2", "fast": "2"})
    assert '<option selected value="2">Quote &#34;desk&#34;</option>' in fast
