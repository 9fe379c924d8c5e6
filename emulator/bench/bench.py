#!/usr/bin/env python3
"""Helpers for emulator/bench/run.sh: raw Organizations calls over one loopback keep-alive connection.

  bench.py first-answer URL T0_NS          poll CreateOrganization until it answers 200; print ms since T0_NS
  bench.py call URL OPERATION [JSON]       one call; exit 1 unless 2xx
  bench.py create-accounts URL N           create N accounts, wait until ListAccounts shows them (bounded);
                                           print the wall time in ms of the last CreateAccount
  bench.py create-only URL N               create N accounts, nothing else on the connection; print the median wall ms
  bench.py server-times LOG FROM_LINE      the server's own durations of the requests logged after line FROM_LINE of
                                           the emulator's log (ASP.NET Core's "Request finished ... in X ms" lines, on
                                           with Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics=Information);
                                           print "<count> <median ms> <p95 ms> <sum ms>"
  bench.py time-call URL OPERATION [JSON]  one call; print its wall time in ms; exit 1 unless 2xx
  bench.py list-all URL                    page through ListAccounts (20 a page); print "<ms> <accounts>"
  bench.py iam URL ACTION [NAME=VALUE...]  one IAM query call; exit 1 unless 2xx
"""
import http.client
import json
import re
import statistics
import sys
import time
import urllib.parse

AUTH = ("AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/organizations/aws4_request, "
        "SignedHeaders=host, Signature=0")


class Client:
    def __init__(self, url):
        parts = urllib.parse.urlsplit(url)
        assert parts.hostname in ("127.0.0.1", "localhost"), "the benchmark only talks to loopback"
        self.host, self.port = parts.hostname, parts.port
        self.conn = None

    def call(self, operation, payload=None, timeout=300):
        headers = {"Content-Type": "application/x-amz-json-1.1", "Authorization": AUTH,
                   "X-Amz-Target": f"AWSOrganizationsV20161128.{operation}"}
        status, data = self.send(json.dumps(payload or {}), headers, timeout)
        return status, (json.loads(data) if data.strip() else {})

    def iam(self, action, params):
        body = urllib.parse.urlencode({"Action": action, "Version": "2010-05-08", **params})
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Authorization": AUTH.replace("/organizations/", "/iam/")}
        return self.send(body, headers, 300)

    def send(self, body, headers, timeout):
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            self.conn.request("POST", "/", body, headers)
            response = self.conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = None
            raise
        return response.status, data


def first_answer(url, t0_ns):
    client = Client(url)
    deadline = time.time() + 180
    while time.time() < deadline:
        try:
            status, body = client.call("CreateOrganization", {"FeatureSet": "ALL"}, timeout=30)
            if status == 200:
                print(f"{(time.time_ns() - t0_ns) / 1e6:.0f}")
                return 0
            print(f"CreateOrganization answered {status}: {body}", file=sys.stderr)
            return 1
        except (OSError, http.client.HTTPException):
            time.sleep(0.01)
    print("no answer within 180 s", file=sys.stderr)
    return 1


def call(url, operation, payload):
    status, body = Client(url).call(operation, payload)
    if not 200 <= status < 300:
        print(f"{operation} answered {status}: {body}", file=sys.stderr)
        return 1
    return 0


def list_account_ids(client):
    ids, token = [], None
    for _ in range(100_000):
        status, body = client.call("ListAccounts", {"NextToken": token, "MaxResults": 20} if token else {"MaxResults": 20})
        assert status == 200, f"ListAccounts answered {status}: {body}"
        ids += [a["Id"] for a in body.get("Accounts", [])]
        token = body.get("NextToken")
        if not token:
            return ids
    raise AssertionError("ListAccounts did not finish paging")


def create_accounts(url, count):
    client = Client(url)
    before = len(list_account_ids(client))
    stamp = time.time_ns()
    last_ms = 0.0
    for i in range(count):
        start = time.perf_counter()
        status, body = client.call("CreateAccount", {"Email": f"bench{stamp}-{i:05d}@example.com", "AccountName": f"bench{i:05d}"})
        last_ms = (time.perf_counter() - start) * 1000
        if status != 200:
            print(f"CreateAccount {i} answered {status}: {body}", file=sys.stderr)
            return 1
    for _ in range(600):
        have = len(list_account_ids(client))
        if have >= before + count:
            print(f"{last_ms:.2f}")
            return 0
        time.sleep(0.1)
    print(f"only {have - before} of {count} accounts appeared", file=sys.stderr)
    return 1


def create_only(url, count):
    client = Client(url)
    stamp = time.time_ns()
    times = []
    for i in range(count):
        start = time.perf_counter()
        status, body = client.call("CreateAccount", {"Email": f"only{stamp}-{i:05d}@example.com", "AccountName": f"only{i:05d}"})
        times.append((time.perf_counter() - start) * 1000)
        if status != 200:
            print(f"CreateAccount {i} answered {status}: {body}", file=sys.stderr)
            return 1
    print(f"{statistics.median(times):.2f}")
    return 0


def server_times(log, from_line):
    """ASP.NET Core logs 'Request finished HTTP/1.1 POST http://... - 200 153 application/x-amz-json-1.1 3.3876ms'."""
    with open(log, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()[from_line:]
    ms = [float(m.group(1)) for line in lines if (m := re.search(r"Request finished .* ([0-9.]+)ms$", line))]
    if not ms:
        print("no 'Request finished' lines: is Microsoft.AspNetCore.Hosting.Diagnostics logging at Information?", file=sys.stderr)
        return 1
    ordered = sorted(ms)
    print(f"{len(ms)} {statistics.median(ms):.3f} {ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]:.3f} {sum(ms):.1f}")
    return 0


def time_call(url, operation, payload):
    client = Client(url)
    client.call("DescribeOrganization")  # open the connection first: time the operation, not the TCP handshake
    start = time.perf_counter()
    status, body = client.call(operation, payload)
    elapsed = (time.perf_counter() - start) * 1000
    if not 200 <= status < 300:
        print(f"{operation} answered {status}: {body}", file=sys.stderr)
        return 1
    print(f"{elapsed:.1f}")
    return 0


def list_all(url):
    client = Client(url)
    client.call("DescribeOrganization")
    start = time.perf_counter()
    ids = list_account_ids(client)
    print(f"{(time.perf_counter() - start) * 1000:.0f} {len(ids)}")
    return 0


def iam(url, action, pairs):
    status, data = Client(url).iam(action, dict(pair.split("=", 1) for pair in pairs))
    if not 200 <= status < 300:
        print(f"{action} answered {status}: {data[:300]!r}", file=sys.stderr)
        return 1
    return 0


def main(argv):
    command, url = argv[1], argv[2]
    if command == "server-times":
        return server_times(url, int(argv[3]))
    if command == "iam":
        return iam(url, argv[3], argv[4:])
    if command == "list-all":
        return list_all(url)
    payload = json.loads(argv[4]) if len(argv) > 4 else None
    if command == "first-answer":
        return first_answer(url, int(argv[3]))
    if command == "call":
        return call(url, argv[3], payload)
    if command == "create-only":
        return create_only(url, int(argv[3]))
    if command == "create-accounts":
        return create_accounts(url, int(argv[3]))
    if command == "time-call":
        return time_call(url, argv[3], payload)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
