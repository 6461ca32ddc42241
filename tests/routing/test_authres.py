"""Authentication-Results of the trusted relay: a real parser, and only from trusted networks."""

from __future__ import annotations

import pytest

from routing.authres import UnreadableResults, parse_networks, peer_in, relay_results


def test_networks_and_peers() -> None:
    nets = parse_networks("10.0.0.0/8, 2001:db8::/32")
    assert peer_in("10.1.2.3", nets) and peer_in("::ffff:10.1.2.3", nets) and peer_in("[2001:db8::5]", nets)
    assert not peer_in("203.0.113.9", nets) and not peer_in("", nets) and not peer_in("not-an-ip", nets)
    assert not peer_in("10.1.2.3", ())
    with pytest.raises(ValueError, match="CIDR"):
        parse_networks("10.0.0.0/33")


def test_topmost_header_of_the_relay_is_read_with_quotes_and_comments_respected() -> None:
    values = [b" other.example; dmarc=pass header.from=aws.com\r\n",
              b" mx.reseller.example; spf=pass smtp.mailfrom=\"a;dmarc=pass header.from=aws.com\";\r\n"
              b" dkim=pass (good; dmarc=pass) header.d=aws.com header.b=AbCd\r\n",
              b" mx.reseller.example; dmarc=pass header.from=aws.com\r\n"]
    results = relay_results(values, "MX.reseller.example")
    assert results is not None
    assert results.first("dmarc") is None
    spf = results.first("spf")
    assert spf is not None and spf.prop("smtp.mailfrom") == "a;dmarc=pass header.from=aws.com"
    dkim = results.first("dkim")
    assert dkim is not None and dkim.result == "pass" and dkim.prop("header.b") == "abcd"
    assert relay_results(values[:1], "mx.reseller.example") is None


def test_unparseable_relay_header_is_refused() -> None:
    with pytest.raises(UnreadableResults):
        relay_results([b" mx.reseller.example; ;;; ="], "mx.reseller.example")
    with pytest.raises(UnreadableResults):
        relay_results([b" mx.reseller.example; dkim=pass header.d=\xc3\xa4.example"], "mx.reseller.example")


@pytest.mark.parametrize("value", [b";", b" ; mx.reseller.example; dmarc=pass", b" (comment) ;dkim=pass", b"   ", b""])
def test_a_header_without_an_authserv_id_is_no_relays_and_raises_nothing(value: bytes) -> None:
    """A hostile Authentication-Results that opens with ";" (or holds nothing) names no authserv-id: it
    is not the relay's header (hypothesis found the ";" case in test_attack_corpus)."""
    assert relay_results([value], "mx.reseller.example") is None
