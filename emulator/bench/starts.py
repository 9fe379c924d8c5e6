#!/usr/bin/env python3
"""Process start -> first answer, repeated: starts.py N NAME=COMMAND [NAME=COMMAND ...]

Starts each command N times (the commands interleaved, each start a fresh process with a fresh state file), polls
CreateOrganization every 10 ms until it answers 200, and prints per command the wall time from just before the
process starts to that answer and the process CPU time (user + system, /proc/<pid>/stat) at that moment: min and
median. In COMMAND, {port} and {data} are replaced by a free loopback port and a state file in a fresh folder.
CPU time holds up on a busy machine; wall time does not.
"""
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

AUTH = ("AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/organizations/aws4_request, "
        "SignedHeaders=host, Signature=0")
HEADERS = {"Content-Type": "application/x-amz-json-1.1", "Authorization": AUTH,
           "X-Amz-Target": "AWSOrganizationsV20161128.CreateOrganization"}
TICKS = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_ms(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / TICKS


def one_start(command):
    folder = tempfile.mkdtemp()
    argv = command.format(port=(port := free_port()), data=os.path.join(folder, "state.db")).split()
    t0 = time.monotonic_ns()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise SystemExit(f"exited with {process.returncode}: {command}")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                connection.request("POST", "/", json.dumps({"FeatureSet": "ALL"}), HEADERS)
                response = connection.getresponse()
                response.read()
                wall, cpu = (time.monotonic_ns() - t0) / 1e6, cpu_ms(process.pid)
                if response.status != 200:
                    raise SystemExit(f"CreateOrganization answered {response.status}: {command}")
                return wall, cpu
            except (OSError, http.client.HTTPException):
                time.sleep(0.01)
        raise SystemExit(f"no answer within 120 s: {command}")
    finally:
        process.terminate()
        process.wait()
        shutil.rmtree(folder, ignore_errors=True)


def main(argv):
    starts, variants = int(argv[1]), [a.split("=", 1) for a in argv[2:]]
    results = {name: [] for name, _ in variants}
    for _ in range(starts):
        for name, command in variants:
            results[name].append(one_start(command))
    print("| Form | wall ms, min / median | CPU ms at first answer, min / median |")
    print("|---|---|---|")
    for name, _ in variants:
        wall, cpu = [r[0] for r in results[name]], [r[1] for r in results[name]]
        print(f"| {name} | {min(wall):.0f} / {statistics.median(wall):.0f} | {min(cpu):.0f} / {statistics.median(cpu):.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
