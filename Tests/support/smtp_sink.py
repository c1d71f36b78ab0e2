#!/usr/bin/env python3
"""An SMTP sink for the delivery tests (aiosmtpd), on 127.0.0.1 only.

Usage: smtp_sink.py FOLDER [plain|starttls|tls]. Prints "PORT <n>" once listening on a free port; exits when stdin closes.
Each message is written as FOLDER/<uuid>.eml (the DATA as received) and then FOLDER/<uuid>.json
({"mailFrom", "rcptTos", "login"}), both atomically. Recipients starting with "reject4" get a 450,
"reject5" a 550. AUTH PLAIN/LOGIN is accepted without TLS for user "mailer" with password "smtp-secret".
Mode starttls requires STARTTLS, mode tls speaks TLS from the first byte (SMTPS); both use a fresh
self-signed certificate for 127.0.0.1 written to FOLDER/<mode>-cert.pem (made with the openssl command).
"""
import asyncio
import json
import logging
import os
import ssl
import subprocess
import sys
import threading
import uuid

from aiosmtpd.smtp import SMTP, AuthResult


def write_atomically(path, data):
    temp = path + ".tmp"
    with open(temp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.rename(temp, path)


class Sink:
    def __init__(self, folder):
        self.folder = folder

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("reject4"):
            return "450 4.2.1 Mailbox busy, try later"
        if address.startswith("reject5"):
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        base = os.path.join(self.folder, uuid.uuid4().hex)
        write_atomically(base + ".eml", envelope.original_content or envelope.content)
        login = session.auth_data.decode() if isinstance(session.auth_data, bytes) else None
        meta = {"mailFrom": envelope.mail_from, "rcptTos": envelope.rcpt_tos, "login": login}
        write_atomically(base + ".json", json.dumps(meta).encode())
        return "250 Message accepted"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = auth_data.login == b"mailer" and auth_data.password == b"smtp-secret"
    if not ok:
        return AuthResult(success=False, handled=False)
    return AuthResult(success=True, auth_data=auth_data.login)


def exit_when_stdin_closes():
    sys.stdin.read()
    os._exit(0)


def tls_context(folder, mode):
    cert = os.path.join(folder, f"{mode}-cert.pem")
    key = os.path.join(folder, f"{mode}-key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-keyout", key,
                    "-out", cert, "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
                   check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


async def serve(folder, mode):
    loop = asyncio.get_running_loop()
    handler = Sink(folder)
    context = tls_context(folder, mode) if mode != "plain" else None
    server = await loop.create_server(
        lambda: SMTP(handler, authenticator=authenticate, auth_require_tls=False, decode_data=False,
                     require_starttls=mode == "starttls", tls_context=context if mode == "starttls" else None),
        "127.0.0.1", 0, ssl=context if mode == "tls" else None)
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    await asyncio.Event().wait()


def main():
    logging.getLogger("mail.log").setLevel(logging.ERROR)  # aiosmtpd warns about its own legacy login_data
    folder = sys.argv[1]
    mode = sys.argv[2] if len(sys.argv) > 2 else "plain"
    os.makedirs(folder, exist_ok=True)
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    asyncio.run(serve(folder, mode))


if __name__ == "__main__":
    main()
