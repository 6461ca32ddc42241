"""aiosmtpd's own protocol tests (``test_smtp``, ``test_starttls``, ``test_smtpsmuggling`` from the
sdist of the installed version, see :mod:`tests.conformance.upstream`) run against RootmailSMTP.

Their test classes and fixtures are imported here unchanged; the server class comes from
``get_controller`` in :mod:`tests.conformance.conftest`. Left out: the classes that build aiosmtpd's
``SMTP`` directly or through their own controller subclass (``TestProtocol``, ``TestTimeout``,
``TestAuthArgs``, ``TestSanitize``, ``TestTLSContext``): they test aiosmtpd, not our class.
"""

from __future__ import annotations

import pytest

from tests.conformance import upstream

_conftest = upstream.load("conftest")
_smtp = upstream.load("test_smtp")
_starttls = upstream.load("test_starttls")
_smuggling = upstream.load("test_smtpsmuggling")

# aiosmtpd's fixtures (their conftest's autouse ``cache_fqdn`` patches socket.getfqdn: left out)
get_handler = _conftest.get_handler
plain_controller = _conftest.plain_controller
nodecode_controller = _conftest.nodecode_controller
decoding_controller = _conftest.decoding_controller
client = _conftest.client
ssl_context_server = _conftest.ssl_context_server
ssl_context_client = _conftest.ssl_context_client
silence_event_loop_closed = _conftest.silence_event_loop_closed
auth_peeker_controller = _smtp.auth_peeker_controller
authenticator_peeker_controller = _smtp.authenticator_peeker_controller
decoding_authnotls_controller = _smtp.decoding_authnotls_controller
tls_controller = _starttls.tls_controller
tls_req_controller = _starttls.tls_req_controller
auth_req_tls_controller = _starttls.auth_req_tls_controller

# aiosmtpd's test classes that reach the server through get_controller
TestSMTP = _smtp.TestSMTP
TestSMTPNonDecoding = _smtp.TestSMTPNonDecoding
TestSMTPAuth = _smtp.TestSMTPAuth
TestAuthMechanisms = _smtp.TestAuthMechanisms
TestAuthenticator = _smtp.TestAuthenticator
TestRequiredAuthentication = _smtp.TestRequiredAuthentication
TestResetCommands = _smtp.TestResetCommands
TestSMTPWithController = _smtp.TestSMTPWithController
TestCustomization = _smtp.TestCustomization
TestClientCrash = _smtp.TestClientCrash
TestStrictASCII = _smtp.TestStrictASCII
TestSleepingHandler = _smtp.TestSleepingHandler
TestLimits = _smtp.TestLimits
TestNoTLS = _starttls.TestNoTLS
TestStartTLS = _starttls.TestStartTLS
TestTLSEnding = _starttls.TestTLSEnding
TestTLSForgetsSessionData = _starttls.TestTLSForgetsSessionData
TestRequireTLS = _starttls.TestRequireTLS
TestRequireTLSAUTH = _starttls.TestRequireTLSAUTH
TestSmuggling = _smuggling.TestSmuggling


@pytest.fixture
def error_controller() -> None:
    """aiosmtpd's ``error_controller`` serves its own ``ErrorSMTP`` subclass: not about RootmailSMTP."""
    pytest.skip("uses aiosmtpd's ErrorController (its own SMTP subclass): tests aiosmtpd, not RootmailSMTP")
