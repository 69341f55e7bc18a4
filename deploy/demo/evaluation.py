#!/usr/bin/env python3
"""Evaluation demo data (issue 13), python3 stdlib only, against a running local stack (./yingzao up).

Runs after grants' demo data. The provisional framework provisional-2016-v1 (6 domains, 53
indicators) is stored by the service at start. The grants demo project of ORG-SW-01 arrived over
grants.projects with its mid-term and final evaluations; this script assigns `evaluator` (certified
by training's demo) and `evaluator-2` (certified here through training's audited "grant on
evidence", the only way a certificate is made outside a course) to the mid-term one, both score it
on site (one of them as an offline batch, sent twice: one sheet), and the city operator releases it.
The organisation `agency` sees the result; its appeal window of 7 Asia/Shanghai days is running.
A second run finds what exists and adds only what is missing.

    python3 deploy/demo/evaluation.py [--url http://localhost:8085] [--training-url http://localhost:8086] \
        [--token-url http://localhost:8180/realms/yingzao/protocol/openid-connect/token]
"""
import argparse
import datetime
import sys
import time
import uuid

from demo_api import DemoApi

ORG = "ORG-SW-01"
OP = "city-operator"
EVALUATORS = ["evaluator", "evaluator-2"]
# D1..D6 indicator counts of provisional-2016-v1
COUNTS = [9, 9, 9, 9, 8, 9]


class Demo(DemoApi):
    def expect(self, what, answer, *ok):
        status, body = answer
        if status not in ok:
            sys.exit(f"evaluation demo: {what} answered HTTP {status}: {body}")
        return body


def levels(base, bumps):
    """Every indicator at `base`, the ones in `bumps` one level up: two evaluators who broadly agree."""
    out = []
    for d, n in enumerate(COUNTS, start=1):
        for i in range(1, n + 1):
            ind = f"{d}.{i}"
            out.append({"indicatorId": ind, "level": min(4, base + (1 if ind in bumps else 0)),
                        "evidence": [f"photo/{ind}.jpg", f"minutes/{ind}.pdf"], "notes": "现场查看档案并访谈居民骨干",
                        "recordedAt": (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=2)).isoformat()})
    return out


def sheet(base, bumps, feedback):
    return {"levels": levels(base, bumps), "feedback": feedback,
            "qa": [{"question": "居民如何参与项目决策？", "answer": "每月院落议事会，按议事规则表决",
                    "askedAt": (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=3)).isoformat()}]}


def wait_ready(demo, seconds=180):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            status, _ = demo.request("GET", "/api/public/projects/none/grades")
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(2)
    sys.exit("evaluation demo: the service did not become ready")


def mid_term(demo, seconds=180):
    deadline = time.time() + seconds
    while time.time() < deadline:
        found = demo.expect("evaluations", demo.request("GET", f"/api/evaluations?organisation={ORG}", OP), 200)
        mids = [e for e in found if e["kind"] == "MID_TERM" and e["status"] != "CANCELLED"]
        if mids:
            return mids[0]
        time.sleep(3)
    return None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--url", default="http://localhost:8085")
    p.add_argument("--training-url", default="http://localhost:8086")
    p.add_argument("--token-url", default="http://localhost:8180/realms/yingzao/protocol/openid-connect/token")
    a = p.parse_args()
    demo = Demo(a.url, a.token_url)
    training = Demo(a.training_url, a.token_url)
    wait_ready(demo)

    frameworks = demo.expect("frameworks", demo.request("GET", "/api/frameworks", OP), 200)
    provisional = next(f for f in frameworks if f["version"] == "provisional-2016-v1")
    print(f"evaluation demo: framework {provisional['version']} ({provisional['domains']} domains, "
          f"{provisional['indicators']} indicators, provisional)")

    # evaluator-2's certificate, through training's audited grant on evidence (E2, T3)
    valid_from = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=30)).strftime("%Y-%m-%dT00:00:00Z")
    status, body = training.request("POST", "/api/schemes/PARTICIPATORY_EVALUATOR/grants", OP, {
        "personId": "evaluator-2", "holderName": "Evaluator Two",
        "evidence": "2026 年参与式评估师纸质证书（成都市城市社区学院），迁入平台", "validFrom": valid_from})
    if status not in (201, 409, 422):
        sys.exit(f"evaluation demo: training's grant on evidence answered HTTP {status}: {body}")

    evaluation = mid_term(demo)
    if evaluation is None:
        sys.exit("evaluation demo: no mid-term evaluation of the grants demo project arrived from grants.projects")
    eid = evaluation["id"]
    print(f"evaluation demo: mid-term evaluation {eid} of project {evaluation['projectId']} "
          f"(window {evaluation['windowOpensOn']} to {evaluation['windowClosesOn']})")

    if evaluation["status"] == "OPEN":
        for person in EVALUATORS:
            if person in evaluation["evaluators"]:
                continue
            deadline = time.time() + 180
            while True:
                status, body = demo.request("POST", f"/api/evaluations/{eid}/assignments", OP,
                                            {"evaluatorId": person, "reason": "演示：按专长指派"})
                if status == 200 or (status == 409 and "already" in str(body)):
                    break
                # the certificate may still be on its way from training.certifications
                if status == 422 and "E2" in str(body) and time.time() < deadline:
                    time.sleep(3)
                    continue
                sys.exit(f"evaluation demo: assigning {person} answered HTTP {status}: {body}")
            print(f"evaluation demo: {person} assigned")

        demo.expect("sheet of evaluator", demo.request("POST", f"/api/evaluations/{eid}/sheets/evaluator/submit", "evaluator",
                    sheet(3, {"2.3", "2.4", "3.1", "6.2"}, "院落自组织成长明显；财务公开可更及时。")), 201, 409)
        offline = demo.expect("download", demo.request("GET", f"/api/evaluations/{eid}/sheets/evaluator-2/offline", "evaluator-2"), 200)
        batch = sheet(3, {"2.4", "3.1", "3.3"}, "居民参与广泛，建议加强档案整理与行动研究报告。")
        batch.update({"clientId": str(uuid.uuid4()), "baseRevision": offline["sheet"]["revision"],
                      "clientStartedAt": (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=4)).isoformat(),
                      "clientSubmittedAt": (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=30)).isoformat()})
        for attempt in range(2):  # the second send is what a flaky network does: the same sheet comes back
            demo.expect("offline batch", demo.request("POST", f"/api/evaluations/{eid}/sheets/evaluator-2/submit", "evaluator-2", batch),
                        200, 201, 409)
        print("evaluation demo: two sheets submitted (one as an offline batch, sent twice)")
        demo.expect("release", demo.request("POST", f"/api/evaluations/{eid}/release", OP), 200)

    results = demo.expect("results", demo.request("GET", f"/api/evaluations/{eid}/results", "agency"), 200)
    agg = results["aggregate"]
    print(f"evaluation demo: released, overall {agg['overall']} {agg['gradeZh']} ({agg['grade']}), "
          f"{results['sheetsSubmitted']} sheets, status {results['status']}; the agency may respond or appeal for 7 days")


if __name__ == "__main__":
    main()
