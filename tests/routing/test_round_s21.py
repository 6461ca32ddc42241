"""Session 21's first round, in our own words (none of these sentences is in a fixture): an SES verification link's
``Context`` names the account the mail is about, whatever account the prose names beside it; an account the reader's
is written masked beside another one named in full; a card written masked is no account."""

from __future__ import annotations

from datetime import date

from routing.deadline import find_deadline
from tests.routing.mailbuild import classify

GENERAL = "no-reply-aws@amazon.com"
BILLING = "aws-billing@amazon.com"
SENT = "Tue, 09 Mar 2027 10:30:00 +0100"
LINK = ("https://email-verification.ap-south-2.amazonaws.com/?Namespace=Bacon&Context={context}&"
        "Identity.IdentityName=ops%40tenant.example&Operation=ConfirmVerification&Signature=Zq81kdPA0x")


def test_the_ses_context_wins_over_an_account_named_in_prose() -> None:
    body = (f"Please confirm that you own this address for Amazon SES in Asia Pacific (Hyderabad):\n\n"
            f"{LINK.format(context='730418826651')}\n\nThe request was made on behalf of your organization by the "
            f"sending account 412290587736, which manages identities for its members.\n")
    notice = classify(GENERAL, "Amazon SES address verification request", f"Hello,\n\n{body}", date=SENT)
    assert notice.aws_account_id == "730418826651"


def test_an_all_zero_context_names_no_account() -> None:
    body = f"Confirm this address for Amazon SES:\n\n{LINK.format(context='000000000000')}\n"
    assert classify(GENERAL, "Amazon SES address verification request", f"Hello,\n\n{body}",
                    date=SENT).aws_account_id is None


def test_the_readers_account_masked_beside_another_named_in_full() -> None:
    body = ("Account 904417726630 has asked to pay the charges of your AWS account ********2215 from May 1, 2027. "
            "Accept or decline the request on the Billing transfer page.\n")
    assert classify(BILLING, "Billing transfer request for your AWS account", f"Hello,\n\n{body}",
                    date=SENT).aws_account_id is None
    body = ("Das AWS-Konto 904417726630 möchte die Rechnungen Ihres Kontos xxxx-xxxx-2215 übernehmen. Sie können die "
            "Anfrage in der Konsole annehmen oder ablehnen.\n")
    assert classify(BILLING, "Anfrage zur Übertragung der Abrechnung", f"Hallo,\n\n{body}",
                    date=SENT).aws_account_id is None


def test_a_masked_form_that_ends_like_the_named_account_keeps_it() -> None:
    body = ("Your AWS account 904417726630 (shown on the invoice as ********6630) has an unpaid balance of USD 412.08. "
            "Please pay it by March 25, 2027.\n")
    assert classify(BILLING, "Your AWS account has a past due balance", f"Hello,\n\n{body}",
                    date=SENT).aws_account_id == "904417726630"


def test_a_masked_card_is_no_account() -> None:
    body = ("We could not charge your card **** **** **** 7781 for AWS account 904417726630. Update your payment "
            "method by March 25, 2027 to avoid an interruption.\n")
    assert classify(BILLING, "Your AWS payment was declined", f"Hello,\n\n{body}",
                    date=SENT).aws_account_id == "904417726630"


def test_a_root_user_sign_in_that_will_require_mfa_in_each_language() -> None:
    bodies = [
        ("Hinweis", "Hallo,\n\nab dem 1. Juli 2027 ist für die Anmeldung als Root-Benutzer Ihres Kontos "
                    "507733190216 eine Multi-Faktor-Authentifizierung (MFA) erforderlich.\n"),
        ("お知らせ", "お客様\n\n2027年7月1日以降、アカウント 507733190216 のルートユーザーで"
                     "サインインするには多要素認証 (MFA) が必要になります。\n"),
        ("안내", "안녕하세요.\n\n2027년 7월 1일부터 계정 507733190216 의 루트 사용자 로그인에 MFA가 필수입니다.\n"),
        ("Aviso", "Hola:\n\nA partir del 1 de julio de 2027, el usuario raíz de la cuenta 507733190216 deberá "
                  "usar la autenticación multifactor (MFA) para iniciar sesión.\n"),
        (None, "Hello,\n\nThe root user of your AWS account 507733190216 has no MFA. Beginning July 1, 2027, "
               "signing in as the root user without MFA will no longer be possible.\n"),
    ]
    for subject, body in bodies:
        notice = classify(GENERAL, subject, body, date=SENT)
        # (a requirement of the root user is a review of its credentials; the policy change it is also counts)
        assert notice.notice_type in {"security.root_review", "policy.change_notice"}, subject
        assert notice.deadline == "2027-07-01", subject


