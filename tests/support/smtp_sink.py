#!/usr/bin/env python3
"""A test SMTP server that accepts mail and writes every message it accepts as one JSON line.

The mail tests start it through `tests/support/smtp.rs`; it can be run by hand too:

    python3 tests/support/smtp_sink.py --port 0 --out /tmp/mail.jsonl

It prints `PORT n` (the port it listens on, on 127.0.0.1) as the first line of stdout, then
appends one JSON object per accepted message to --out: the envelope (mail_from, rcpt_tos), the
Message-ID, the subject, the decoded text/plain and text/html parts and every header. It stops
on SIGTERM, SIGINT, or when its standard input closes, so a test process that dies without
cleaning up does not leave it running.

--reject REGEX: a recipient matching it is refused for good (550), as a mailbox that does not
exist. --defer-once REGEX: the first RCPT TO of each matching recipient is refused for now
(451) and later ones accepted, as a greylisting server does. Both match case-insensitively
anywhere in the address.

It needs aiosmtpd (Debian's python3-aiosmtpd, which `cargo xtask test` installs).
"""

import argparse
import asyncio
import json
import logging
import os
import re
import signal
import sys
import threading
from email import policy
from email.parser import BytesParser

from aiosmtpd.smtp import SMTP

REJECTED = "550 5.1.1 mailbox unavailable"
DEFERRED = "451 4.3.0 try again later"


class Sink:
    """The aiosmtpd handler: decides recipients and records what is delivered."""

    def __init__(self, out, reject, defer_once):
        self.out = out
        self.reject = reject
        self.defer_once = defer_once
        # Addresses already deferred once, lower-cased: the next attempt is accepted.
        self.deferred = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.reject is not None and self.reject.search(address):
            return REJECTED
        key = address.lower()
        if self.defer_once is not None and self.defer_once.search(address):
            if key not in self.deferred:
                self.deferred.add(key)
                return DEFERRED
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        try:
            record = describe(raw, envelope)
        except Exception as error:  # A message we cannot parse is a test failure, not a crash.
            logging.exception("could not parse a message")
            return f"554 5.6.0 unparseable message: {error}"
        # One write and a flush per line: the reader polls the file while we append to it, and
        # takes only lines that end in a newline.
        self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.out.flush()
        return "250 2.0.0 message accepted"


def part_text(message, subtype):
    """The decoded body of the message's preferred `text/{subtype}` part, or ""."""
    body = message.get_body(preferencelist=(subtype,))
    if body is None or body.get_content_subtype() != subtype:
        return ""
    # Line ends as the tests write them, whatever the transfer encoding kept.
    return body.get_content().replace("\r\n", "\n")


def describe(raw, envelope):
    message = BytesParser(policy=policy.default).parsebytes(raw)
    return {
        "mail_from": envelope.mail_from,
        "rcpt_tos": list(envelope.rcpt_tos),
        "message_id": str(message.get("Message-ID", "")),
        "subject": str(message.get("Subject", "")),
        "to": str(message.get("To", "")),
        "text": part_text(message, "plain"),
        "html": part_text(message, "html"),
        # A list of pairs, not an object: a header may appear more than once.
        "headers": [[name, str(value)] for name, value in message.items()],
    }


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--out", required=True, help="the JSON-lines file to append to")
    parser.add_argument("--reject", help="refuse matching recipients with a 550")
    parser.add_argument("--defer-once", help="refuse matching recipients once with a 451")
    return parser.parse_args()


def pattern(text):
    return re.compile(text, re.IGNORECASE) if text else None


def watch_stdin(loop, stop):
    """Sets `stop` once standard input reaches its end (the parent closed it or died)."""

    def read():
        # The raw descriptor, not sys.stdin: a daemon thread blocked inside the buffered
        # reader holds its lock, and Python aborts at exit when it finds that lock taken.
        try:
            while os.read(sys.stdin.fileno(), 4096):
                pass
        except (OSError, ValueError):
            pass
        loop.call_soon_threadsafe(stop.set)

    threading.Thread(target=read, daemon=True).start()


async def serve(args):
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    with open(args.out, "a", encoding="utf-8") as out:
        sink = Sink(out, pattern(args.reject), pattern(args.defer_once))
        # A fixed hostname: without one aiosmtpd asks getfqdn() on every connection, which
        # waits on DNS where there is none.
        server = await loop.create_server(
            lambda: SMTP(sink, hostname="sink.test", ident="ballot test sink"),
            host=args.host,
            port=args.port,
        )
        port = server.sockets[0].getsockname()[1]
        print(f"PORT {port}", flush=True)
        watch_stdin(loop, stop)
        await stop.wait()
        # No wait_closed(): a client that keeps its connection open (lettre pools them)
        # would hold the exit up.
        server.close()


def main():
    logging.basicConfig(level=logging.WARNING, format="smtp_sink: %(levelname)s %(message)s")
    asyncio.run(serve(parse_args()))


if __name__ == "__main__":
    main()
