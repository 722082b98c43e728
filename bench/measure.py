#!/usr/bin/env python3
"""Runs a command and prints its wall time (s) and peak resident memory (KiB) as JSON.

The wrapper has exactly one child, so RUSAGE_CHILDREN is that child's peak.
"""
import json
import resource
import subprocess
import sys
import time

t0 = time.perf_counter()
proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
elapsed = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": elapsed, "peak_kib": peak, "status": proc.returncode, "stderr": proc.stderr.decode()[-2000:]}))
