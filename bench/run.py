#!/usr/bin/env python3
"""Runs the benchmark of `make bench` and prints the table.

Every measurement alternates the floor (a C program that only parses the
same files with libyaml's event parser) with the contender: floor, tool,
floor, tool, ... for --pairs pairs; the table shows medians of wall time and
peak memory, and each contender's ratio to the floor measured in the same
pairs. Targets come from the project's performance goals; each row says
whether its target is met in this run.

Wall time on a shared machine wanders by tens of percent between runs, so
the instruction counts of the same commands (valgrind --tool=callgrind,
which repeats exactly whatever else the machine does) are reported beside
them, with their own targets.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys


MEASURE = None  # bench/measure, set in main()
RESULT = None


def run_once(command):
    """Wall seconds and peak RSS (KiB) of one run of `command`, taken by bench/measure."""
    subprocess.run([MEASURE, RESULT, *command], check=True)
    with open(RESULT) as result:
        seconds, peak, code = result.read().split()
    if int(code) not in (0, 1):
        sys.exit(f"bench: {' '.join(command)} exited with {code}")
    return float(seconds), int(peak)


def measure(command, repeat):
    """Mean wall time and max RSS over `repeat` back-to-back runs (short commands need several)."""
    times, peaks = [], []
    for _ in range(repeat):
        seconds, peak = run_once(command)
        times.append(seconds)
        peaks.append(peak)
    return sum(times) / repeat, max(peaks)


def instructions(command):
    """Instructions the whole process executes (callgrind's total)."""
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    for line in run.stderr.decode(errors="replace").splitlines():
        if "Collected :" in line:
            return int(line.split("Collected :")[1].strip())
    sys.exit(f"bench: no instruction count for {' '.join(command)}")


def alternate(floor, contender, pairs, repeat=1):
    floor_runs, tool_runs = [], []
    for _ in range(pairs):
        floor_runs.append(measure(floor, repeat))
        tool_runs.append(measure(contender, repeat))
    med = lambda runs, i: statistics.median(r[i] for r in runs)
    return {
        "floor_seconds": med(floor_runs, 0), "floor_rss_kib": med(floor_runs, 1),
        "seconds": med(tool_runs, 0), "rss_kib": med(tool_runs, 1),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", required=True, help="folder made by gen_corpus.py")
    parser.add_argument("--tool", required=True)
    parser.add_argument("--floor", required=True)
    parser.add_argument("--yams", required=True)
    parser.add_argument("--pyyaml", required=True)
    parser.add_argument("--measure", required=True, help="the bench/measure binary")
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()
    if args.pairs < 5:
        sys.exit("bench: at least five pairs")
    global MEASURE, RESULT
    MEASURE, RESULT = args.measure, os.path.join(args.data, "measure.out")

    corpus = os.path.join(args.data, "corpus")
    small = os.path.join(args.data, "large-2000.yaml")
    large = os.path.join(args.data, "large-20000.yaml")
    typical = sorted(os.path.join(root, name) for root, _, names in os.walk(corpus) for name in names)[len(os.listdir(corpus)) // 2]
    floor = lambda *paths: [args.floor, *paths]
    tool = lambda *extra: [args.tool, "validate", *extra]
    rows = []

    def row(name, result, target=None, ratio=None, met=None):
        rows.append({"name": name, **result, "target": target, "ratio": ratio, "met": met})

    print(f"bench: {args.pairs} alternated pairs per row; corpus {corpus}", file=sys.stderr)
    one = alternate(floor(corpus), tool("--jobs", "1", corpus), args.pairs)
    row("maestro-topo validate --jobs 1, corpus", one, "<= 1.25x floor",
        one["seconds"] / one["floor_seconds"], one["seconds"] / one["floor_seconds"] <= 1.25)
    default = alternate(floor(corpus), tool(corpus), args.pairs)
    row("maestro-topo validate (all cores), corpus", default, "<= 0.75x floor",
        default["seconds"] / default["floor_seconds"], default["seconds"] / default["floor_seconds"] <= 0.75)
    # Peers are compared with maestro-topo through each one's ratio to the
    # floor of its own pairs, so a machine that slows down between rows does
    # not tilt the comparison.
    tool_ratio = default["seconds"] / default["floor_seconds"]
    yams = alternate(floor(corpus), [args.yams, corpus], args.pairs)
    yams_ratio = yams["seconds"] / yams["floor_seconds"]
    row("Yams + Codable peer, corpus", yams, ">= 10x slower than maestro-topo", yams_ratio, yams_ratio / tool_ratio >= 10)
    pyyaml = alternate(floor(corpus), [sys.executable, args.pyyaml, corpus], args.pairs)
    pyyaml_ratio = pyyaml["seconds"] / pyyaml["floor_seconds"]
    row("PyYAML CSafeLoader peer, corpus", pyyaml, ">= 10x slower than maestro-topo", pyyaml_ratio,
        pyyaml_ratio / tool_ratio >= 10)
    single = alternate(floor(typical), tool(typical), args.pairs, repeat=40)
    row("maestro-topo validate, one typical file (whole process)", single, "<= 4x floor",
        single["seconds"] / single["floor_seconds"], single["seconds"] / single["floor_seconds"] <= 4)
    two_thousand = alternate(floor(small), tool(small), args.pairs, repeat=5)
    row("maestro-topo validate, 2,000 hosts", two_thousand, None, two_thousand["seconds"] / two_thousand["floor_seconds"])
    twenty_thousand = alternate(floor(large), tool(large), args.pairs)
    growth = twenty_thousand["seconds"] / two_thousand["seconds"]
    row("maestro-topo validate, 20,000 hosts", twenty_thousand, "<= 11x the 2,000-host time",
        twenty_thousand["seconds"] / twenty_thousand["floor_seconds"], growth <= 11)
    # `plan` must stay linear: on 100,000 hosts at most 3x what validate takes on the same file.
    huge = os.path.join(args.data, "large-100000.yaml")
    limit = ["--max-hosts", "200000"]
    scaling = alternate([args.tool, "validate", *limit, huge], [args.tool, "plan", *limit, huge], args.pairs)
    plan_ratio = scaling["seconds"] / scaling["floor_seconds"]
    rows.append({"name": "maestro-topo plan, 100,000 hosts (against validate)", "seconds": scaling["seconds"],
                 "floor_seconds": scaling["floor_seconds"], "rss_kib": scaling["rss_kib"],
                 "floor_rss_kib": scaling["floor_rss_kib"], "target": "<= 3x validate", "ratio": plan_ratio,
                 "met": plan_ratio <= 3})

    # Instruction counts: the same ratios, repeatable to the instruction.
    print("bench: instruction counts (valgrind)", file=sys.stderr)
    slice_ = [os.path.join(corpus, "d%03d" % i) for i in range(10)]  # 1,000 files
    counted = []
    floor_slice = instructions(floor(*slice_))
    tool_slice = instructions(tool("--jobs", "1", *slice_))
    counted.append(("validate --jobs 1, 1,000 corpus files", tool_slice, floor_slice, "<= 1.5x floor",
                    tool_slice / floor_slice <= 1.5))
    floor_one = instructions(floor(typical))
    tool_one = instructions(tool(typical))
    counted.append(("validate, one typical file (whole process)", tool_one, floor_one, "<= 0.6 M instructions",
                    tool_one <= 600_000))
    twenty = os.path.join(args.data, "large-20000.yaml")
    validate_twenty = instructions([args.tool, "validate", twenty])
    plan_twenty = instructions([args.tool, "plan", twenty])
    counted.append(("plan, 20,000 hosts (against validate)", plan_twenty, validate_twenty, "<= 3x validate",
                    plan_twenty / validate_twenty <= 3))

    size_kib = os.path.getsize(large) / 1024
    baseline = single["rss_kib"]  # the same binary on one small file
    memory_ok = twenty_thousand["rss_kib"] - baseline <= 10 * size_kib

    print()
    print(f"{'measurement':58} {'wall':>9} {'floor':>9} {'ratio':>7} {'peak RSS':>10}  target (met?)")
    for r in rows:
        target = f"{r['target']} ({'met' if r['met'] else 'NOT met'})" if r["target"] else ""
        print(f"{r['name']:58} {r['seconds']:8.3f}s {r['floor_seconds']:8.3f}s {r['ratio']:6.2f}x "
              f"{r['rss_kib'] / 1024:8.1f}MB  {target}")
    print()
    print(f"{'instructions':58} {'tool':>12} {'against':>12} {'ratio':>7}  target (met?)")
    for name, count, against, target, met in counted:
        print(f"{name:58} {count / 1e6:10.2f} M {against / 1e6:10.2f} M {count / against:6.2f}x  "
              f"{target} ({'met' if met else 'NOT met'})")
    print()
    print(f"peers against maestro-topo (all cores), through their ratios to the floor: "
          f"Yams {yams_ratio / tool_ratio:.1f}x slower, PyYAML {pyyaml_ratio / tool_ratio:.1f}x slower")
    print(f"20,000 vs 2,000 hosts: {growth:.2f}x the time (target <= 11x: {'met' if growth <= 11 else 'NOT met'})")
    print(f"20,000 hosts: peak RSS {twenty_thousand['rss_kib'] / 1024:.1f} MB for a {size_kib / 1024:.1f} MB file, "
          f"{(twenty_thousand['rss_kib'] - baseline) / 1024:.1f} MB above one small file's run "
          f"(target <= 10x the file size: {'met' if memory_ok else 'NOT met'})")
    if args.json:
        with open(args.json, "w") as out:
            json.dump({"rows": rows, "growth": growth, "memory_ok": memory_ok, "file_kib": size_kib,
                       "pairs": args.pairs,
                       "instructions": [{"name": n, "count": c, "against": a, "ratio": c / a, "target": t, "met": m}
                                        for n, c, a, t, m in counted]}, out, indent=2)


if __name__ == "__main__":
    main()
