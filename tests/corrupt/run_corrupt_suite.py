#!/usr/bin/env python3
"""The corrupt-input suite: every reading command on every hostile timeline, within bounds.

    tests/corrupt/run_corrupt_suite.py --netsnap BINARY --work DIR [--case NAME...]
        [--hang-seconds S] [--rss-mib M] [--address-space-gib G] [--bounds] [--keep]
        [--make-long-timeline PATH] [--long-frames N]

Makes the hostile timelines in DIR/cases (tools/corrupt/make_hostile_timelines.py, which also
says what each case owes), then runs on each of them `ls`, `dump --frame -1`, `show F -tanp`,
`show F -xa`, `show F -i`, `show F -s`, `export --format csv` and `jsonl`, `summary`, `diff F F`,
`materialize F DIR` and, on a copy, `record --root fixtures/minimal --count 1 --append -o COPY`,
plus the case's own extra commands. Each runs with stdin closed, RLIMIT_AS (default 4 GiB), no
core files, and is killed after the hang bound (default 10 s: a hang detector, not a benchmark).

Every run must: not die by a signal; exit 0 with a result, or non-zero with a clear message (the
first line of stderr starts with `netsnap:`; `show` may instead replay netstat's own error and
status, `diff` exit 1 means "differences", `ls` exit 1 after its whole listing means "recovered"),
never an out-of-memory one; peak RSS (wait4) under 256 MiB; no raw control character (C0 but \\t
and \\n, DEL; C1 as UTF-8 too, but in the stdout of dump and export jsonl) in stdout or stderr.
Then, per case: the commands it must read succeed and those it must refuse fail; every intact
frame is listed by `ls` and readable by `dump --frame K` (K is the FRAME that ls shows or its
position in the listing, whichever the reader understands), before and after `record --append`,
which must add its frame; `materialize` creates nothing outside DIR (nor the case's escape paths).

Two checks are no single file (tests/corrupt/scenarios.py): "two-recorders" (while one recorder
runs, a second one with --append, --force or neither is refused, naming the first one's pid, and
the first one's frames are all whole afterwards) and "two-million-frames" (a timeline of
--long-frames frames written by make_long_timeline: its last and middle frames read, within the
same bounds, also after `record --append`).

Prints a row per check (case, command, exit, peak RSS MiB, wall s, verdict), then
"N passed, N failed"; with --bounds, the largest RSS and wall time per case. Exit status 1 if any
check failed, 2 if the cases could not be made.
"""

import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, HERE)
import bounded_run  # noqa: E402
import scenarios  # noqa: E402
from verdicts import (Row, bound_problems, listed_frames, requirement_of,  # noqa: E402
                      run_problems)

GENERATOR = os.path.join(REPO, "tools", "corrupt", "make_hostile_timelines.py")

MINIMAL_ROOT = os.path.join(REPO, "fixtures", "minimal")
APPEND = "record --append"
# (command, arguments after the binary, the case's flag saying whether it must read the file)
COMMANDS = [
    ("ls", ["ls", "{F}"], "timeline"),
    ("dump --frame -1", ["dump", "{F}", "--frame", "-1"], "last_frame"),
    ("show -tanp", ["show", "{F}", "-tanp"], "last_frame"),
    ("show -xa", ["show", "{F}", "-xa"], "last_frame"),
    ("show -i", ["show", "{F}", "-i"], "last_frame"),
    ("show -s", ["show", "{F}", "-s"], "last_frame"),
    ("export csv", ["export", "{F}", "--format", "csv"], "all_frames"),
    ("export jsonl", ["export", "{F}", "--format", "jsonl"], "all_frames"),
    ("summary", ["summary", "{F}"], "all_frames"),
    ("diff F F", ["diff", "{F}", "{F}"], "last_frame"),
    ("materialize", ["materialize", "{F}", "{DIR}"], "last_frame"),
    (APPEND, ["record", "--root", MINIMAL_ROOT, "--count", "1", "--append", "-o", "{COPY}"],
     "timeline"),
]


