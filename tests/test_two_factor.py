"""Two-factor sign-in for staff: a password alone does not open the admin for those who must
use a second factor; the code their app shows does, once; recovery codes work once; wrong
codes are throttled; enrolment is forced; demo logins skip it only with DEBUG on."""

from __future__ import annotations

import base64

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import DemoLogin
from tests import factories
from tests.html import parse
from tests.signin_support import LOGIN, code_step, password_step, recovery_step

pytestmark = pytest.mark.django_db

ADMIN = reverse("admin:index")
SETUP = reverse("two_factor:setup")
STORIES = reverse("admin:articles_article_changelist")


@pytest.fixture(autouse=True)
def frozen_clock(time_machine):
    """Codes and the throttle both read the clock; hold it still so a test never straddles
    two 30-second steps."""
    time_machine.move_to("2026-03-02 09:00:10+00:00", tick=False)
    return time_machine


def signed_in_user_id(client: Client) -> str | None:
    return client.session.get("_auth_user_id")


def errors(response) -> str:
    return " ".join(
        node.get_text(" ", strip=True) for node in parse(response).select(".errornote, .errorlist")
    )


def recovery_codes(user, count: int = 3) -> list[str]:
    device = StaticDevice.objects.create(user=user, name="backup")
    codes = [StaticToken.random_token() for _ in range(count)]
    for code in codes:
        device.token_set.create(token=code)
    return codes


def test_an_editors_right_password_alone_does_not_sign_in(editor):
    factories.give_authenticator(editor)
    client = Client()
    answer = password_step(client, editor.username)
    assert answer.status_code == 200
    page = parse(answer)
    code = page.select_one("input[name='token-otp_token']")
    assert code is not None, "the second step asks for the code"
    assert signed_in_user_id(client) is None
    response = client.get(ADMIN)
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


def test_the_code_computed_from_the_device_secret_completes_the_sign_in(editor):
    device = factories.give_authenticator(editor)
    client = Client()
    password_step(client, editor.username)
    answer = code_step(client, factories.current_code(device))
    assert answer.status_code == 302
    assert signed_in_user_id(client) == str(editor.pk)
    assert client.get(ADMIN).status_code == 200
    assert client.get(STORIES).status_code == 200


def test_a_pasted_code_with_spaces_or_dashes_is_accepted(editor):
    device = factories.give_authenticator(editor)
    code = factories.current_code(device)
    client = Client()
    password_step(client, editor.username)
    assert code_step(client, f" {code[:3]} - {code[3:]} ").status_code == 302
    assert client.get(ADMIN).status_code == 200


def test_the_code_field_invites_password_managers_and_the_number_pad(editor):
    factories.give_authenticator(editor)
    field = parse(password_step(Client(), editor.username)).select_one(
        "input[name='token-otp_token']"
    )
    assert field["autocomplete"] == "one-time-code"
    assert field["inputmode"] == "numeric"
    label = parse(password_step(Client(), editor.username)).select_one(
        "label[for='id_token-otp_token']"
    )
    assert label is not None and "code" in label.text.lower()


def test_a_code_already_used_is_refused(editor):
    device = factories.give_authenticator(editor)
    code = factories.current_code(device)
    first = Client()
    password_step(first, editor.username)
    assert code_step(first, code).status_code == 302

    thief = Client()
    password_step(thief, editor.username)
    answer = code_step(thief, code)
    assert answer.status_code == 200
    assert "already been used" in errors(answer)
    assert signed_in_user_id(thief) is None


def test_a_wrong_code_is_refused_and_the_form_says_so(editor):
    device = factories.give_authenticator(editor)
    wrong = f"{(int(factories.current_code(device)) + 1) % 1_000_000:06d}"
    client = Client()
    password_step(client, editor.username)
    answer = code_step(client, wrong)
    assert answer.status_code == 200
    assert "wrong" in errors(answer)
    assert signed_in_user_id(client) is None
    assert client.get(ADMIN).status_code == 302


def test_letters_instead_of_a_code_get_a_clear_message(editor):
    factories.give_authenticator(editor)
    client = Client()
    password_step(client, editor.username)
    answer = code_step(client, "abcdef")
    assert answer.status_code == 200
    assert "six digits" in errors(answer)
    assert parse(answer).select_one("input[name='token-otp_token']")["value"] == "abcdef"


def test_after_a_wrong_code_the_right_one_must_wait(editor, frozen_clock):
    device = factories.give_authenticator(editor)
    code = factories.current_code(device)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    client = Client()
    password_step(client, editor.username)
    code_step(client, wrong)
    answer = code_step(client, code)
    assert answer.status_code == 200
    assert "Wait a little" in errors(answer)
    assert signed_in_user_id(client) is None

    frozen_clock.shift(2)  # the first mistake costs one second
    assert code_step(client, code).status_code == 302


