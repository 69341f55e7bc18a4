#!/usr/bin/env python3
"""The whole demo city, in order, against running services (python3 stdlib only): registry, finance,
deliberation, training, grants, evaluation, then finance again once the council's resolution has
reached it. Each part runs once: a marker file per part in --state-dir records it (delete the
directory to load again into fresh databases). ./yingzao up and the system tests both load it so.

    python3 deploy/demo/city.py --state-dir DIR --token-url URL \
        --registry URL --finance URL --deliberation URL --training URL --grants URL --evaluation URL
"""
import argparse
import datetime
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent

PARTS = [
    ("registry", "districts, streets, communities, groups, courtyards, households, organisations"),
    ("finance", "allocation, a closed household vote round, a project at step 3"),
    ("deliberation", "a constituted council, a past meeting, an adopted resolution on the finance project"),
    ("training", "a closed cohort, evaluator and supervisor certified, evaluator-expired's certificate expired, map profiles"),
    ("grants", "a call in review, an awarded project in 510104021001 for ORG-SW-01 with its 1+1+1+1 team, first tranche released"),
    ("evaluation", "the provisional framework, the grant project's mid-term evaluation scored by two evaluators and released"),
]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--state-dir", required=True)
    p.add_argument("--token-url", required=True)
    for name, _ in PARTS:
        p.add_argument("--" + name, required=True, help=f"base URL of the {name} service")
    p.add_argument("--log", help="append the scripts' output here (default: this process's output)")
    args = p.parse_args()
    state = pathlib.Path(args.state_dir)
    state.mkdir(parents=True, exist_ok=True)
    project_file = state / "demo-finance-project"
    log = open(args.log, "a", encoding="utf-8") if args.log else None
    extra = {
        "finance": ["--project-id-file", str(project_file)],
        "deliberation": ["--subject-ref-file", str(project_file)],
        "evaluation": ["--training-url", args.training],
    }
    for name, what in PARTS:
        marker = state / f"demo-loaded-{name}"
        if marker.exists():
            print(f" ok demo data ({name}) already loaded ({marker.read_text().strip()})", flush=True)
            continue
        print(f"==> demo data ({name}): {what}", flush=True)
        run(name, [sys.executable, str(HERE / f"{name}.py"), "--url", getattr(args, name), "--token-url", args.token_url]
            + extra.get(name, []), log)
        marker.write_text(datetime.datetime.now().astimezone().isoformat(timespec="seconds") + "\n")
        print(f" ok demo data ({name}) loaded", flush=True)
    # the council's resolution reaches finance over Kafka: the project moves on to its hearing (step 5)
    after = state / "demo-loaded-finance-after-resolution"
    if not after.exists() and project_file.exists():
        if run("finance (after the resolution)", [sys.executable, str(HERE / "finance.py"), "--url", args.finance,
                                                 "--token-url", args.token_url, "--project-id-file", str(project_file),
                                                 "--after-resolution"], log, required=False):
            after.write_text(datetime.datetime.now().astimezone().isoformat(timespec="seconds") + "\n")
        else:
            print("warn demo data: finance could not move the project past step 3 yet (the next up tries again)", flush=True)


def run(name, command, log, required=True):
    result = subprocess.run(command, stdout=log or None, stderr=subprocess.STDOUT if log else None, cwd=HERE)
    if result.returncode != 0 and required:
        sys.exit(f"demo data ({name}) failed (exit {result.returncode})")
    return result.returncode == 0


if __name__ == "__main__":
    main()