# ---- the suite ----

class Suite:
    """Runs the checks of every case and keeps the rows."""

    def __init__(self, args, cases_dir, manifest):
        self.args = args
        self.netsnap = os.path.abspath(args.netsnap)
        self.cases_dir = cases_dir
        self.scratch = os.path.join(os.path.abspath(args.work), "run")
        self.tag = manifest["tag"]
        self.rows = []

    def start(self, arguments):
        """Starts netsnap with arguments under the bounds; finish() the result."""
        return bounded_run.Running([self.netsnap] + arguments, self.args.hang_seconds,
                                   int(self.args.address_space_gib * (1 << 30)))

    def run(self, arguments):
        """Runs netsnap with arguments under the bounds."""
        return self.start(arguments).finish()

    def add_row(self, row):
        """Keeps a row and prints it at once (a long run shows its progress)."""
        self.rows.append(row)
        print(row.text(), flush=True)

    def check_case(self, case):
        """Every check of one case."""
        path = os.path.join(self.cases_dir, case["file"])
        for command, template, flag in COMMANDS:
            requirement = requirement_of(case, command, flag)
            if command == APPEND:
                self.check_append(case, path, template, requirement)
            elif command == "materialize":
                self.check_materialize(case, path, template, requirement)
            else:
                self.check_command(case, command, fill(template, path), requirement)
        for arguments, requirement in case.get("extra", []):
            command = " ".join(a for a in arguments if a != "{F}")
            self.check_command(case, command, fill(arguments, path), requirement)
        if case["timeline"] and case["intact"]:
            self.add_row(self.frames_row(case, path, "frames: ls + dump --frame K"))

    def check_scenarios(self):
        """The checks that are no single file: two recorders, a 2-million-frame timeline."""
        wanted = set(self.args.case or ())
        if not wanted or "two-recorders" in wanted:
            self.in_scratch(scenarios.two_recorders, self)
        if not wanted or "two-million-frames" in wanted:
            tool = self.args.make_long_timeline or os.path.join(
                os.path.dirname(self.netsnap), "make_long_timeline")
            if os.access(tool, os.X_OK):
                self.in_scratch(scenarios.long_timeline, self, tool, self.args.long_frames)
            else:
                self.add_row(Row("two-million-frames", "make_long_timeline", [],
                                 ["no %s (ninja -C build make_long_timeline)" % tool]))

    def in_scratch(self, check, *arguments):
        """Runs check with a fresh scratch folder, removed afterwards."""
        os.makedirs(self.scratch, exist_ok=True)
        try:
            check(*arguments)
        finally:
            shutil.rmtree(self.scratch, ignore_errors=True)

    def check_frame(self, case_name, path, command, k, time_ns):
        """dump --frame k must print the frame captured at time_ns."""
        o = self.run(["dump", path, "--frame", k])
        problems = run_problems("dump", o, "succeed", {}, self.args)
        if o.status == 0 and not re.search(rb"captureTimeNs = %d\b" % time_ns, o.out.head):
            problems.append("not the frame captured at %d" % time_ns)
        self.add_row(Row(case_name, command, [o], problems))

    def check_command(self, case, command, arguments, requirement):
        """One command, judged by the rules every run follows and by the case's requirement."""
        o = self.run(arguments)
        self.add_row(Row(case["name"], command, [o],
                         run_problems(command, o, requirement, case, self.args)))

    def check_materialize(self, case, path, template, requirement):
        """materialize into a directory deep in a sandbox; nothing may appear outside it."""
        sandbox = os.path.join(self.scratch, "sandbox")
        target = os.path.join(sandbox, "a", "b", "c", "d", "out")
        os.makedirs(os.path.dirname(target))
        escapes = case.get("escape_paths", [])
        before = {p for pattern in escapes for p in glob.glob(pattern)}
        o = self.run(fill(template, path, target=target))
        problems = run_problems("materialize", o, requirement, case, self.args)
        outside = files_outside(sandbox, target)
        if outside:
            problems.append("created outside DIR: %s" % ", ".join(outside[:3]))
        for created in sorted({p for pattern in escapes for p in glob.glob(pattern)} - before):
            problems.append("created %s" % created)
            remove(created)  # ours: the pattern holds this run's random tag
        shutil.rmtree(sandbox, ignore_errors=True)
        self.add_row(Row(case["name"], "materialize", [o], problems))

    def check_append(self, case, path, template, requirement):
        """record --append on a copy; then every intact frame and the new one must be there."""
        copy = os.path.join(self.scratch, "copy.nsnap")
        subprocess.run(["cp", "--sparse=always", path, copy], check=True)
        o = self.run(fill(template, path, copy=copy))
        self.add_row(Row(case["name"], APPEND, [o],
                         run_problems(APPEND, o, requirement, case, self.args)))
        if case["timeline"]:
            self.add_row(self.frames_row(case, copy, "after append: ls + dump", appended=True))
        os.remove(copy)

    def frames_row(self, case, path, command, appended=False):
        """ls lists every intact frame and dump reads each (and the appended one, if asked)."""
        ls = self.run(["ls", path])
        outcomes = [ls]
        problems = run_problems("ls", ls, "succeed", case, self.args)
        frames = listed_frames(ls)
        for frame, time_ns in case["intact"]:
            if frame not in frames:
                problems.append("frame %d not listed" % frame)
                continue
            if not self.frame_readable(path, frames, frame, time_ns, outcomes, problems):
                problems.append("frame %d (time %d) not readable" % (frame, time_ns))
        if appended:
            self.check_appended_frame(case, path, outcomes, problems)
        return Row(case["name"], command, outcomes, problems)

    def frame_readable(self, path, frames, frame, time_ns, outcomes, problems):
        """dump --frame K prints the frame's time, K its number or its position in the list."""
        want = re.compile(rb"captureTimeNs = %d\b" % time_ns)
        for k in dict.fromkeys([frame, frames.index(frame)]):
            o = self.run(["dump", path, "--frame", str(k)])
            outcomes.append(o)
            problems.extend(bound_problems("dump", o, self.args))
            if o.status == 0 and want.search(o.out.head):
                return True
        return False

    def check_appended_frame(self, case, path, outcomes, problems):
        """The last frame of the copy is the one `record --append` captured of fixtures/minimal."""
        o = self.run(["dump", path, "--frame", "-1"])
        outcomes.append(o)
        problems.extend(bound_problems("dump", o, self.args))
        old = {t for _, t in case["intact"]}
        found = re.search(rb"captureTimeNs = (-?\d+)", o.out.head)
        if o.status != 0 or not found or int(found.group(1)) in old or \
                b'hostname = "minimal"' not in o.out.head:
            problems.append("the appended frame is not the last one")

    def report(self):
        """The tally, and the exit status."""
        failed = sum(1 for r in self.rows if r.problems)
        print("%d passed, %d failed" % (len(self.rows) - failed, failed))
        return 1 if failed else 0

    def print_bounds(self):
        """Per case: the largest peak RSS and wall time of any run, and which command."""
        floor = bounded_run.run_bounded(["true"], self.args.hang_seconds, 0).rss_mib
        print("\nPeak RSS includes the driver's own memory, which fork carries into the child's"
              " ru_maxrss:\n`true` run the same way shows %.1f MiB; a figure near it means"
              " netsnap used at most that." % floor)
        print("%-36s %9s  %-30s %7s  %s" % ("case", "max RSS", "(command)", "max s", "(command)"))
        by_case = {}
        for r in self.rows:
            by_case.setdefault(r.case, []).append(r)
        for name, rows in by_case.items():
            rss = max(rows, key=lambda r: r.rss_mib)
            wall = max(rows, key=lambda r: r.wall_s)
            print("%-36s %5.1f MiB  %-30s %7.2f  %s" % (name, rss.rss_mib, rss.command,
                                                      wall.wall_s, wall.command))


