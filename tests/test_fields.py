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


class Offered(Form):
    plain = SelectField("Team", coerce=optional_int)
    fast = ListSelectField("Team", coerce=optional_int)


PAIRS = [(1, "R&D <Desk>"), (2, 'Quote "desk"'), (3, "Tallinn – öö")]


def _offered(data: dict, pairs=PAIRS) -> Offered:
    form = Offered(MultiDict(data))
    form.plain.choices = choice_list([("", "All teams"), *pairs])
    form.fast.offer(pairs, blank="All teams")
    return form


def test_an_offered_menu_writes_and_checks_what_wtforms_does():
    for data in ({"plain": "2", "fast": "2"}, {}, {"plain": "", "fast": ""}):
        form = _offered(data)
        plain = str(form.plain()).replace('id="plain" name="plain"', "")
        fast = str(form.fast()).replace('id="fast" name="fast"', "")
        assert fast == plain
    form = _offered({"plain": "2", "fast": "2"})
    assert '<option selected value="2">Quote &#34;desk&#34;</option>' in str(form.fast())
    assert str(form.fast()).count("selected") == 1
    for data, valid in (("3", True), ("", True), ("4", False)):
        form = _offered({"plain": data, "fast": data})
        assert form.plain.validate(form) is valid
        assert form.fast.validate(form) is valid
        assert form.fast.offers(form.fast.data) is valid


def test_a_menu_is_prepared_once_and_follows_a_renamed_team():
    first, again = _offered({}), _offered({})
    assert first.fast.menu is again.fast.menu
    renamed = _offered({}, pairs=[(1, "Research desk"), *PAIRS[1:]])
    assert renamed.fast.menu is not first.fast.menu
    assert "Research desk" in str(renamed.fast()) and "R&amp;D" not in str(renamed.fast())
