#!/usr/bin/env python3
"""Writes each message bundle interface's methods from its zh-CN file, so adding a word is one line per language.

    python3 services/portal/tools/sync-bundles.py

A key is a method; its parameters are written after the key as a comment line above it in the zh-CN file:
    # params: long count
    communities_count=共 {count} 个社区
PortalMessagesTest checks that both languages have the same keys.
"""
import pathlib, re

root = pathlib.Path(__file__).resolve().parent.parent / "src/main"
for zh in sorted((root / "resources/messages").glob("*_zh_CN.properties")):
    bundle = zh.name.split("_zh_CN")[0]
    java = next((root / "java").rglob("*.java"), None)
    target = None
    for f in (root / "java").rglob("*.java"):
        if f'@MessageBundle(value = "{bundle}"' in f.read_text(encoding="utf-8"):
            target = f
            break
    if target is None:
        raise SystemExit(f"no @MessageBundle(value = \"{bundle}\") interface")
    methods, params = [], ""
    for line in zh.read_text(encoding="utf-8").splitlines():
        m = re.match(r"#\s*params:\s*(.*)", line)
        if m:
            params = m.group(1).strip()
            continue
        if "=" in line and not line.lstrip().startswith("#"):
            key = line.split("=", 1)[0].strip()
            methods.append(f"    String {key}({params});\n")
            params = ""
    text = target.read_text(encoding="utf-8")
    head, sep, _ = text.partition(" {\n")
    target.write_text(head + sep + "\n" + "\n".join(methods) + "}\n", encoding="utf-8")
    print(f"{target.name}: {len(methods)} messages")