# ---- helpers ----

def fill(template, path, target="", copy=""):
    """The arguments of a command template for one file."""
    values = {"{F}": path, "{DIR}": target, "{COPY}": copy}
    return [values.get(a, a) for a in template]


def files_outside(sandbox, target):
    """Whatever exists in sandbox but the directories leading to target and target's tree."""
    chain = set()
    at = os.path.dirname(target)
    while at.startswith(sandbox):
        chain.add(at)
        at = os.path.dirname(at)
    found = []
    for top, dirs, files in os.walk(sandbox):
        if top == target:
            dirs[:] = []
            continue
        for name in dirs + files:
            full = os.path.join(top, name)
            if full not in chain and full != target:
                found.append(os.path.relpath(full, sandbox))
    return found


def remove(path):
    """Removes a file or a tree that netsnap should not have made."""
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path, ignore_errors=True)
    else:
        os.remove(path)


def make_cases(args):
    """Generates the cases into WORK/cases; returns (folder, manifest)."""
    for tool in ("zstd", "capnp"):
        if not shutil.which(tool):
            sys.exit("run_corrupt_suite: `%s` is missing (tools/setup.sh installs it)" % tool)
    cases_dir = os.path.join(os.path.abspath(args.work), "cases")
    shutil.rmtree(cases_dir, ignore_errors=True)
    # In a process of its own: the driver stays small, and fork() copies its memory into every
    # child's ru_maxrss.
    only = [a for name in args.case or () for a in ("--case", name)]
    subprocess.run([sys.executable, GENERATOR, cases_dir, "--netsnap", args.netsnap] + only,
                   check=True, stdin=subprocess.DEVNULL)
    with open(os.path.join(cases_dir, "cases.json")) as f:
        return cases_dir, json.load(f)


