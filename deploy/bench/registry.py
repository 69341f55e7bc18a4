#!/usr/bin/env python3
"""Registry benchmark against a running local stack (./yingzao up): CSV import of 4,000 and 40,000
communities, then paged reads deep into the list. Prints figures; asserts nothing.

    python3 deploy/bench/registry.py [--sizes 4000,40000] [--registry http://localhost:8081]
"""
import argparse
import json
import secrets
import statistics
import time
import urllib.parse
import urllib.request

KEYCLOAK = "http://localhost:8180/realms/yingzao/protocol/openid-connect/token"


def token(user="city-operator"):
    body = urllib.parse.urlencode({"grant_type": "password", "client_id": "yingzao-cli",
                                   "username": user, "password": "demo"}).encode()
    with urllib.request.urlopen(KEYCLOAK, body) as r:
        return json.load(r)["access_token"]


def call(method, url, tok, body=None, content_type="application/json"):
    data = body.encode() if isinstance(body, str) else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Authorization": "Bearer " + tok, "Content-Type": content_type})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=600) as r:
            payload = r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        payload, status = e.read(), e.code
    return status, payload, time.perf_counter() - started


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="4000,40000")
    ap.add_argument("--registry", default="http://localhost:8081")
    args = ap.parse_args()
    tok = token()
    run = secrets.token_hex(3).upper()
    district, street = "BD" + run, "BS" + run
    call("POST", args.registry + "/api/districts", tok, {"code": district, "name": "基准区", "tier": "MAIN_URBAN"})
    call("POST", args.registry + "/api/streets", tok, {"code": street, "name": "基准街道", "districtCode": district})

    print(f"registry benchmark, run {run}")
    for size in [int(s) for s in args.sizes.split(",")]:
        rows = ["code,name,kind,street_code,registered_households,stage"]
        rows += [f"B{run}{size}-{i:05d},基准社区{i},{'URBAN' if i % 3 else 'RURAL'},{street},{1000 + i % 4000},{1 + i % 6}"
                 for i in range(size)]
        status, payload, seconds = call("POST", args.registry + "/api/communities/import", tok, "\n".join(rows), "text/csv")
        print(f"  import {size:>6} communities: HTTP {status}, {seconds:6.2f} s, {size / seconds:8.0f} rows/s")

    latencies = []
    for page in (0, 10, 50, 100, 400):
        status, _, seconds = call("GET", f"{args.registry}/api/communities?district={district}&size=100&page={page}&sort=name,asc", tok)
        latencies.append(seconds * 1000)
        print(f"  list page {page:>3} (100 per page, by name) in the district: HTTP {status}, {seconds * 1000:6.1f} ms")
    status, _, seconds = call("GET", f"{args.registry}/api/coverage?district={district}", tok)
    print(f"  coverage of the district: HTTP {status}, {seconds * 1000:.1f} ms")
    print(f"  list median {statistics.median(latencies):.1f} ms, max {max(latencies):.1f} ms")


if __name__ == "__main__":
    main()
