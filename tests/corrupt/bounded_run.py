"""Runs one command as a stranger's file would be opened: stdin closed, memory and time bounded.

The child gets RLIMIT_AS (a runaway allocation fails instead of swapping the machine), no core
files, and a cap on file size; it runs in its own session and is killed with its group when the
hang bound passes. Its peak RSS comes from wait4()'s rusage. Output is read as it comes: only the
first HEAD_BYTES of each stream are kept, and every byte is scanned for control characters.
"""

import os
import re
import resource
import signal
import subprocess
import threading
import time

HEAD_BYTES = 1 << 20
FILE_SIZE_LIMIT = 4 << 30  # above the 2 GiB sparse case, which `record --append` extends
# C0 controls but \t and \n, and DEL: never raw in any output.
CONTROL = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]")
# C1 controls as UTF-8 (U+0080..U+009F; U+009B is CSI): never raw in text for a terminal (JSON and
# Cap'n Proto text carry them as the UTF-8 they are).
C1_CONTROL = re.compile(rb"\xc2[\x80-\x9f]")


class StreamScan(threading.Thread):
    """Drains one pipe: keeps its head, counts its bytes, remembers its first control byte."""

    def __init__(self, pipe):
        super().__init__(daemon=True)
        self.pipe = pipe
        self.head = bytearray()
        self.size = 0
        self.control = None  # (offset, the bytes around it)
        self.c1_control = None  # the same for a C1 control
        self.start()

    def run(self):
        """The thread: reads the pipe to its end."""
        carry = b""  # the last byte of the previous chunk: \xc2 may end it
        while True:
            chunk = self.pipe.read1(1 << 16) if hasattr(self.pipe, "read1") else \
                self.pipe.read(1 << 16)
            if not chunk:
                break
            if len(self.head) < HEAD_BYTES:
                self.head += chunk[:HEAD_BYTES - len(self.head)]
            window = carry + chunk
            if self.control is None:
                self.control = self.first(CONTROL, window, len(carry))
            if self.c1_control is None:
                self.c1_control = self.first(C1_CONTROL, window, len(carry))
            carry = chunk[-1:]
            self.size += len(chunk)
        self.pipe.close()

    def first(self, pattern, window, carried):
        """(offset, the bytes around it) of pattern's first match in window, or None."""
        found = pattern.search(window)
        if not found:
            return None
        at = found.start()
        return (self.size - carried + at, window[max(0, at - 12):at + 12])


class Outcome:
    """What one bounded run did."""

    def __init__(self, argv, status, signal_number, timed_out, rss_mib, wall_s, out, err):
        self.argv = argv
        self.status = status  # exit status, None when killed
        self.signal = signal_number
        self.timed_out = timed_out
        self.rss_mib = rss_mib
        self.wall_s = wall_s
        self.out, self.err = out, err  # StreamScan

    def stderr_text(self):
        """The head of stderr, decoded for messages."""
        return self.err.head.decode("utf-8", "replace")

    def first_error_line(self):
        """The first line of stderr ("" when it printed nothing)."""
        return self.stderr_text().split("\n", 1)[0]

    def exit_text(self):
        """The exit column of the table: a status, a signal name, or "hang"."""
        if self.timed_out:
            return "hang"
        if self.signal:
            return signal.Signals(self.signal).name
        return str(self.status)


def _limit(address_space):
    """Runs in the child before exec: closes stdin and sets the resource limits."""
    def apply():
        """preexec_fn."""
        os.close(0)
        if address_space:
            resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_SIZE_LIMIT, FILE_SIZE_LIMIT))
    return apply


def _kill_group(pid, fired):
    """The hang bound passed: ends the child's process group (only ours: its own session)."""
    fired.append(True)
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


class Running:
    """A command started under the limits; finish() waits for it."""

    def __init__(self, argv, hang_s, address_space, cwd=None):
        self.argv = argv
        self.start = time.monotonic()
        self.proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, preexec_fn=_limit(address_space),
                                     start_new_session=True, cwd=cwd)
        self.pid = self.proc.pid
        self.out, self.err = StreamScan(self.proc.stdout), StreamScan(self.proc.stderr)
        self.fired = []
        self.timer = threading.Timer(hang_s, _kill_group, (self.pid, self.fired))
        self.timer.start()

    def finish(self):
        """Waits for the command and returns its Outcome."""
        os.waitid(os.P_PID, self.pid, os.WEXITED | os.WNOWAIT)  # exited, pid not yet free
        wall = time.monotonic() - self.start
        self.timer.cancel()  # and joined before reaping: the timer never signals a recycled group
        self.timer.join()
        _, wait_status, usage = os.wait4(self.pid, 0)
        self.proc.returncode = os.waitstatus_to_exitcode(wait_status)  # reaped here, not by Popen
        self.out.join()
        self.err.join()
        killed = os.WTERMSIG(wait_status) if os.WIFSIGNALED(wait_status) else None
        status = None if killed else os.WEXITSTATUS(wait_status)
        return Outcome(self.argv, status, killed, bool(self.fired), usage.ru_maxrss / 1024.0, wall,
                       self.out, self.err)


def run_bounded(argv, hang_s, address_space, cwd=None):
    """Runs argv under the limits and returns its Outcome."""
    return Running(argv, hang_s, address_space, cwd).finish()
