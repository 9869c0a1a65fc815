"""``flask people export PATH`` and ``flask people import PATH [--apply]`` use the same
checks and writes as the admin pages."""

from tests import factories

from .conftest import counts, csv_text, person


def test_cli_preview_then_apply_then_export(runner, tmp_path, app):
    team = factories.team("Service Desk")
    assert team
    path = tmp_path / "people.csv"
    path.write_text(csv_text("Mari,mari@example.com,Service Desk,,staff,et"), encoding="utf-8")
    result = runner.invoke(args=["people", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 created, 0 changed, 0 unchanged: would be (use --apply)." in result.output
    assert person("mari@example.com") is None
    result = runner.invoke(args=["people", "import", str(path), "--apply"])
    assert "1 created, 0 changed, 0 unchanged: imported." in result.output
    assert person("mari@example.com").locale == "et"
    out = tmp_path / "out.csv"
    assert runner.invoke(args=["people", "export", str(out)]).exit_code == 0
    assert "Mari,mari@example.com,Service Desk,,staff,et" in out.read_text(encoding="utf-8-sig")


def test_cli_lists_every_bad_row_and_writes_nothing(runner, tmp_path, app):
    path = tmp_path / "people.csv"
    path.write_text(csv_text("Mari,mari@,Nowhere,,staff,en"), encoding="utf-8")
    before = counts()
    result = runner.invoke(args=["people", "import", str(path), "--apply"])
    assert result.exit_code == 1
    assert "line 2, email: “mari@” is not an e-mail address." in result.output
    assert "Nothing was imported" in result.output
    assert counts() == before