def test_an_mfa_device_removed_from_the_root_user_stays_a_deactivation() -> None:
    body = ("Olá,\n\nO dispositivo MFA do utilizador raiz da conta 507733190216 foi removido. Sem MFA, o início de "
            "sessão usa apenas a palavra-passe.\n")
    notice = classify("no-reply@signin.aws", "Dispositivo MFA removido", body, date=SENT)
    assert notice.notice_type == "credentials.mfa_deactivated"


HEALTH = "health@aws.com"


def test_a_software_version_that_retires_is_an_end_of_support() -> None:
    mails = [
        ("[Action Required] Amazon MWAA environment version 2.4.3 retirement",
         "Hello,\n\nAmazon MWAA environment version 2.4.3 reaches its retirement. Environments still on 2.4.3 and "
         "updated on or after 2027-03-09 move to 2.10.1.\n"),
        (None, "Hello,\n\nThe ECS-optimized AMI versions listed below reach retirement on 2027-03-09. Update your "
               "container instances before then.\n"),
        ("Amazon OpenSearch engine version 1.1 is being retired",
         "Hello,\n\nDomains on engine version 1.1 will be upgraded on or after 2027-03-09.\n"),
    ]
    for subject, body in mails:
        notice = classify(HEALTH, subject, body, date=SENT)
        assert (notice.notice_type, notice.deadline) == ("health.end_of_support", "2027-03-09"), subject


def test_an_instance_with_a_software_version_retires_as_an_instance() -> None:
    body = ("Hello,\n\nEC2 has detected degradation of the underlying hardware hosting your instance "
            "i-0c1d2e3f405162738 (agent version 3.2 retirement tooling installed) in us-east-2. The instance is "
            "scheduled for retirement on 2027-03-09.\n")
    assert classify(HEALTH, "[Retirement Notification] Amazon EC2 Instance scheduled for retirement", body,
                    date=SENT).notice_type == "health.instance_retirement"


def test_a_condition_that_still_holds_on_a_date_names_the_deadline() -> None:
    text = ("We learned that your access key AKIAEXAMPLEKEY0042 was posted in a public gist on May 5, 2027.\n\n"
            "Delete the key and check CloudTrail for activity since then. If the key is still enabled on May 14, 2027, "
            "we will attach a policy to the IAM user that owns it.\n")
    assert find_deadline(text, date(2027, 5, 6), "security.exposed_credentials") == "2027-05-14"


def test_a_review_that_lasts_until_a_date() -> None:
    text = ("On 3/2/2027 we started a review of your Amazon SES sending in Europe (Paris) because your bounce rate "
            "rose. The review period lasts until April 2, 2027; if the rate is still high then, sending may be "
            "paused.\n")
    assert find_deadline(text, date(2027, 3, 3), "ses.sending_review") == "2027-04-02"


def test_a_quarantine_policy_already_attached_is_no_deadline() -> None:
    text = ("On May 6, 2027 we attached the AWSCompromisedKeyQuarantineV3 policy to the IAM user. Reply to case "
            "177200339418 within seven (7) days of this message.\n")
    assert find_deadline(text, date(2027, 5, 6), "security.exposed_credentials") == "2027-05-13"


def test_a_window_that_opens_on_a_date() -> None:
    sent = date(2027, 2, 5)
    for text in ("Your file system fs-0c11d2 gets a software update. The window opens on Saturday, March 6, 2027 at "
                 "03:00 UTC and lasts up to two hours.\n",
                 "Actualizaremos el servidor de archivos fs-0c11d2. La ventana comienza el sábado, 6 de marzo de 2027, "
                 "a las 03:00 y dura hasta dos horas.\n",
                 "Nous mettrons à jour le système de fichiers fs-0c11d2. La fenêtre débute le samedi 6 mars 2027 à "
                 "03h00.\n"):
        assert find_deadline(text, sent, "health.scheduled_maintenance") == "2027-03-06", text


def test_an_act_by_date_before_the_window_keeps_its_place() -> None:
    text = ("A required patch is available for your Amazon Neptune clusters. The window starts Tuesday, March 9, 2027 "
            "04:00 UTC. You may apply the patch yourself no later than Monday, March 8, 2027.\n")
    assert find_deadline(text, date(2027, 2, 5), "health.scheduled_maintenance") == "2027-03-08"
