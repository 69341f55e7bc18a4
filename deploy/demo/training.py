#!/usr/bin/env python3
"""Training demo data (issue 11), python3 stdlib only, against a running local stack (./yingzao up).

The catalogue (three colleges, partners, the programme's courses) and the two schemes come with the
service's Flyway seed. This script runs a closed cohort of the general course 社区营造通识课 for the
demo users evaluator, supervisor and a few others (enrolled by the city operator, attendance recorded
by `trainer` at both meetings), then the evaluator and supervisor courses, and records their scheme
assessments: `evaluator` and `supervisor` are certified by the service itself, as T3 says. The
demo user `evaluator-expired` gets a participatory evaluator certificate through the operator's
audited "grant on evidence" (a 2023 paper certificate), whose 24 months are over: the expiry job
records it as EXPIRED and publishes CertificationExpired. Map profiles (with coordinates) for the
demo communities and one study-tour route complete it.

    python3 deploy/demo/training.py [--url http://localhost:8086] \
        [--token-url http://localhost:8180/realms/yingzao/protocol/openid-connect/token]
"""
import argparse
import sys
import time
import urllib.error

from demo_api import DemoApi

TRAINER = "trainer"
OPERATOR = "city-operator"
COHORT = [
    ("evaluator", "Evaluator Demo", None),
    ("supervisor", "Supervisor Demo", None),
    ("community-staff", "Community Staff", None),
    ("agency", "Agency Worker", "ORG-SW-01"),
]
PROFILES = {
    "510104021001": dict(history="水井坊因明清酿酒作坊得名，老院落与新商圈相邻。", culture="酒文化、川剧坐唱、院落茶会",
                         specialities="院落自治、楼道微更新", resources="社区营造中心、院落议事坝坝", pivotCategory="COMMUNITY_CULTURE",
                         latitude=30.6531, longitude=104.0906),
    "510104021002": dict(history="交子社区以北宋交子发源地为名，商住混合。", culture="金融史、社区读书会",
                         specialities="共享空间、志愿服务积分", resources="党群服务中心", pivotCategory="PUBLIC_SPACE",
                         latitude=30.6410, longitude=104.0825),
    "510116005001": dict(history="棠湖社区依棠湖公园而建。", culture="湖畔文化节", specialities="生态环境共治",
                         resources="社区基金", pivotCategory="ECO_ENVIRONMENT", latitude=30.5800, longitude=103.9700),
    "510116005201": dict(history="白塔村以村中古塔得名，林盘院落散布。", culture="川西林盘、农耕节庆", specialities="社区产业、乡村民宿",
                         resources="集体经济合作社", pivotCategory="COMMUNITY_INDUSTRY", latitude=30.5690, longitude=103.9480),
    "510184110201": dict(history="竹艺村以道明竹编为业，竹里建筑成为网红打卡地。", culture="道明竹编非遗", specialities="竹编产业、乡村旅游",
                         resources="竹编合作社、竹里", pivotCategory="COMMUNITY_INDUSTRY", latitude=30.6480, longitude=103.5230),
}


class Demo(DemoApi):
    def expect(self, what, answer, *ok):
        status, body = answer
        if status not in ok:
            sys.exit(f"training demo: {what} answered HTTP {status}: {body}")
        return body


def wait_ready(demo, seconds=180):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            status, _ = demo.request("GET", "/api/public/courses")
            if status == 200:
                return
        except urllib.error.URLError:
            pass
        time.sleep(2)
    sys.exit("training demo: the service did not answer within %d s" % seconds)