def parse_args():
    """The command line (see the module's docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--netsnap", required=True, help="the netsnap binary under test")
    parser.add_argument("--work", required=True, help="scratch folder (cases are made here)")
    parser.add_argument("--case", action="append", help="run only this case (repeatable)")
    parser.add_argument("--hang-seconds", type=float, default=10.0)
    parser.add_argument("--rss-mib", type=int, default=256)
    parser.add_argument("--address-space-gib", type=float, default=4.0,
                        help="RLIMIT_AS of each run; 0: none (sanitizer builds)")
    parser.add_argument("--make-long-timeline", metavar="PATH",
                        help="the make_long_timeline tool (default: beside the netsnap binary)")
    parser.add_argument("--long-frames", type=int, default=2_000_000,
                        help="frames of the long timeline (default: 2,000,000)")
    parser.add_argument("--bounds", action="store_true",
                        help="also print the largest RSS and wall time per case")
    parser.add_argument("--keep", action="store_true", help="keep WORK/cases afterwards")
    return parser.parse_args()


def main():
    """Makes the cases, runs every check, prints the tally; returns the exit status."""
    args = parse_args()
    try:
        cases_dir, manifest = make_cases(args)
    except (subprocess.CalledProcessError, OSError) as e:
        print("run_corrupt_suite: could not make the cases: %s" % e, file=sys.stderr)
        return 2
    suite = Suite(args, cases_dir, manifest)
    print("%-36s %-30s %5s %8s %6s  %s" % ("case", "command", "exit", "RSS MiB", "wall s",
                                          "verdict"))
    for case in manifest["cases"]:
        suite.in_scratch(suite.check_case, case)
    suite.check_scenarios()
    if args.bounds:
        suite.print_bounds()
    if not args.keep:
        shutil.rmtree(cases_dir, ignore_errors=True)
    return suite.report()


if __name__ == "__main__":
    sys.exit(main())
