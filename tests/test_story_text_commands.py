"""`import_story FILE... --user` and `export_story SLUG`: the format from the shell."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles import importing, storytext
from articles.models import Article, Quote, WorkflowEvent
from sources.models import Person, Source
from tests.factories import make_article, make_person, make_user
from tests.story_samples import FULL, SEED_SHAPED

pytestmark = pytest.mark.django_db


def write(tmp_path, name: str, content: str | bytes):
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return str(path)


def saved() -> list[int]:
    return [model.objects.count() for model in (Article, WorkflowEvent, Person, Source)]


def test_import_story_creates_one_draft_per_file(tmp_path, reporter, capsys):
    files = [write(tmp_path, "ferry.txt", SEED_SHAPED), write(tmp_path, "tram.txt", FULL)]
    call_command("import_story", *files, user=reporter.username)
    drafts = Article.objects.order_by("pk")
    assert [a.headline for a in drafts] == [
        "Harbour board rules out private operator for the night ferry",
        "Tram depot vote delayed by a week",
    ]
    assert {a.status for a in drafts} == {"draft"} and {a.created_by for a in drafts} == {reporter}
    out = capsys.readouterr().out
    assert "7 takeaways" in out and "4 verified claims" in out and "3 impact items" in out
    assert WorkflowEvent.objects.filter(action="import", actor=reporter).count() == 2


def test_windows_text_with_a_byte_order_mark_imports_the_same(tmp_path, reporter):
    windows = b"\xef\xbb\xbf" + SEED_SHAPED.replace("\n", "\r\n").encode()
    call_command("import_story", write(tmp_path, "ferry.txt", windows), user=reporter.username)
    article = Article.objects.get()
    assert "\r" not in article.standfirst + article.context + article.bottom_line
    assert article.takeaways.count() == 7


def test_a_problem_in_any_file_imports_nothing_and_lists_every_problem(tmp_path, reporter, capsys):
    good = write(tmp_path, "good.txt", FULL)
    bad_text = SEED_SHAPED.replace("Verified facts", "Verified fakts").replace(
        "\nAda Quayle, chair", "\nThe chair spoke."
    )
    bad = write(tmp_path, "bad.txt", bad_text)
    before = saved()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_story", good, bad, user=reporter.username)
    assert saved() == before
    heading, attribution = capsys.readouterr().err.splitlines()
    lines = bad_text.splitlines()
    assert heading.startswith(f"{bad}:{lines.index('Verified fakts') + 1}: ")
    assert "heading" in heading
    quote_line = next(n for n, line in enumerate(lines, 1) if line.startswith("“The night"))
    assert attribution.startswith(f"{bad}:{quote_line}: ")
    assert "attribution" in attribution


def test_a_file_that_is_not_utf8_is_refused_with_its_line(tmp_path, reporter, capsys):
    path = write(tmp_path, "latin1.txt", "Ferry fares\n\nCafé owners object.\n".encode("latin-1"))
    with pytest.raises(CommandError):
        call_command("import_story", path, user=reporter.username)
    error = capsys.readouterr().err
    assert error.startswith(f"{path}:3: The text is not UTF-8")
    assert Article.objects.count() == 0


def test_a_missing_file_is_reported(tmp_path, reporter, capsys):
    with pytest.raises(CommandError):
        call_command("import_story", str(tmp_path / "nope.txt"), user=reporter.username)
    assert "nope.txt: cannot read it" in capsys.readouterr().err


def test_import_story_refuses_a_user_who_cannot_write_stories(tmp_path, db):
    make_user("visitor", group=None, is_staff=True)
    path = write(tmp_path, "ferry.txt", SEED_SHAPED)
    with pytest.raises(CommandError, match="may not write stories"):
        call_command("import_story", path, user="visitor")
    with pytest.raises(CommandError, match="no user"):
        call_command("import_story", path, user="nobody")
    assert Article.objects.count() == 0


def test_export_story_writes_the_import_format_to_stdout(reporter, capsys):
    article = importing.import_text(SEED_SHAPED, reporter).article
    call_command("export_story", article.slug)
    out = capsys.readouterr().out
    assert out.splitlines()[0] == article.headline
    assert storytext.parse(out).story == storytext.parse(SEED_SHAPED).story


def test_export_story_lists_sources_and_disputed_claims(reporter, capsys):
    article = importing.import_text(FULL, reporter).article
    call_command("export_story", article.slug)
    lines = capsys.readouterr().out.splitlines()
    assert "Disputed" in lines
    assert (
        "Council statement on the tram depot — Port Calder City Council — "
        "https://example.org/tram/statement"
    ) in lines
    assert "The noise survey covers 140 homes near the depot site. [1][2]" in lines


def test_export_story_to_a_file(tmp_path, reporter):
    article = importing.import_text(FULL, reporter).article
    target = tmp_path / "out.txt"
    call_command("export_story", article.slug, output=str(target))
    assert storytext.parse(target.read_bytes()).story == storytext.parse(FULL).story


def test_export_story_says_which_quotes_the_text_leaves_out(reporter, capsys):
    article = make_article(reporter)
    Quote.objects.create(article=article, speaker=make_person(), text="Aside.", is_pull=False)
    call_command("export_story", article.slug)
    captured = capsys.readouterr()
    assert "Aside." not in captured.out
    assert "1 quote other than the pull quote is not part of the text." in captured.err


def test_export_story_of_an_unknown_slug_fails_cleanly(db):
    with pytest.raises(CommandError, match="no story"):
        call_command("export_story", "no-such-story")
