"""The suite's checks that are no single hostile file: two recorders on one file, and a
2-million-frame timeline (issue 9's acceptance: the second recorder refused, the first's frames
intact; the last of 2 million frames read within the bounds, its time printed by --bounds).
"""

import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "tools", "corrupt"))
import timeline_bytes  # noqa: E402
from verdicts import Row, bound_problems, listed_frames, run_problems  # noqa: E402

MINIMAL_ROOT = os.path.join(REPO, "fixtures", "minimal")
FIRST_RECORDER_FRAMES = 40  # 0.05 s apart: 2 s, while the second recorders try
NO_CASE = {}  # run_problems' case: no extra rules


def record(path, count, *flags):
    """The arguments of a quick recording of fixtures/minimal into path."""
    return ["record", "--root", MINIMAL_ROOT, "--interval", "0.05", "--count", str(count),
            *flags, "-o", path]


def wait_for_first_frame(path, timeout_s=5.0):
    """Waits until the recorder has written its first record (or the timeout passed)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if os.path.exists(path) and os.path.getsize(path) > timeline_bytes.FILE_HEADER_SIZE + 64:
            return
        time.sleep(0.01)


def two_recorders(suite):
    """A recorder runs; second recorders on its file (--append, --force, neither) are refused
    with the first one's pid; afterwards the file holds the first one's frames, all whole."""
    name = "two-recorders"
    work = os.path.join(suite.scratch, name)
    os.makedirs(work, exist_ok=True)
    path = os.path.join(work, "shared.nsnap")
    first = suite.start(record(path, FIRST_RECORDER_FRAMES))
    wait_for_first_frame(path)
    for flags in (["--append"], ["--force"], []):
        command = "second record %s" % (" ".join(flags) or "(no flag)")
        o = suite.run(record(path, 3, *flags))
        problems = run_problems("record", o, "fail", NO_CASE, suite.args)
        if flags and str(first.pid) not in o.stderr_text():
            problems.append("does not name the recording pid %d" % first.pid)
        suite.add_row(Row(name, command, [o], problems))
    o = first.finish()
    problems = run_problems("record", o, "succeed", NO_CASE, suite.args)
    problems += whole_frames(path, FIRST_RECORDER_FRAMES)
    ls = suite.run(["ls", path])
    problems += bound_problems("ls", ls, suite.args)
    if ls.status != 0 or listed_frames(ls) != list(range(FIRST_RECORDER_FRAMES)):
        problems.append("ls (exit %s) does not list frames 0..%d alone" %
                        (ls.exit_text(), FIRST_RECORDER_FRAMES - 1))
    suite.add_row(Row(name, "first record, then ls", [o, ls], problems))


def whole_frames(path, count):
    """What is wrong with path as a whole timeline of frames 0..count-1 (read without netsnap)."""
    with open(path, "rb") as f:
        records, problems = timeline_bytes.verify_records(f.read())
    frames = [r.frame for r in records
              if r.kind in (timeline_bytes.KEYFRAME, timeline_bytes.DELTA)]
    if frames != list(range(count)):
        problems.append("the file holds frames %s, not 0..%d" % (short_list(frames), count - 1))
    return problems


def short_list(numbers):
    """A list of frame numbers, cut short for a verdict."""
    text = ",".join(map(str, numbers[:12]))
    return text + (",...(%d)" % len(numbers) if len(numbers) > 12 else "")


def long_timeline(suite, tool, frames):
    """A legitimate timeline of `frames` frames (make_long_timeline): its last frame, a middle one
    and the index are read within the bounds, and `record --append` keeps them."""
    name = "two-million-frames" if frames == 2_000_000 else "%d-frames" % frames
    path = os.path.join(suite.scratch, name + ".nsnap")
    made = subprocess.run([tool, path, str(frames)], check=True, stdout=subprocess.PIPE,
                          stdin=subprocess.DEVNULL, text=True).stdout.split()
    first_ns, step_ns = int(made[1]), int(made[2])

    def time_of(frame):
        """The capture time make_long_timeline gave frame."""
        return first_ns + frame * step_ns

    last, middle = frames - 1, frames // 2
    suite.check_frame(name, path, "dump --frame -1", "-1", time_of(last))
    suite.check_frame(name, path, "dump --frame %d" % middle, str(middle), time_of(middle))
    for command, arguments in (("show -tanp", ["show", path, "-tanp"]),
                               ("ls --from -1", ["ls", path, "--from", "-1"])):
        o = suite.run(arguments)
        problems = run_problems(command, o, "succeed", NO_CASE, suite.args)
        if command.startswith("ls") and listed_frames(o) != [last]:
            problems.append("ls --from -1 does not list frame %d alone" % last)
        suite.add_row(Row(name, command, [o], problems))
    o = suite.run(["record", "--root", MINIMAL_ROOT, "--count", "1", "--append", "-o", path])
    suite.add_row(Row(name, "record --append", [o],
                      run_problems("record --append", o, "succeed", NO_CASE, suite.args)))
    suite.check_frame(name, path, "after append: old last frame", str(last),
                      time_of(last))
    tail = suite.run(["dump", path, "--frame", "-1"])
    problems = bound_problems("dump", tail, suite.args)
    if tail.status != 0 or not re.search(rb'hostname = "minimal"', tail.out.head):
        problems.append("the appended frame is not the last one")
    suite.add_row(Row(name, "after append: dump --frame -1", [tail], problems))
    os.remove(path)
