#!/usr/bin/env python3
"""Demo data of the deliberation service (python3, standard library only).

Builds, through the public API and with the demo users' real Keycloak tokens (password grant,
client yingzao-cli, password "demo"), in community 510104021001:
  - five resident-group councils G01..G05 (council-member-1..25, five each, elected) and the
    25-member community council chosen from them, constituted (D1-D3);
  - a proposal by resident-1, co-signed by resident-2..10, approved by party-reviewer (D4, D5);
  - a past meeting chaired by community-staff (designated chair), 20 members present, a motion, two
    speakers, and a secret ballot with RSA blind signatures in two phases: 20 credentials, issuance
    closed by the chair, 20 anonymous casts in random order; each voter finds their ballot in the
    public list (D6-D8, D13);
  - an adopted resolution: the city operator sets the publicity period to 0 ("demo: past meeting"),
    the vote closes, adopt-due runs, the period goes back to 7 (D9). Minutes published.

With --subject-ref-file F the proposal is a FUND_PROJECT whose subjectRef is the finance project id
read from F (written by the finance demo), so the adopted resolution moves that project to step 4.

Idempotent-ish: if the community council already exists, it says so and exits 0.

  python3 deploy/demo/deliberation.py --url http://localhost:8082 \
      --token-url http://localhost:8180/realms/yingzao/protocol/openid-connect/token
"""
import argparse
import hashlib
import json
import secrets
import sys
import time
from datetime import datetime, timedelta, timezone

from demo_api import DemoApi

COMMUNITY = "510104021001"  # --community changes it
GROUPS = ["G01", "G02", "G03", "G04", "G05"]


class Api(DemoApi):
    def call(self, method, path, user=None, body=None, expect=(200, 201)):
        status, answer = self.request(method, path, user, body)
        if expect and status not in expect:
            raise SystemExit(f"{method} {path} as {user or 'anonymous'}: HTTP {status} {json.dumps(answer, ensure_ascii=False)}")
        return status, answer


def member(n):
    return f"council-member-{n}"


def election(people, cadres):
    today = datetime.now(timezone.utc).date()
    return {"heldOn": str(today), "seats": len(people), "voters": 120,
            "termStart": str(today), "termEnd": str(today.replace(year=today.year + 3)),
            "candidates": [{"personId": p, "cadre": c, "votes": 100 - i} for i, (p, c) in enumerate(zip(people, cadres))]}


def council(api, level, unit, name, people, cadres):
    body = {"communityCode": COMMUNITY, "level": level, "name": name}
    if unit:
        body["unitCode"] = unit
    _, created = api.call("POST", "/api/councils", "community-staff", body)
    api.call("POST", f"/api/councils/{created['id']}/elections", "community-staff", election(people, cadres))
    api.call("POST", f"/api/councils/{created['id']}/constitute", "community-staff")
    return created["id"]


def wait_for_registry(api):
    """The service learns the community from the registry's events; wait until it knows it."""
    for _ in range(60):
        status, councils = api.call("GET", f"/api/councils?community={COMMUNITY}", "community-staff", expect=None)
        if status == 200:
            return councils
        time.sleep(2)
    raise SystemExit("the deliberation service cannot read community " + COMMUNITY)


def take_credential(api, motion, box, n):
    """Phase 1 of the secret ballot (see services/deliberation/README.md): while the box is ISSUING,
    the member's device blinds a fresh token, has it signed (logged in) and unblinds the answer."""
    modulus, exponent = int(box["modulus"]), int(box["publicExponent"])
    token = secrets.token_hex(32)
    h = int.from_bytes(hashlib.sha256(token.encode("ascii")).digest(), "big") % modulus
    while True:
        r = secrets.randbelow(modulus - 2) + 2
        try:
            r_inverse = pow(r, -1, modulus)
            break
        except ValueError:
            continue
    blinded = h * pow(r, exponent, modulus) % modulus
    _, credential = api.call("POST", f"/api/motions/{motion}/credentials", member(n), {"blinded": str(blinded)})
    signature = int(credential["blindSignature"]) * r_inverse % modulus
    assert pow(signature, exponent, modulus) == h, "the ballot box's answer is not a signature on the token"
    return token, signature


def cast(api, motion, credential, choice):
    """Phase 2, once the chair has closed issuance (the box is CASTING): cast without a login."""
    token, signature = credential
    _, receipt = api.call("POST", "/api/ballots", None, {"motionId": motion, "token": token,
                                                        "signature": str(signature), "choice": choice})
    return receipt["ballotId"]


def secret_ballot(api, chair, motion, box, choices):
    """The two phases: every voter takes a credential, the chair closes issuance, then they cast in a
    random order. Answers {ballotId: choice} so each voter can find their ballot in the public list."""
    credentials = {n: take_credential(api, motion, box, n) for n in choices}
    api.call("POST", f"/api/motions/{motion}/close-issuance", chair)
    order = list(choices)
    secrets.SystemRandom().shuffle(order)
    return {cast(api, motion, credentials[n], choices[n]): choices[n] for n in order}


