"""Child process for test_crash: a small fork server whose children write saves in a loop
until they are killed.

Usage: python crash_writer.py FOLDER. Reads commands on stdin, one a line:
"write N" forks a writer that writes save after save numbered from N, and prints its pid;
"reap PID" waits for that (killed) writer and prints how it ended (the signal number,
or -1 if it stopped by itself). Forking from an already
imported process makes each restart cost a millisecond instead of a Python start-up.
Every save's content derives from its number, so the parent can tell whole from broken.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import sys
from pathlib import Path
from typing import Any

from vn.save import SaveStore

PAGE_SLOTS = ("1-1", "1-2", "quick")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def payload(number: int) -> str:
    """Between 0 and about 130 KB of text, different for every number."""
    unit = hashlib.sha256(str(number).encode()).hexdigest()
    return unit * (number * 7919 % 2000)


def thumbnail(number: int) -> bytes:
    return PNG_SIGNATURE + str(number).encode() * (number % 500 + 1)


def state(number: int, slot: str) -> dict[str, Any]:
    text = payload(number)
    return {
        "n": number,
        "slot": slot,
        "payload": text,
        "digest": hashlib.sha256(text.encode()).hexdigest(),
    }


def write_forever(folder: Path, first: int) -> None:
    store = SaveStore(folder)
    for number in itertools.count(first):
        meta = {"line_text": f"line {number}", "n": number}
        which = number % 4
        if which < len(PAGE_SLOTS):
            slot = PAGE_SLOTS[which]
            store.write(slot, meta, state(number, slot), thumbnail(number))
        else:
            store.autosave(meta, state(number, "auto"), thumbnail(number))


def serve(folder: Path) -> None:
    print("ready", flush=True)
    for line in sys.stdin:
        command, _, argument = line.partition(" ")
        if command == "write":
            pid = os.fork()
            if pid == 0:
                try:
                    write_forever(folder, int(argument))
                finally:
                    os._exit(3)
            print(pid, flush=True)
        elif command == "reap":
            _, status = os.waitpid(int(argument), 0)
            print(os.WTERMSIG(status) if os.WIFSIGNALED(status) else -1, flush=True)


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
