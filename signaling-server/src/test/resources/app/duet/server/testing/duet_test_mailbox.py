"""aiosmtpd's Maildir handler, refusing recipients in the .invalid domains (RFC 2606) as a relay refuses an
address it cannot deliver to: PrivateSmtp starts it for the e-mail verification tests."""
from aiosmtpd.handlers import Mailbox


class RefusingMailbox(Mailbox):
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().rstrip(">").endswith(".invalid"):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"
