#!/usr/bin/env python3
"""Copies the botocore service models this emulator serves into this folder, without documentation strings.

The models are the authoritative wire facts (shapes, constraints, errors, protocols). They are Apache-2.0
licensed by Amazon.com, Inc. (see NOTICE). Run this after upgrading botocore, then rerun the tests.
"""
import gzip, json, os
import botocore

SERVICES = {
    "organizations": "2016-11-28",
    "iam": "2010-05-08",
    "sts": "2011-06-15",
    "sso-admin": "2020-07-20",
    "identitystore": "2020-06-15",
    "sso": "2019-06-10",
    "sso-oidc": "2019-06-10",
    "cloudtrail": "2013-11-01",
    "ds": "2015-04-16",
}
DROP = {"documentation", "documentationUrl", "examples", "deprecatedMessage"}


def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k not in DROP}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(os.path.dirname(botocore.__file__), "data")
for service, version in SERVICES.items():
    base = os.path.join(data, service, version, "service-2.json")
    opener = gzip.open if os.path.exists(base + ".gz") else open
    with opener(base + ".gz" if os.path.exists(base + ".gz") else base, "rt") as f:
        model = strip(json.load(f))
    with open(os.path.join(here, f"{service}.json"), "w") as f:
        json.dump(model, f, separators=(",", ":"), sort_keys=True)
with open(os.path.join(here, "VERSION"), "w") as f:
    f.write(f"botocore {botocore.__version__}\n")
