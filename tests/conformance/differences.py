"""Where RootmailSMTP deliberately differs from aiosmtpd, and which of aiosmtpd's own tests show it.

This is the one list of deliberate differences (ingest/protocol.py refers here). Each test below
is marked ``xfail(strict=True)`` with its reason by tests/conformance/conftest.py, so a test that
starts to pass (a difference gone) fails the run as surely as a new difference does.

1. **Enhanced status codes** (RFC 2034/3463). Our replies carry codes (``503 5.5.1``, ``530 5.7.0``,
   ``552 5.3.4``, ``500 5.5.2``) where aiosmtpd writes none, and every other reply of class 2/4/5
   gets a generic one (``250 2.0.0 OK``). The generic rewrite is switched off for this run
   (``ConformanceSMTP``: aiosmtpd compares every reply text exactly) and tested on its own in
   tests/ingest/test_smtp_replies.py; the named rewrites stay on and show here.
2. **EHLO** names PIPELINING and ENHANCEDSTATUSCODES, and never AUTH.
3. **No AUTH.** rootmail has no authentication: AUTH is not advertised and answers ``502 5.5.1``,
   so every login of aiosmtpd's AUTH tests fails (their fixtures that log in error at set-up).
4. **Abuse limits** (ingest.session_guard): the junk-command budget answers ``421 4.7.0`` and closes
   before aiosmtpd's per-command ``command_call_limit`` would.
5. **DATA reader** (ingest.data_reader): reads chunks, not aiosmtpd's lines, so a test that fakes
   aiosmtpd's line assembly sees nothing, and a message both too long in lines and too big is
   answered "too big" (552) where aiosmtpd answers "line too long" (500).
6. **PROXY**: aiosmtpd's PROXY tests are not run (test_proxyprotocol drives aiosmtpd's own class);
   ours read the header only from trusted peers (tests/ingest/test_proxy_trust.py).

Tests of aiosmtpd's classes rather than ours (``TestProtocol``, ``TestTimeout``, ``TestAuthArgs``,
``TestSanitize``, ``TestTLSContext``, the custom controllers) are not run or are skipped with the reason.
"""

from __future__ import annotations

ENHANCED_CODES = "our enhanced status codes: the reply text starts with an RFC 3463 code (difference 1)"
EHLO = "EHLO advertises PIPELINING and ENHANCEDSTATUSCODES and no AUTH (difference 2)"
NO_AUTH = "no AUTH: rootmail offers no authentication, AUTH answers 502 5.5.1 (difference 3)"
ABUSE = "abuse limits: the junk-command budget closes with 421 4.7.0 first (difference 4)"
DATA_READER = "DATA reader: chunked, not aiosmtpd's line reader (difference 5)"

_BY_REASON: dict[str, tuple[str, ...]] = {
    ENHANCED_CODES: (
        "TestSMTP::test_data_no_rcpt",
        "TestTLSForgetsSessionData::test_forget_rcpt",
        "TestRequireTLS::test_helo_fails", "TestRequireTLS::test_help_fails", "TestRequireTLS::test_mail_fails",
        "TestRequireTLS::test_rcpt_fails", "TestRequireTLS::test_vrfy_fails", "TestRequireTLS::test_data_fails",
        "TestSMTPWithController::test_mail_with_size_too_large",
        "TestSMTPWithController::test_too_long_message_body",
        "TestSMTPWithController::test_data_line_too_long",
        "TestSMTPWithController::test_long_line_double_count",
        "TestSMTPWithController::test_too_long_body_delay_error",
        "TestSMTPWithController::test_too_long_body_then_too_long_lines",
        "TestSMTPWithController::test_too_long_line_delay_error",
    ),
    EHLO: ("TestSMTP::test_ehlo", "TestAuthMechanisms::test_ehlo"),
    NO_AUTH: (
        "TestSMTPAuth",  # the whole class logs in
        "TestAuthMechanisms::test_not_supported_mechanism", "TestAuthMechanisms::test_custom_mechanism",
        "TestAuthMechanisms::test_disabled_mechanism", "TestAuthMechanisms::test_byclient",
        "TestAuthMechanisms::test_plain1_bad_base64_encoding", "TestAuthMechanisms::test_plain1_bad_base64_length",
        "TestAuthMechanisms::test_plain1_too_many_values", "TestAuthMechanisms::test_plain1_bad_username",
        "TestAuthMechanisms::test_plain1_bad_password", "TestAuthMechanisms::test_plain1_empty",
        "TestAuthMechanisms::test_plain1_good_credentials", "TestAuthMechanisms::test_login2_bad_base64",
        "TestAuthMechanisms::test_login2_good_credentials", "TestAuthMechanisms::test_DENYFALSE",
        "TestAuthMechanisms::test_DENYMISSING", "TestAuthMechanisms::test_NONE",
        "TestAuthMechanisms::test_plain2_good_credentials", "TestAuthMechanisms::test_plain2_bad_credentials",
        "TestAuthMechanisms::test_plain2_no_credentials", "TestAuthMechanisms::test_plain2_abort",
        "TestAuthMechanisms::test_plain2_bad_base64_encoding", "TestAuthMechanisms::test_login3_good_credentials",
        "TestAuthMechanisms::test_login3_bad_base64", "TestAuthMechanisms::test_login3_bad_username",
        "TestAuthMechanisms::test_login3_bad_password", "TestAuthMechanisms::test_login3_empty_credentials",
        "TestAuthMechanisms::test_login3_abort_username", "TestAuthMechanisms::test_login3_abort_password",
        "TestAuthenticator::test_success", "TestAuthenticator::test_fail_withmesg",
        "TestRequiredAuthentication::test_help_authenticated",
        "TestRequiredAuthentication::test_rcpt_nomail_authenticated",
        "TestRequiredAuthentication::test_data_authenticated",
        "TestRequiredAuthentication::test_vrfy_authenticated",
        "TestRequiredAuthentication::test_mail_authenticated",
        "TestRequiredAuthentication::test_data_norcpt_authenticated",
        "TestRequireTLSAUTH::test_auth_notls", "TestRequireTLSAUTH::test_auth_tls",
    ),
    ABUSE: ("TestLimits::test_different_limits", "TestLimits::test_different_limits_custom_default"),
    DATA_READER: (
        "TestSMTPWithController::test_long_line_leak",
        "TestSMTPWithController::test_too_long_lines_then_too_long_body",
    ),
}

#: ``Class::test`` (any parameters) or ``Class`` (every test in it) -> why RootmailSMTP differs there.
EXPECTED_TO_DIFFER: dict[str, str] = {name: reason for reason, names in _BY_REASON.items() for name in names}