def test_repeated_wrong_codes_lengthen_the_wait(editor, frozen_clock):
    device = factories.give_authenticator(editor)
    client = Client()
    password_step(client, editor.username)
    wrong = "000000" if factories.current_code(device) != "000000" else "111111"
    for n in range(3):
        code_step(client, wrong)
        frozen_clock.shift(2**n + 0.5)  # each mistake costs 1, 2, 4 … seconds; wait it out
    code_step(client, wrong)
    device.refresh_from_db()
    assert device.throttling_failure_count == 4
    frozen_clock.shift(2)  # well short of the 8 seconds four mistakes cost
    answer = code_step(client, factories.current_code(device, steps_ahead=0))
    assert "Wait a little" in errors(answer)


def test_a_recovery_code_signs_in_once(editor):
    factories.give_authenticator(editor)
    codes = recovery_codes(editor)
    client = Client()
    password_step(client, editor.username)
    client.post(LOGIN, {"wizard_goto_step": "backup"})
    assert recovery_step(client, codes[0].upper()).status_code == 302
    assert client.get(ADMIN).status_code == 200

    again = Client()
    password_step(again, editor.username)
    answer = recovery_step(again, codes[0])
    assert answer.status_code == 200
    assert "already been used" in errors(answer)
    assert signed_in_user_id(again) is None
    assert StaticToken.objects.filter(device__user=editor).count() == 2


def test_wrong_recovery_codes_are_throttled_too(editor):
    factories.give_authenticator(editor)
    codes = recovery_codes(editor)
    client = Client()
    password_step(client, editor.username)
    recovery_step(client, "notacode")
    answer = recovery_step(client, codes[0])
    assert "Wait a little" in errors(answer)
    assert signed_in_user_id(client) is None


def test_the_right_password_and_code_do_not_get_through_a_password_lockout(editor, settings):
    device = factories.give_authenticator(editor)
    client = Client()
    for n in range(settings.AXES_FAILURE_LIMIT):
        password_step(client, editor.username, f"guess-{n}")
    assert password_step(client, editor.username).status_code == 429
    assert code_step(client, factories.current_code(device)).status_code in {200, 429}
    assert signed_in_user_id(client) is None


def test_an_editor_without_a_device_is_sent_to_set_one_up_from_any_admin_page(editor):
    client = Client()
    answer = password_step(client, editor.username)
    assert answer.status_code == 302, "no device yet: the password step signs in..."
    for address in (ADMIN, STORIES, reverse("admin:password_change")):
        response = client.get(address)
        assert response.status_code == 302, address
        assert response["Location"].startswith(SETUP), "...but only as far as the setup page"
    assert client.get(SETUP).status_code == 200


def test_enrolment_with_the_first_code_from_the_new_secret_opens_the_admin(editor):
    client = Client()
    password_step(client, editor.username)
    start = client.get(SETUP + "?next=" + STORIES)
    assert start.status_code == 200
    step = "enrolment_view-current_step"
    client.post(SETUP + "?next=" + STORIES, {step: "welcome"})
    shown = client.post(SETUP + "?next=" + STORIES, {step: "method", "method-method": "generator"})
    page = parse(shown)
    secret = page.select_one(".signin-secret").text.strip()
    qr = page.select_one("img.signin-qr")["src"]
    assert qr == reverse("two_factor:qr")
    image = client.get(qr)
    assert image.status_code == 200 and image["Content-Type"].startswith("image/svg+xml")

    key = base64.b32decode(secret)
    code = f"{totp(key):06d}"
    done = client.post(SETUP + "?next=" + STORIES, {step: "generator", "generator-token": code})
    assert done.status_code == 302
    assert done["Location"].startswith(reverse("two_factor:setup_complete"))
    complete = parse(client.get(done["Location"]))
    links = [a["href"] for a in complete.select("#content-main a")]
    assert reverse("two_factor:backup_tokens") in links, "it asks for recovery codes"
    assert STORIES in links, "then leads on to where the person was going"
    assert TOTPDevice.objects.filter(user=editor, confirmed=True).count() == 1
    assert client.get(ADMIN).status_code == 200
    assert client.get(STORIES).status_code == 200


def test_a_wrong_first_code_does_not_enrol(editor):
    client = Client()
    password_step(client, editor.username)
    step = "enrolment_view-current_step"
    client.post(SETUP, {step: "welcome"})
    answer = client.post(SETUP, {step: "generator", "generator-token": "12 34 56"})
    assert answer.status_code == 200
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert client.get(ADMIN).status_code == 302


@pytest.mark.password_only
def test_a_session_that_passed_the_password_only_gets_nothing_from_the_admin(editor):
    factories.give_authenticator(editor)
    client = Client()
    client.force_login(editor)
    response = client.get(STORIES)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN), "a device exists: enter its code"
    assert client.get(reverse("admin:articles_article_add")).status_code == 302


