#!/usr/bin/env python3
"""Finance demo data (issue 4), python3 stdlib only, against a running local stack (./yingzao up).

The city operator runs the 2026 allocation (communities arrive from the registry's events); the
community staff of 水井坊社区 510104021001 create a fund-use project, open a household vote round,
residents resident-1..12 (households H0001..H0012) vote online and four households vote on paper,
the round is closed and the project advanced to step 3. Step 4 waits for the council's resolution
from the deliberation service (subject FUND_PROJECT, subjectRef = the project id printed here, also
written to --project-id-file). Idempotent-ish: a second run finds the project and moves it on only
as far as it has not gone yet.

    python3 deploy/demo/finance.py [--url http://localhost:8083] \
        [--token-url http://localhost:8180/realms/yingzao/protocol/openid-connect/token] \
        [--project-id-file .yingzao/demo-finance-project-id]
"""
import argparse
import sys
import time
import urllib.error

from demo_api import DemoApi

COMMUNITY = "510104021001"
YEAR = 2026
TITLE = "院落路灯与楼道照明改造"
ALTERNATIVE = "院落微绿地共建"


class Demo(DemoApi):
    def call(self, method, path, user=None, body=None):
        return self.request(method, path, user, body)

    def expect(self, what, answer, *ok):
        status, body = answer
        if status not in ok:
            sys.exit(f"finance demo: {what} answered HTTP {status}: {body}")
        return body


def wait_for_community(demo, seconds=180):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            status, _ = demo.call("GET", f"/api/public/communities/{COMMUNITY}/finance")
            if status == 200:
                return
        except urllib.error.URLError:
            pass
        time.sleep(2)
    sys.exit(f"finance demo: community {COMMUNITY} did not arrive from the registry within {seconds} s")


def vote(demo, path, user, body, seconds=120):
    """Casts a ballot; a household not replicated yet (422) is retried, one that voted already (409) is fine."""
    deadline = time.time() + seconds
    while True:
        status, answer = demo.call("POST", path, user, body)
        if status in (201, 409):
            return status
        if status == 422 and time.time() < deadline:
            time.sleep(2)
            continue
        sys.exit(f"finance demo: ballot of {body.get('householdCode', user)} answered HTTP {status}: {answer}")


def after_resolution(demo, project, seconds=120):
    """Step 4 opens once the council's ResolutionAdopted has arrived over Kafka (F6); then the hearing and step 5."""
    steps = f"/api/projects/{project['id']}/steps"
    deadline = time.time() + seconds
    while project["step"] < 4:
        status, answer = demo.call("POST", steps, "community-staff", {"step": 4, "note": "议事会决议公示期满，交居委会执行"})
        if status == 200:
            project = answer
        elif status == 422 and time.time() < deadline:
            time.sleep(2)
        else:
            sys.exit(f"finance demo: step 4 answered HTTP {status}: {answer}")
    if project["step"] < 5:
        demo.expect("hearing", demo.call("POST", f"/api/projects/{project['id']}/hearing", "community-staff",
                                         {"summary": "受影响居民 21 户参加听证：同意夜间不施工", "attendees": 21}), 200)
        project = demo.expect("step 5", demo.call("POST", steps, "community-staff", {"step": 5}), 200)
    return project


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", default="http://localhost:8083")
    ap.add_argument("--token-url", default="http://localhost:8180/realms/yingzao/protocol/openid-connect/token")
    ap.add_argument("--project-id-file")
    ap.add_argument("--after-resolution", action="store_true",
                    help="the council's resolution on the project was adopted: wait for it, then steps 4 and 5 (hearing)")
    args = ap.parse_args()
    demo = Demo(args.url, args.token_url)

    wait_for_community(demo)
    run = demo.expect("allocation run", demo.call("POST", "/api/allocations/runs", "city-operator", {"fundYear": YEAR}), 200)
    print(f"allocation {YEAR}: {run['allocatedNow']} communities allocated now, {run['allocatedBefore']} before")

    projects = demo.expect("projects", demo.call("GET", f"/api/public/communities/{COMMUNITY}/projects"), 200)
    mine = [p for p in projects if p["title"] == TITLE]
    if mine:
        project = mine[0]
    else:
        project = demo.expect("new project", demo.call("POST", f"/api/communities/{COMMUNITY}/projects", "community-staff", {
            "fundYear": YEAR, "title": TITLE, "category": "INFRASTRUCTURE_MAINTENANCE",
            "purpose": "更换院落路灯 24 盏、楼道感应灯 60 盏", "budgetFen": 6_800_000, "contributionFen": 400_000,
            "urgency": "HIGH"}), 201)
        alternative = demo.expect("alternative project", demo.call("POST", f"/api/communities/{COMMUNITY}/projects",
                                                                    "community-staff", {
            "fundYear": YEAR, "title": ALTERNATIVE, "category": "ENVIRONMENTAL_GOVERNANCE",
            "purpose": "居民共建院落微绿地", "budgetFen": 2_500_000, "contributionFen": 300_000, "urgency": "MEDIUM"}), 201)
        rnd = demo.expect("vote round", demo.call("POST", f"/api/communities/{COMMUNITY}/vote-rounds", "community-staff", {
            "title": f"{YEAR} 年公共服务资金项目 一户一票", "projectIds": [project["id"], alternative["id"]]}), 201)
        ballots = f"/api/communities/{COMMUNITY}/vote-rounds/{rnd['id']}"
        for i in range(1, 13):
            approvals = [project["id"]] if i % 3 else [project["id"], alternative["id"]]
            vote(demo, ballots + "/ballots", f"resident-{i}", {"approvals": approvals})
        for n, household in enumerate(("H0013", "H0014", "H0015", "H0016"), start=1):
            # F7: each paper entry names the sheet it was read from; the staff member entering it is recorded
            vote(demo, ballots + "/paper-ballots", "community-staff",
                 {"householdCode": household, "sheet": f"S-{YEAR}-{n:03d}",
                  "approvals": [alternative["id"]] if household == "H0016" else [project["id"]]})
        closed = demo.expect("close round", demo.call("POST", ballots + "/close", "community-staff"), 200)
        turnout = closed.get("turnout") or {}
        if turnout.get("percent") is not None:
            print(f"turnout: {turnout['ballots']} of {turnout['registeredHouseholds']} registered households ({turnout['percent']}%)")
        print(f"vote round closed: {closed['ballots']} ballots ({closed['onlineBallots']} online, {closed['paperBallots']} paper); "
              + ", ".join(f"{t['title']}: {t['approvals']}" for t in closed["tally"]))

    notes = {3: "院落自组织梳理讨论：路灯优先，分两期实施"}
    step = project["step"]
    for target in (2, 3):
        if step < target:
            body = {"step": target}
            if target in notes:
                body["note"] = notes[target]
            project = demo.expect(f"step {target}", demo.call("POST", f"/api/projects/{project['id']}/steps",
                                                              "community-staff", body), 200)
            step = project["step"]
    if args.after_resolution:
        project = after_resolution(demo, project)
    if project["step"] < 4:
        print(f"project {project['id']} ({project['title']}) at step {project['step']} {project['stepName']}; "
              f"step 4 waits for the council's resolution (subjectType FUND_PROJECT, subjectRef {project['id']})")
    else:
        print(f"project {project['id']} ({project['title']}) at step {project['step']} {project['stepName']}")
    if args.project_id_file:
        with open(args.project_id_file, "w") as f:
            f.write(project["id"] + "\n")
    print(project["id"])


if __name__ == "__main__":
    main()
