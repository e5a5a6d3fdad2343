"""How the corrupt-input suite judges a run: the rules every run follows, and what a case owes."""

import re

REQUIREMENT = {True: "succeed", False: "fail", None: "either"}  # from a case's flags
EXHAUSTED = re.compile(r"bad_alloc|out of memory|cannot allocate memory|length_error", re.I)
LS_TOTAL = re.compile(rb"^\d+ frames, ", re.M)
LISTED_FRAME = re.compile(r"^\s*(\d+)\s+-?\d{4,}-\d\d-\d\dT", re.M)


def reads(command, o):
    """Whether the command read the file and gave its result."""
    line = o.first_error_line()
    if o.status == 0:
        return True
    if command.startswith("diff") and o.status == 1 and not line.startswith("netsnap:"):
        return True  # diff's "something differs"
    if command == "ls" and o.status == 1 and LS_TOTAL.search(o.out.head):
        return True  # the whole listing, and 1 for "the file needed recovery"
    return command.startswith("show") and bool(o.status) and line.startswith("netstat:")


DATA_FORMATS = ("dump", "export jsonl")  # commands whose output is for programs, not terminals


def bound_problems(command, o, limits):
    """What broke the bounds every run has: signals, hangs, memory, control characters."""
    problems = []
    if o.timed_out:
        problems.append("no answer within %g s" % limits.hang_seconds)
    elif o.signal:
        problems.append("killed by %s" % o.exit_text())
    if o.rss_mib > limits.rss_mib:
        problems.append("peak RSS %.0f MiB > %d" % (o.rss_mib, limits.rss_mib))
    for name, stream in (("stdout", o.out), ("stderr", o.err)):
        control = stream.control
        if not control and not (name == "stdout" and command.startswith(DATA_FORMATS)):
            control = stream.c1_control
        if control:
            problems.append("raw control byte in %s at byte %d: %r" % ((name,) + control))
    return problems


def run_problems(command, o, requirement, case, limits):
    """Everything wrong with one run of command on case's file."""
    problems = bound_problems(command, o, limits)
    if o.timed_out or o.signal:
        return problems
    line = o.first_error_line()
    if not reads(command, o):
        if not line:
            problems.append("exit %d with nothing on stderr" % o.status)
        elif not line.startswith("netsnap:"):
            problems.append("exit %d, not a netsnap message: %r" % (o.status, line[:100]))
        if EXHAUSTED.search(o.stderr_text()):
            problems.append("ran out of memory: %r" % line[:100])
        if case.get("message") and not re.search(case["message"], o.stderr_text()):
            problems.append("message does not say %r: %r" % (case["message"], line[:100]))
    if requirement == "succeed" and not reads(command, o):
        problems.append("must read this file (exit %s: %r)" % (o.exit_text(), line[:100]))
    if requirement == "fail" and reads(command, o):
        problems.append("must refuse this file, exit %d" % o.status)
    for pattern in case.get("forbidden", []):
        for stream in (o.out.head, o.err.head):
            found = re.search(pattern.encode(), stream)
            if found:
                problems.append("printed %r" %
                                bytes(stream[max(0, found.start() - 20):found.end() + 5]))
    return problems


def requirement_of(case, command, flag):
    """succeed, fail or either: what case owes command (case's `either` list wins)."""
    if command in case.get("either", []):
        return "either"
    return REQUIREMENT[case[flag]]


def listed_frames(o):
    """The FRAME column of `ls` output, in listed order."""
    return [int(n) for n in LISTED_FRAME.findall(o.out.head.decode("utf-8", "replace"))]


class Row:
    """One line of the table: a check made of one or more runs."""

    def __init__(self, case, command, outcomes, problems):
        self.case, self.command, self.problems = case, command, problems
        self.exit = outcomes[0].exit_text() if outcomes else "-"
        self.rss_mib = max((o.rss_mib for o in outcomes), default=0.0)
        self.wall_s = max((o.wall_s for o in outcomes), default=0.0)

    def text(self):
        """The row as printed."""
        verdict = "ok" if not self.problems else "FAIL: " + "; ".join(self.problems)
        return "%-36s %-30s %5s %8.1f %6.2f  %s" % (self.case, self.command, self.exit,
                                                     self.rss_mib, self.wall_s, verdict)
