#!/usr/bin/env python3
"""Demo data of the deliberation service (python3, standard library only).

Builds, through the public API and with the demo users' real Keycloak tokens (password grant,
client yingzao-cli, password "demo"), in community 510104021001:
  - five resident-group councils G01..G05 (council-member-1..25, five each, elected) and the
    25-member community council chosen from them, constituted (D1-D3);
  - a proposal by resident-1, co-signed by resident-2..10, approved by party-reviewer (D4, D5);
  - a past meeting chaired by community-staff (designated chair), 20 members present, a motion, two
    speakers, and a secret ballot with RSA blind signatures (RFC 9474) in two phases: 20 credentials, issuance
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
import base64
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


# --- RFC 9474 RSA blind signatures, RSABSSA-SHA384-PSS-Randomized, client side (stdlib only) ---
SALT_LEN = 48  # = SHA-384 output length


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def rsa_public_key(spki_base64):
    """(n, e) from base64 X.509 SubjectPublicKeyInfo DER: SEQUENCE { algorithm, BIT STRING { SEQUENCE { n, e } } }."""
    def tlv(der, at):  # answers (tag, start of value, end of value)
        tag, length, at = der[at], der[at + 1], at + 2
        if length & 0x80:
            count = length & 0x7F
            length, at = int.from_bytes(der[at:at + count], "big"), at + count
        return tag, at, at + length
    der = base64.b64decode(spki_base64)
    _, at, _ = tlv(der, 0)                     # SubjectPublicKeyInfo
    _, _, at = tlv(der, at)                    # skip AlgorithmIdentifier
    tag, at, _ = tlv(der, at)                  # BIT STRING
    assert tag == 0x03 and der[at] == 0, "not an RSA public key"
    _, at, _ = tlv(der, at + 1)                # RSAPublicKey
    _, start, end = tlv(der, at)
    n = int.from_bytes(der[start:end], "big")
    _, start, stop = tlv(der, end)
    return n, int.from_bytes(der[start:stop], "big")


def mgf1_sha384(seed, length):
    out = b"".join(hashlib.sha384(seed + i.to_bytes(4, "big")).digest() for i in range((length + 47) // 48))
    return out[:length]


def emsa_pss_encode(message, em_bits, salt):
    """RFC 8017 9.1.1 with SHA-384 and MGF1-SHA-384."""
    em_len, h_len = (em_bits + 7) // 8, 48
    m_hash = hashlib.sha384(message).digest()
    h = hashlib.sha384(b"\x00" * 8 + m_hash + salt).digest()
    db = b"\x00" * (em_len - len(salt) - h_len - 2) + b"\x01" + salt
    masked = bytearray(x ^ y for x, y in zip(db, mgf1_sha384(h, em_len - h_len - 1)))
    masked[0] &= 0xFF >> (8 * em_len - em_bits)
    return bytes(masked) + h + b"\xbc"


def pss_verify(n, e, message, signature):
    """RSASSA-PSS-VERIFY (RFC 8017 8.1.2) with SHA-384, MGF1-SHA-384, salt 48: RFC 9474 Verify."""
    k, em_bits = (n.bit_length() + 7) // 8, n.bit_length() - 1
    s = int.from_bytes(signature, "big")
    if len(signature) != k or s >= n:
        return False
    em_len = (em_bits + 7) // 8
    em = pow(s, e, n).to_bytes(k, "big")[-em_len:]
    if em[-1] != 0xBC or em[0] & ~(0xFF >> (8 * em_len - em_bits)) & 0xFF:
        return False
    masked, h = em[:em_len - 49], em[em_len - 49:-1]
    db = bytearray(x ^ y for x, y in zip(masked, mgf1_sha384(h, len(masked))))
    db[0] &= 0xFF >> (8 * em_len - em_bits)
    if db[:len(db) - SALT_LEN - 1] != bytearray(len(db) - SALT_LEN - 1) or db[-SALT_LEN - 1] != 1:
        return False
    salt = bytes(db[-SALT_LEN:])
    return hashlib.sha384(b"\x00" * 8 + hashlib.sha384(message).digest() + salt).digest() == h


def take_credential(api, motion, box, n):
    """Phase 1 of the secret ballot (see services/deliberation/README.md): while the box is ISSUING,
    the member's device prepares a fresh token, blinds it, has it signed (logged in) and finalizes."""
    assert box["variant"] == "RSABSSA-SHA384-PSS-Randomized", box["variant"]
    modulus, exponent = rsa_public_key(box["publicKeySpki"])
    k = (modulus.bit_length() + 7) // 8
    prepared = secrets.token_bytes(32) + secrets.token_bytes(32)  # Prepare: 32-byte prefix || 32-byte token
    m = int.from_bytes(emsa_pss_encode(prepared, modulus.bit_length() - 1, secrets.token_bytes(SALT_LEN)), "big")
    while True:  # Blind: r uniform in [1, n) and invertible
        r = secrets.randbelow(modulus - 1) + 1
        try:
            r_inverse = pow(r, -1, modulus)
            break
        except ValueError:
            continue
    blinded = (m * pow(r, exponent, modulus) % modulus).to_bytes(k, "big")
    _, credential = api.call("POST", f"/api/motions/{motion}/credentials", member(n), {"blindedMsg": b64url(blinded)})
    blind_sig = unb64url(credential["blindSig"])  # Finalize: unblind and verify
    signature = (int.from_bytes(blind_sig, "big") * r_inverse % modulus).to_bytes(k, "big")
    assert pss_verify(modulus, exponent, prepared, signature), "the ballot box's answer is not a signature on the token"
    return prepared, signature


def cast(api, motion, credential, choice):
    """Phase 2, once the chair has closed issuance (the box is CASTING): cast without a login."""
    prepared, signature = credential
    _, receipt = api.call("POST", "/api/ballots", None, {"motionId": motion, "preparedMsg": b64url(prepared),
                                                        "signature": b64url(signature), "choice": choice})
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