def cohort(demo, course, title, people, score, start):
    """A closed session of `course`: two past meetings attended by everyone, a course score, closed."""
    meetings = [{"startsAt": f"{start}T01:00:00Z", "endsAt": f"{start}T04:00:00Z"},
                {"startsAt": f"{start}T06:00:00Z", "endsAt": f"{start}T09:00:00Z"}]
    session = demo.expect(f"open {course}", demo.request("POST", "/api/sessions", OPERATOR, {
        "courseCode": course, "title": title, "trainerId": TRAINER, "place": "成都市城市社区学院 302",
        "capacity": 40, "meetings": meetings}), 201)["id"]
    demo.expect(f"enrol {course}", demo.request("POST", f"/api/sessions/{session}/enrolments/batch", OPERATOR, {
        "people": [{"personId": p, "displayName": n, "organisation": o} for p, n, o in people]}), 200)
    for seq in (1, 2):
        demo.expect(f"attendance {course}/{seq}", demo.request("POST", f"/api/sessions/{session}/meetings/{seq}/attendance", TRAINER,
                                                                 {"personIds": [p for p, _, _ in people]}), 200)
    for p, _, _ in people:
        demo.expect(f"score {p}", demo.request("PUT", f"/api/sessions/{session}/scores/{p}", TRAINER, {"score": score}), 204)
    closed = demo.expect(f"close {course}", demo.request("POST", f"/api/sessions/{session}/close", TRAINER), 200)
    done = sum(1 for c in closed if c["complete"])
    print(f"training demo: {title}: {done} of {len(closed)} completed (session {session})")
    return session


def main():
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--url", default="http://localhost:8086")
    args.add_argument("--token-url", default="http://localhost:8180/realms/yingzao/protocol/openid-connect/token")
    a = args.parse_args()
    demo = Demo(a.url, a.token_url)
    wait_ready(demo)

    courses = demo.expect("catalogue", demo.request("GET", "/api/public/courses"), 200)
    print(f"training demo: catalogue of {len(courses)} courses")

    cohort(demo, "CB-GENERAL", "社区营造通识课 2026 春季班", COHORT, 90, "2026-03-02")
    cohort(demo, "PE-EVALUATOR", "参与式评估师课程 2026 第一期", COHORT[:1], 86, "2026-04-06")
    cohort(demo, "SUPERVISOR", "项目督导课程 2026 第一期", COHORT[1:2], 84, "2026-04-13")
    for person, scheme, score in (("evaluator", "PARTICIPATORY_EVALUATOR", 88), ("supervisor", "SUPERVISOR", 82)):
        result = demo.expect(f"assess {person}", demo.request("POST", f"/api/schemes/{scheme}/assessments", TRAINER,
                                                               {"personId": person, "score": score}), 201)
        if not result["certified"] and not any("already certified" in m["reason"] for m in result["missing"]):
            sys.exit(f"training demo: {person} was not certified: {result['missing']}")
        print(f"training demo: {person} certified {scheme}")

    status, body = demo.request("POST", "/api/schemes/PARTICIPATORY_EVALUATOR/grants", OPERATOR, {
        "personId": "evaluator-expired", "holderName": "Evaluator Expired",
        "evidence": "2023 年参与式评估师纸质证书（成都市城市社区学院），迁入平台", "validFrom": "2023-06-01T00:00:00Z"})
    if status not in (201, 422):
        sys.exit(f"training demo: grant on evidence answered HTTP {status}: {body}")
    expired = demo.expect("expiry run", demo.request("POST", "/api/certificates/expiry-runs", OPERATOR), 200)
    print(f"training demo: expiry job expired {expired['expired']} certificate(s) (evaluator-expired's)")

    deadline = time.time() + 180
    pending = dict(PROFILES)
    while pending and time.time() < deadline:
        for code, profile in list(pending.items()):
            status, body = demo.request("PUT", f"/api/communities/{code}/map-profile", OPERATOR, profile)
            if status == 200:
                del pending[code]
            elif status != 404:
                sys.exit(f"training demo: map profile {code} answered HTTP {status}: {body}")
        if pending:
            time.sleep(2)
    if pending:
        sys.exit(f"training demo: communities {sorted(pending)} did not arrive from the registry")
    demo.expect("study tour", demo.request("POST", "/api/map/tours", TRAINER, {
        "title": "锦江—双流—崇州社区营造游学线", "theme": "院落自治到林盘产业：六步路径的不同阶段",
        "communities": ["510104021001", "510104021002", "510116005001", "510116005201", "510184110201"]}), 201)
    print(f"training demo: {len(PROFILES)} map profiles and one study-tour route")


if __name__ == "__main__":
    main()