@pytest.mark.password_only
def test_superusers_must_use_a_second_factor():
    boss = factories.make_user("sam", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(boss)
    response = client.get(ADMIN)
    assert response.status_code == 302 and response["Location"].startswith(SETUP)


@pytest.mark.password_only
def test_reporters_may_use_a_password_alone_unless_every_staff_account_must(reporter, settings):
    client = Client()
    client.force_login(reporter)
    assert client.get(ADMIN).status_code == 200
    settings.NEWSROOM_2FA_REQUIRED = "staff"
    response = client.get(ADMIN)
    assert response.status_code == 302 and response["Location"].startswith(SETUP)


@pytest.mark.password_only
def test_demo_logins_skip_the_second_factor_only_with_debug_on(editor, settings):
    demo_editor = factories.make_editor("editor")
    DemoLogin.objects.create(user=demo_editor)
    demo, real = Client(), Client()
    demo.force_login(demo_editor)
    real.force_login(editor)

    settings.DEBUG = True
    assert demo.get(ADMIN).status_code == 200
    assert real.get(ADMIN).status_code == 302, "never for an account the demo did not make"

    settings.DEBUG = False
    response = demo.get(ADMIN)
    assert response.status_code == 302 and response["Location"].startswith(SETUP)


def test_load_demo_marks_its_logins_and_only_them(settings):
    from articles.demo import DEMO_USERS, _users

    _users()
    marked = set(DemoLogin.objects.values_list("user__username", flat=True))
    assert marked == {demo_user.username for demo_user in DEMO_USERS}
    factories.make_editor("marek")
    assert not DemoLogin.objects.filter(user__username="marek").exists()


def test_an_account_that_must_use_a_second_factor_cannot_turn_it_off(editor_client, editor):
    profile = editor_client.get(reverse("two_factor:profile"))
    assert profile.status_code == 200
    response = editor_client.post(reverse("two_factor:disable"), {"understand": "on"})
    assert response.status_code == 302
    assert TOTPDevice.objects.filter(user=editor).exists()


def test_a_reporter_may_turn_it_off(reporter_client, reporter):
    response = reporter_client.post(reverse("two_factor:disable"), {"understand": "on"})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=reporter).exists()


def test_new_recovery_codes_replace_the_old_ones(editor_client, editor):
    old = recovery_codes(editor)
    page = editor_client.post(reverse("two_factor:backup_tokens"), follow=True)
    shown = [node.text for node in parse(page).select(".signin-codes code")]
    assert len(shown) == 10
    assert not set(old) & set(shown)
    assert set(
        StaticToken.objects.filter(device__user=editor).values_list("token", flat=True)
    ) == set(shown)


def test_the_admin_links_to_two_factor_sign_in(editor_client):
    links = [a["href"] for a in parse(editor_client.get(ADMIN)).select("#user-tools a")]
    assert reverse("two_factor:profile") in links


def test_sign_in_pages_have_no_inline_script_or_style_and_are_never_cached(
    editor, editor_client, second_editor
):
    factories.give_authenticator(editor)
    enrolling = Client()
    password_step(enrolling, second_editor.username)
    pages = [
        enrolling.get(SETUP),
        enrolling.post(SETUP, {"enrolment_view-current_step": "welcome"}),
        Client().get(LOGIN),
        password_step(Client(), editor.username),
        editor_client.get(reverse("two_factor:profile")),
        editor_client.get(reverse("two_factor:backup_tokens")),
    ]
    for response in pages:
        assert response.status_code == 200
        page = parse(response)
        assert not page.select("style, [style]")
        assert all(script.get("src") for script in page.select("script"))
        assert not [img for img in page.select("img") if img["src"].startswith("data:")]
        assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_the_old_two_factor_login_address_leads_to_the_admin_login():
    response = Client().get(reverse("two_factor:login") + "?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_an_unknown_user_is_not_told_apart_at_the_password_step(editor):
    factories.give_authenticator(editor)
    assert get_user_model().objects.filter(username="nobody").count() == 0
    unknown = password_step(Client(), "nobody", "guess")
    wrong = password_step(Client(), editor.username, "guess")
    assert errors(unknown) == errors(wrong)


# -- a lost phone ------------------------------------------------------------------------------


def test_a_superuser_resets_a_lost_phone_from_the_user_list(superuser, editor):
    factories.give_authenticator(editor)
    recovery_codes(editor)
    boss = Client()
    boss.force_login(superuser)
    theirs = Client()
    theirs.force_login(editor)
    response = boss.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_two_factor", "_selected_action": [editor.pk]},
        follow=True,
    )
    assert "reset for: marek" in parse(response).select_one(".messagelist").text
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticDevice.objects.filter(user=editor).exists()
    back = theirs.get(ADMIN)
    assert back.status_code == 302 and back["Location"].startswith(SETUP), "set it up again"


def test_nobody_resets_their_own_second_factor_and_editors_not_a_superusers(
    superuser, editor, second_editor, reporter
):
    from accounts import reset

    for user in (superuser, editor, second_editor, reporter):
        factories.give_authenticator(user)
    assert reset.may_reset_second_factor(editor, reporter)
    assert reset.may_reset_second_factor(editor, second_editor)
    assert not reset.may_reset_second_factor(editor, superuser)
    assert not reset.may_reset_second_factor(editor, editor)
    assert not reset.may_reset_second_factor(superuser, superuser)
    assert not reset.may_reset_second_factor(reporter, second_editor)
    with pytest.raises(PermissionDenied):
        reset.reset_second_factor(reporter, second_editor)
    assert TOTPDevice.objects.filter(user=second_editor).exists()
