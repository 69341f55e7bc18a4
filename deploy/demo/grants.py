#!/usr/bin/env python3
"""Grants demo data (issue 12), python3 stdlib only, against a running local stack (./yingzao up).

Runs after training's demo data (which certifies `supervisor` as SUPERVISOR). The city operator opens
the 2026 programme (20M CNY) with two calls. In the first, `agency` (ORG-SW-01, 成都市社区营造支持中心)
applies for 水井坊社区 510104021001, `reviewer` reviews, the operator awards, signs the agreement (the
first tranche of 40% is released and disclosed) and seats the 1+1+1+1 team: the agency as project lead,
a university expert, `supervisor` as senior supervisor, a social worker. The second call is left in
review with the agency's application assigned to `reviewer`. A second run finds what exists and adds
only what is missing.

    python3 deploy/demo/grants.py [--url http://localhost:8084] \
        [--token-url http://localhost:8180/realms/yingzao/protocol/openid-connect/token]
"""
import argparse
import datetime
import sys
import time

from demo_api import DemoApi

COMMUNITY = "510104021001"
ORG = "ORG-SW-01"
YEAR = 2026
OP = "city-operator"
FIRST = "2026 社区营造示范项目（第一批）"
SECOND = "2026 社区营造示范项目（第二批）"
RUBRIC = [{"code": "need", "name": "需求", "weight": 30}, {"code": "design", "name": "设计", "weight": 30},
          {"code": "team", "name": "团队", "weight": 20}, {"code": "fit", "name": "社区契合", "weight": 20}]


class Demo(DemoApi):
    def expect(self, what, answer, *ok):
        status, body = answer
        if status not in ok:
            sys.exit(f"grants demo: {what} answered HTTP {status}: {body}")
        return body

    def retry(self, what, method, path, user, body, ok, seconds=180):
        """Retries while the registry or training data has not reached grants yet (422)."""
        deadline = time.time() + seconds
        while True:
            status, answer = self.request(method, path, user, body)
            if status in ok:
                return answer
            if status != 422 or time.time() > deadline:
                sys.exit(f"grants demo: {what} answered HTTP {status}: {answer}")
            time.sleep(3)


def call_body(title, today):
    return {"title": title, "targetKind": "COMMUNITY", "districtsInScope": [], "pivotCategories": [],
            "organisationTypes": ["SOCIAL_ORGANISATION", "SOCIAL_ENTERPRISE", "FOUNDATION"], "minRegistrationMonths": 12,
            "maxAmountFen": 30_000_000, "allowMultiplePerOrganisation": False, "opensOn": str(today - datetime.timedelta(days=30)),
            "closesOn": str(today + datetime.timedelta(days=30)), "budgetFen": 200_000_000, "rubric": RUBRIC, "scaleMax": 10,
            "reviewsPerApplication": 1, "disagreementThreshold": 20}


