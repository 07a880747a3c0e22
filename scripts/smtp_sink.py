#!/usr/bin/env python3
"""A real SMTP server on loopback for the tests (issue 24), on aiosmtpd.

Two listeners: one plain with STARTTLS offered, one with TLS from the first byte. Both ask for
AUTH (PLAIN/LOGIN) once TLS is on when --user is given. Each accepted message is written to
MAILDIR/<n>.eml with an `X-Envelope-To` line first. Recipients steer failures, so the tests can
check retries and refusals against a real server:

  busy…@   the first RCPT for that address gets 451 (passing), later ones are accepted
  reject…@ every RCPT gets 550 (permanent)

It prints one line `ready PLAIN_PORT TLS_PORT CERT_FILE` when listening and runs until stdin
closes (the test that started it ends), so it never outlives its test.

  python3 scripts/smtp_sink.py MAILDIR [--user NAME:PASSWORD]
"""
import argparse
import asyncio
import itertools
import os
import socket
import ssl
import subprocess
import sys
import tempfile
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def self_signed(folder):
    cert, key = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", cert],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return cert, key


class Sink:
    def __init__(self, maildir):
        self.maildir = maildir
        self.counter = itertools.count(1)
        self.seen_busy = set()
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0].lower()
        if local.startswith("reject"):
            return "550 5.1.1 mailbox unavailable"
        if local.startswith("busy"):
            with self.lock:
                first = address not in self.seen_busy
                self.seen_busy.add(address)
            if first:
                return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            n = next(self.counter)
        path = os.path.join(self.maildir, f"{n:05d}.eml")
        with open(path + ".part", "wb") as f:
            f.write(f"X-Envelope-To: {','.join(envelope.rcpt_tos)}\r\n".encode())
            f.write(f"X-Envelope-From: {envelope.mail_from}\r\n".encode())
            f.write(f"X-Authenticated: {session.authenticated}\r\n".encode())
            f.write(envelope.original_content)
        os.rename(path + ".part", path)
        return f"250 2.0.0 Ok: queued as sink-{n}"


def authenticator(expected):
    def check(server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword):
            given = f"{auth_data.login.decode()}:{auth_data.password.decode()}"
            return AuthResult(success=given == expected, handled=False)
        return AuthResult(success=False, handled=False)
    return check


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("maildir")
    parser.add_argument("--user", default="")
    args = parser.parse_args()
    os.makedirs(args.maildir, exist_ok=True)
    folder = tempfile.mkdtemp(prefix="smtp-sink-")
    cert, key = self_signed(folder)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    sink = Sink(args.maildir)
    common = dict(hostname="127.0.0.1", server_hostname="localhost")
    if args.user:
        common.update(authenticator=authenticator(args.user), auth_required=True, auth_require_tls=True)
    plain = Controller(sink, port=free_port(), tls_context=context, **common)
    # aiosmtpd does not count TLS from the first byte as TLS for auth_require_tls, so that listener
    # offers AUTH without the check (the connection is encrypted either way).
    implicit = Controller(sink, port=free_port(), ssl_context=context, **dict(common, auth_require_tls=False))
    plain.start()
    implicit.start()
    print(f"ready {plain.port} {implicit.port} {cert}", flush=True)
    try:
        sys.stdin.read()
    finally:
        plain.stop()
        implicit.stop()


if __name__ == "__main__":
    main()
