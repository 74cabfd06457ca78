#!/usr/bin/env python3
"""Time one edited record under `dossier serve` (bench/run.sh calls this; docs/performance.md).

Starts `dossier serve` on SITE, waits for its first build, then ROUNDS times appends a line to one
record and measures:
  serve-render  what serve reports as "page ready in N ms": from the change being noticed to the
                edited record's page being servable (parsed and rendered alone, PagePreview);
  serve-page    from the file being written to the HTTP server answering with the new text
                (adds the watcher's 100 ms quiet period and the snapshot of the tree);
  serve-build   what serve reports as "built in N ms": the whole incremental rebuild behind it.
Appends "size<TAB>tool<TAB>round<TAB>µs<TAB>0<TAB>0" lines to RAW. The record is restored on exit.
Python 3 stdlib only.
"""

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Log:
    """serve's output, read on a thread; `wait` blocks until a new line matches."""

    def __init__(self, stream):
        self.lines, self.cond = [], threading.Condition()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream):
        for raw in stream:
            with self.cond:
                self.lines.append(raw.decode("utf-8", "replace").rstrip("\n"))
                self.cond.notify_all()
        with self.cond:
            self.lines.append(None)
            self.cond.notify_all()

    def wait(self, pattern, start, timeout):
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for i in range(start, len(self.lines)):
                    if self.lines[i] is None:
                        raise SystemExit("bench: dossier serve stopped:\n" + "\n".join(l for l in self.lines if l))
                    match = re.search(pattern, self.lines[i])
                    if match:
                        return i, match
                left = deadline - time.monotonic()
                if left <= 0:
                    raise SystemExit(f"bench: no '{pattern}' from dossier serve within {timeout} s:\n"
                                     + "\n".join(l for l in self.lines[-20:] if l))
                self.cond.wait(left)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--dossier", required=True)
    ap.add_argument("--site", required=True)
    ap.add_argument("--output", required=True)
    ap.add_argument("--record", required=True, help="site-relative path of the record to edit")
    ap.add_argument("--size", required=True)
    ap.add_argument("--rounds", type=int, required=True)
    ap.add_argument("--as-of", required=True)
    ap.add_argument("--raw", required=True)
    args = ap.parse_args()

    record = os.path.join(args.site, args.record)
    backup = record + ".bench-orig"
    page = "records/{}/{}.html".format(args.record.split("/")[2], os.path.basename(args.record)[:-3])
    port = free_port()
    shutil.copy2(record, backup)
    serve = subprocess.Popen([args.dossier, "serve", "--root", args.site, "--output", args.output, "--port", str(port),
                              "--as-of", args.as_of], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    log = Log(serve.stdout)
    try:
        seen, _ = log.wait(r"built in \d+ ms", 0, 600)
        with open(args.raw, "a") as raw:
            # Round 0 is a warm-up (untimed): the first change after start-up also waits for the watcher.
            for round_ in range(0, args.rounds + 1):
                marker = f"serve bench round {round_} {time.time_ns()}"
                start = time.monotonic()
                with open(record, "a", encoding="utf-8") as f:
                    f.write(f"\n{marker}\n")
                # Poll the page until it shows the edit.
                while True:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{page}", timeout=30) as response:
                        if marker.encode() in response.read():
                            break
                    if time.monotonic() - start > 120:
                        raise SystemExit(f"bench: {page} never showed the edit")
                    time.sleep(0.002)
                served = time.monotonic() - start
                ready_line, ready = log.wait(r"page ready in (\d+) ms", seen + 1, 120)
                seen, built = log.wait(r"built in (\d+) ms", ready_line, 600)
                if round_ == 0:
                    continue
                for tool, micros in (("serve-render", int(ready.group(1)) * 1000), ("serve-page", int(served * 1e6)),
                                     ("serve-build", int(built.group(1)) * 1000)):
                    raw.write(f"{args.size}\t{tool}\t{round_}\t{micros}\t0\t0\n")
                print(f"  serve: page ready in {ready.group(1)} ms, served {served * 1000:.0f} ms after the write, "
                      f"rebuilt in {built.group(1)} ms", flush=True)
    finally:
        serve.terminate()
        try:
            serve.wait(timeout=10)
        except subprocess.TimeoutExpired:
            serve.kill()
        os.replace(backup, record)


if __name__ == "__main__":
    sys.exit(main())
