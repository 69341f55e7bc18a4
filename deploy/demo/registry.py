#!/usr/bin/env python3
"""Registry demo data, python3 stdlib only: the districts, streets, communities, resident groups,
courtyards, households and organisations of the demo city (the JSON and CSV files beside this
script), posted as city-operator. Idempotent: what exists already answers 409 and is counted.

    python3 deploy/demo/registry.py [--url http://localhost:8081] [--token-url ...]
"""
import argparse
import csv
import json
import pathlib
import sys

from demo_api import DemoApi

HERE = pathlib.Path(__file__).resolve().parent
OPERATOR = "city-operator"


def post_items(api, file, path_template, what):
    posted = existing = 0
    for item in json.loads((HERE / file).read_text(encoding="utf-8")):
        community = item.pop("communityCode", "")
        status, body = api.request("POST", path_template.replace("{c}", community), OPERATOR, item)
        if status == 409:
            existing += 1
        elif status not in (200, 201, 204):
            sys.exit(f"{what} {item}: HTTP {status} {body}")
        posted += 1
    print(f"{what}: {posted} posted ({existing} already existed)")


def import_csv(api, file, path, what, row_to_request):
    """The all-or-nothing CSV import; if refused (some rows exist after an interrupted load), row by row."""
    text = (HERE / file).read_text(encoding="utf-8")
    status, body = raw_post(api, path, text)
    if status in (200, 201):
        print(f"{what}: import answered {status} {json.dumps(body, ensure_ascii=False)[:200]}")
        return
    print(f"{what}: import answered {status}; posting row by row")
    posted = existing = 0
    for row in csv.DictReader(text.splitlines()):
        row_path, request = row_to_request(row)
        s, b = api.request("POST", row_path, OPERATOR, request)
        if s == 409:
            existing += 1
        elif s not in (200, 201, 204):
            sys.exit(f"{what} {row}: HTTP {s} {b}")
        posted += 1
    print(f"{what}: {posted} posted ({existing} already existed)")


def raw_post(api, path, text):
    import urllib.error
    import urllib.request
    req = urllib.request.Request(api.url + path, data=text.encode("utf-8"), method="POST", headers={
        "Content-Type": "text/csv", "Accept": "application/json", "Authorization": "Bearer " + api.token(OPERATOR)})
    try:
        with urllib.request.urlopen(req, timeout=api.timeout) as r:
            status, answer = r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        status, answer = e.code, e.read().decode()
    try:
        return status, json.loads(answer) if answer else None
    except ValueError:
        return status, {"detail": answer}


def community_row(row):
    return "/api/communities", {"code": row["code"], "name": row["name"], "kind": row["kind"],
                                "streetCode": row["street_code"],
                                "registeredHouseholds": int(row["registered_households"]), "stage": int(row["stage"])}


def household_row(row):
    request = {"code": row["code"], "groupCode": row["group_code"]}
    if row.get("courtyard_code"):
        request["courtyardCode"] = row["courtyard_code"]
    return f"/api/communities/{row['community_code']}/households", request


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--url", default="http://localhost:8081")
    p.add_argument("--token-url", default="http://localhost:8180/realms/yingzao/protocol/openid-connect/token")
    args = p.parse_args()
    api = DemoApi(args.url, args.token_url)
    post_items(api, "districts.json", "/api/districts", "districts")
    post_items(api, "streets.json", "/api/streets", "streets")
    import_csv(api, "communities.csv", "/api/communities/import", "communities", community_row)
    post_items(api, "groups.json", "/api/communities/{c}/groups", "groups")
    post_items(api, "courtyards.json", "/api/communities/{c}/courtyards", "courtyards")
    import_csv(api, "households.csv", "/api/households/import", "households", household_row)
    post_items(api, "organisations.json", "/api/communities/{c}/organisations", "organisations")


if __name__ == "__main__":
    main()