def application(title, fen):
    return {"targetCode": COMMUNITY, "pivotCategory": "PUBLIC_SPACE", "title": title, "requestedFen": fen,
            "budget": [{"item": "人员与督导", "amountFen": fen * 6 // 10}, {"item": "物料与活动", "amountFen": fen - fen * 6 // 10}],
            "team": [{"name": "项目负责人", "role": "PROJECT_LEAD"}, {"name": "社工", "role": "SOCIAL_WORKER"}],
            "projectLogic": "发现积极行动者，组建院落自组织，共建邻里花园并形成长效议事机制"}


def call_in(demo, title, today):
    calls = demo.expect("calls", demo.request("GET", "/api/calls", OP), 200)
    for c in calls:
        if c["title"] == title:
            return c
    return demo.expect("open call", demo.request("POST", f"/api/programmes/{YEAR}/calls", OP, call_body(title, today)), 201)


def applied(demo, call, title, fen):
    """The agency's application to the call, submitted (retried until the organisation has been replicated)."""
    mine = demo.expect("applications", demo.request("GET", f"/api/applications?call={call['id']}", "agency"), 200)
    app = mine[0] if mine else demo.expect("draft", demo.request("POST", f"/api/calls/{call['id']}/applications", "agency",
                                                                application(title, fen)), 201)
    if app["status"] == "DRAFT":
        app = demo.retry("submit", "POST", f"/api/applications/{app['id']}/submit", "agency", None, (200,))
    return app


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--url", default="http://localhost:8084")
    p.add_argument("--token-url", default="http://localhost:8180/realms/yingzao/protocol/openid-connect/token")
    a = p.parse_args()
    demo = Demo(a.url, a.token_url)
    today = datetime.date.today()

    demo.expect("programme", demo.request("POST", "/api/programmes", OP, {"year": YEAR, "title": "2026 成都市社区营造公益创投",
                                                                            "budgetFen": 2_000_000_000, "operatorOrg": "CD-HUB-01"}), 201, 409)
    demo.expect("reviewer joins", demo.request("POST", "/api/pools/reviewer/me", "reviewer", {"displayName": "评审专家"}), 200)
    demo.expect("supervisor joins", demo.request("POST", "/api/pools/supervisor/me", "supervisor", {"displayName": "资深督导"}), 200)
    demo.expect("expert", demo.request("POST", "/api/pools/expert", OP, {"personId": "expert-scu", "displayName": "四川大学 专家",
                                                                        "organisations": ["SCU"]}), 201)
    demo.expect("social worker", demo.request("POST", "/api/pools/social-worker", OP,
                                               {"personId": "social-worker-01", "displayName": "专业社工", "organisations": ["ORG-SW-02"]}), 201)

    first = call_in(demo, FIRST, today)
    app = applied(demo, first, "水井坊邻里花园：院落微更新与自组织培育", 20_000_000)
    if first["status"] == "OPEN":
        first = demo.expect("review", demo.request("POST", f"/api/calls/{first['id']}/review", OP), 200)
    if first["status"] == "IN_REVIEW":
        demo.expect("assign", demo.request("POST", f"/api/calls/{first['id']}/assignments/auto", OP), 200)
        demo.expect("review", demo.request("PUT", f"/api/applications/{app['id']}/reviews/mine", "reviewer",
                                           {"scores": {"need": 9, "design": 8, "team": 8, "fit": 9},
                                            "comments": {"need": "院落需求清楚", "fit": "与社区营造六步契合"}}), 200)
        ranking = demo.expect("ranking", demo.request("GET", f"/api/calls/{first['id']}/ranking", OP), 200)
        proposed = [line["applicationId"] for line in ranking["lines"] if line["proposed"]]
        demo.expect("awards", demo.request("POST", f"/api/calls/{first['id']}/awards", OP, {"awarded": proposed, "reasons": {}}), 200)

    projects = demo.expect("projects", demo.request("GET", f"/api/projects?organisation={ORG}", OP), 200)
    project = next(x for x in projects if x["applicationId"] == app["id"])
    if project["status"] == "AWARDED":
        demo.expect("agreement", demo.request("POST", f"/api/projects/{project['id']}/agreement", OP,
                                              {"startsOn": str(today), "endsOn": str(today + datetime.timedelta(days=300))}), 200)
    for role, person in (("PROJECT_LEAD", "agency"), ("UNIVERSITY_EXPERT", "expert-scu"), ("SOCIAL_WORKER", "social-worker-01")):
        demo.expect(f"seat {role}", demo.request("PUT", f"/api/projects/{project['id']}/team/{role}", OP, {"personId": person}), 200)
    # G5: needs the SUPERVISOR certificate training's demo grants; retried while it travels over Kafka
    demo.retry("senior supervisor", "PUT", f"/api/projects/{project['id']}/team/SENIOR_SUPERVISOR", OP, {"personId": "supervisor"}, (200,))
    logs = demo.expect("logs", demo.request("GET", f"/api/projects/{project['id']}/supervision-logs", "supervisor"), 200)
    if not logs:
        demo.expect("log", demo.request("POST", f"/api/projects/{project['id']}/supervision-logs", "supervisor",
                                        {"type": "ON_SITE", "happenedOn": str(today), "summary": "现场督导：院落议事会筹备"}), 201)

    second = call_in(demo, SECOND, today)
    applied(demo, second, "水井坊院落议事平台建设", 15_000_000)
    if second["status"] == "OPEN":
        demo.expect("review", demo.request("POST", f"/api/calls/{second['id']}/review", OP), 200)
        demo.expect("assign", demo.request("POST", f"/api/calls/{second['id']}/assignments/auto", OP), 200)

    view = demo.expect("project", demo.request("GET", f"/api/projects/{project['id']}", OP), 200)
    print(f"grants demo: project {project['id']} of {ORG} in {COMMUNITY}, released {view['releasedFen']} fen of "
          f"{view['project']['awardedFen']}; second call {second['id']} in review")


if __name__ == "__main__":
    main()