def set_publicity(api, days, reason):
    api.call("PUT", "/api/settings/publicity.days", "city-operator", {"value": str(days), "reason": reason})


def main():
    global COMMUNITY
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://localhost:8082")
    parser.add_argument("--token-url", default="http://localhost:8180/realms/yingzao/protocol/openid-connect/token")
    parser.add_argument("--subject-ref-file", help="file holding the finance project id: the proposal becomes a FUND_PROJECT")
    parser.add_argument("--community", default=COMMUNITY, help="community code (default %(default)s, the demo users' community)")
    args = parser.parse_args()
    COMMUNITY = args.community
    api = Api(args.url, args.token_url)

    existing = [c for c in wait_for_registry(api) if c["level"] == "COMMUNITY"]
    if existing:
        print(f"deliberation demo: community council {existing[0]['id']} of {COMMUNITY} exists already; nothing to do")
        return 0

    two_cadres = [True, True, False, False, False]
    for g, group in enumerate(GROUPS):
        people = [member(5 * g + i) for i in range(1, 6)]
        council(api, "GROUP", group, f"第{g + 1}居民小组议事会", people, two_cadres)
    community_council = council(api, "COMMUNITY", None, "水井坊社区协商议事会",
                                [member(n) for n in range(1, 26)], two_cadres * 5)
    print(f"community council {community_council}: 25 members from five group councils, constituted")

    subject = {"subjectType": "GENERAL", "subjectRef": "院落停车公约"}
    title = "制定《院落停车公约》"
    if args.subject_ref_file:
        with open(args.subject_ref_file, encoding="utf-8") as f:
            subject = {"subjectType": "FUND_PROJECT", "subjectRef": f.read().strip()}
        title = "同意社区公共资金项目 " + subject["subjectRef"]
    _, proposal = api.call("POST", f"/api/councils/{community_council}/proposals", "resident-1",
                           {"title": title, "body": "院落车辆乱停影响消防通道，居民联名提请议事会协商。", **subject})
    for n in range(2, 11):
        api.call("POST", f"/api/proposals/{proposal['id']}/signatures", f"resident-{n}")
    api.call("POST", f"/api/proposals/{proposal['id']}/review", "party-reviewer", {"decision": "APPROVE"})
    print(f"proposal {proposal['id']}: filed by resident-1, 10 residents, approved by party-reviewer")

    held = (datetime.now(timezone.utc) - timedelta(days=3)).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    _, meeting = api.call("POST", f"/api/councils/{community_council}/meetings", "community-staff",
                          {"title": "2026年第四季度社区议事会", "scheduledAt": held, "chairPersonId": "community-staff",
                           "proposalIds": [proposal["id"]]})
    m = meeting["id"]
    for n in range(1, 21):
        api.call("POST", f"/api/meetings/{m}/attendance", member(n))
    api.call("POST", f"/api/meetings/{m}/items/{meeting['items'][0]['id']}/open", "community-staff")
    _, motion = api.call("POST", f"/api/meetings/{m}/motions", member(1), {"text": title + "，由居委会组织实施"})
    api.call("POST", f"/api/meetings/{m}/floor-requests", member(2), {"side": "FOR"})
    api.call("POST", f"/api/meetings/{m}/floor-requests", member(3), {"side": "AGAINST"})
    for _ in range(2):
        api.call("POST", f"/api/meetings/{m}/floor/next", "community-staff")
        api.call("POST", f"/api/meetings/{m}/floor/end", "community-staff")

    set_publicity(api, 0, "demo: past meeting")
    try:
        _, box = api.call("POST", f"/api/motions/{motion['id']}/vote", "community-staff")
        mine = secret_ballot(api, "community-staff", motion["id"], box,
                             {n: "YES" if n <= 18 else ("NO" if n == 19 else "ABSTAIN") for n in range(1, 21)})
        _, decided = api.call("POST", f"/api/motions/{motion['id']}/close-vote", "community-staff")
        print(f"secret ballot: yes {decided['yes']}, no {decided['no']}, abstain {decided['abstain']} of "
              f"{decided['membership']}: {decided['status']}")
        _, tally = api.call("GET", f"/api/public/motions/{motion['id']}/ballots")
        published = {(b["receipt"], b["choice"]) for b in tally["ballots"]}
        found = sum((hashlib.sha256(ballot_id.encode("ascii")).hexdigest(), choice) in published
                    for ballot_id, choice in mine.items())
        print(f"public tally: {len(tally['ballots'])} ballots, every voter found their choice: {found == len(mine)}")
        _, run = api.call("POST", "/api/publicity/adopt-due", "city-operator")
    finally:
        set_publicity(api, 7, "demo: restore the 7-day publicity")
    api.call("POST", f"/api/meetings/{m}/close", "community-staff")
    api.call("POST", f"/api/meetings/{m}/minutes/publish", "community-staff")
    print(f"resolution(s) adopted: {run['resolutions']}; minutes public at /api/public/meetings/{m}/minutes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
