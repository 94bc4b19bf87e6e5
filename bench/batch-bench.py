#!/usr/bin/env python3
"""Batch rendering against -j: `lreport charts` over the synthetic 63-province set
(tests/data/provinces: 63 charts x vi,en x png,pdf = 252 files) at -j 1 and -j 2, alternated
in the same run so both see the same machine. Prints wall and CPU time per run, the best and
the median of each, and the -j 2 / -j 1 ratio (target on 2 cores: <= 0.55). The load average
is printed too: on a shared machine the ratio means little when the load is above the cores.

Usage: batch-bench.py LREPORT SOURCE_DIR [RUNS] [JOBS]   (RUNS default 5, JOBS default 2)
"""
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def run(lreport, data, out, jobs):
    shutil.rmtree(out, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([lreport, "charts", "--data", data, "--out", out, "--formats", "png,pdf",
                    "--lang", "vi,en", "-j", str(jobs)], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    files = len(os.listdir(out))
    return wall, cpu, files


def main():
    lreport, source = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    jobs = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    data = os.path.join(source, "tests", "data", "provinces")
    scratch = tempfile.mkdtemp(prefix="lreport-batch-")
    results = {1: [], jobs: []}
    print(f"lreport charts, 63 provinces x vi,en x png,pdf; {os.cpu_count()} cores; "
          f"load average {os.getloadavg()[0]:.2f} at start")
    try:
        run(lreport, data, os.path.join(scratch, "warm"), 1)  # fonts and files into the caches
        for i in range(runs):
            for j in (1, jobs):
                wall, cpu, files = run(lreport, data, os.path.join(scratch, f"j{j}"), j)
                results[j].append(wall)
                print(f"  run {i + 1} -j {j}: {wall:6.2f} s wall, {cpu:6.2f} s CPU, {files} files")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    best = {j: min(v) for j, v in results.items()}
    median = {j: statistics.median(v) for j, v in results.items()}
    for j in (1, jobs):
        print(f"-j {j}: best {best[j]:.2f} s, median {median[j]:.2f} s "
              f"({best[j] / 252 * 1000:.1f} ms a file at best)")
    print(f"-j {jobs} / -j 1: {best[jobs] / best[1]:.2f} best, {median[jobs] / median[1]:.2f} median "
          f"(target <= 0.55 on 2 cores); load average {os.getloadavg()[0]:.2f} at end")


main()
