"""The original sender a forwarded mail names: the address of the first "From:" line of its forwarded header block
("-------- Weitergeleitete Nachricht --------" … "Von: Amazon Web Services <invoicing@aws.com>"), in the ten languages
AWS writes in.

What it returns is read from the body, which anyone can write: it is evidence for the notice *type* only (which AWS
family sent the words the mail forwards), never for authenticity, which :mod:`routing.authenticate` judges from the
mail's own signatures and envelope. A forwarded mail stays unverified whatever its block says.
"""

from __future__ import annotations

import re

__all__ = ["forwarded_sender"]

# a forwarded or quoted original's marker line (en, de, fr, es, pt, it, nl, ja, zh, ko; Outlook's rule of underscores)
_MARKER = re.compile(r"^[ \t>]*(?:-{2,}[ \t]*(?:forwarded message|original message|weitergeleitete nachricht|"
                     r"ursprüngliche nachricht|message transf[ée]r[ée]|message d.origine|mensaje reenviado|"
                     r"mensaje original|mensagem encaminhada|mensagem original|messaggio inoltrato|"
                     r"messaggio originale|doorgestuurd bericht|oorspronkelijk bericht|転送されたメッセージ|"
                     r"元のメッセージ|转发的邮件|原始邮件|轉寄的郵件|原始郵件|전달된 메시지|원본 메시지)[ \t]*-{2,}|"
                     r"begin forwarded message:|_{16,})[ \t]*$", re.IGNORECASE | re.MULTILINE)
# the forwarded header block's sender line, its address in angle brackets or bare ("Von: AWS <invoicing@aws.com>",
# "De : no-reply@…", "差出人: …", "寄件者：…", "보낸 사람: …")
_FROM_LINE = re.compile(r"^[ \t>*]*(?:from|von|de|da|van|差出人|送信者|发件人|發件人|寄件者|寄件人|"
                        r"보낸 ?사람)[ \t]*[:：]"
                        r"[^\n@]{0,120}?<?(?P<address>[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8})>?[ \t]*$",
                        re.IGNORECASE | re.MULTILINE)
#: how far after its marker a forwarded block's sender line is looked for (the block's few header lines)
_BLOCK_REACH = 600


def forwarded_sender(body: str) -> str | None:
    """The lower-cased address of the first forwarded block's sender line in ``body`` (within its header lines, right
    after the block's marker), or None where the body forwards nothing."""
    marker = _MARKER.search(body)
    if marker is None:
        return None
    found = _FROM_LINE.search(body, marker.end(), marker.end() + _BLOCK_REACH)
    return found.group("address").lower() if found is not None else None
