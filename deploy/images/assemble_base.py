#!/usr/bin/env python3
"""Turns the unpacked Debian packages of build-base.sh into the base image (stdlib only).

assemble_base.py WORK OUT LOCK: WORK/rootfs holds libc6, libgcc-s1, libstdc++6, zlib1g and
openjdk-17-jre-headless unpacked with dpkg-deb -x; WORK/extra/{ca-certificates,tzdata} hold the
data packages. Adds what the packages' maintainer scripts would have made (the CA bundle, the Java
cacerts, /usr/bin/java), the users, and writes the layer and two image archives with every
timestamp at SOURCE_DATE_EPOCH, owners numeric, entries sorted: the same input gives the same bytes.
"""
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import stat
import struct
import subprocess
import sys
import tarfile
import time

WORK, OUT, LOCK = sys.argv[1:4]
SDE = int(os.environ["SOURCE_DATE_EPOCH"])
CREATED = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(SDE))
ROOT = os.path.join(WORK, "rootfs")
JAVA_HOME = "/usr/lib/jvm/java-17-openjdk-amd64"
APP_UID = 185
# JRE libraries for desktop features a service never loads (fonts, images, sound, smart cards):
# their libraries (freetype, harfbuzz, libjpeg, lcms2, alsa, pcsclite) are left out on purpose.
LEFT_OUT = {"libfontmanager.so", "libjavajpeg.so", "liblcms.so", "libjsound.so", "libj2pcsc.so",
            "libsplashscreen.so", "libawt_xawt.so"}


def p(*parts):
    return os.path.join(ROOT, *[x.lstrip("/") for x in parts])


def write(path, text, mode=0o644):
    os.makedirs(os.path.dirname(p(path)), exist_ok=True)
    with open(p(path), "wb") as f:
        f.write(text if isinstance(text, bytes) else text.encode())
    os.chmod(p(path), mode)


def prune():
    for rel in ["usr/share/man", "usr/share/lintian", "usr/share/info", "usr/lib/debug",
                JAVA_HOME + "/man", JAVA_HOME + "/docs", "usr/share/gdb", "usr/share/locale",
                # javac's symbol file (no compiler here) and the class-data archive for heaps over
                # 32 GB (no compressed oops); the default CDS archive classes.jsa stays
                JAVA_HOME + "/lib/ct.sym", JAVA_HOME + "/lib/server/classes_nocoops.jsa"]:
        target = p(rel)
        if os.path.islink(target) or os.path.isfile(target):
            os.remove(target)
        elif os.path.isdir(target):
            shutil.rmtree(target)
    doc = p("usr/share/doc")
    # keep only the licences (copyright files), as distroless does
    for dirpath, dirnames, filenames in os.walk(doc, topdown=False):
        for name in filenames:
            full = os.path.join(dirpath, name)
            if name != "copyright":
                os.remove(full)
        for name in dirnames:
            full = os.path.join(dirpath, name)
            if os.path.islink(full):
                os.remove(full)
            elif not os.listdir(full):
                os.rmdir(full)


def der_certs(pem_text):
    import base64
    for body in re.findall(r"-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", pem_text, re.S):
        yield base64.b64decode("".join(body.split()))


def jks(entries, password="changeit"):
    """A JKS trust store (what ca-certificates-java writes); creation dates fixed at SOURCE_DATE_EPOCH."""
    out = bytearray(struct.pack(">III", 0xFEEDFEED, 2, len(entries)))
    for alias, der in entries:
        a = alias.encode("utf-8")
        out += struct.pack(">IH", 2, len(a)) + a + struct.pack(">q", SDE * 1000)
        out += struct.pack(">H", 5) + b"X.509" + struct.pack(">I", len(der)) + der
    out += hashlib.sha1(password.encode("utf-16-be") + b"Mighty Aphrodite" + bytes(out)).digest()
    return bytes(out)


def add_data_packages():
    ca = os.path.join(WORK, "extra", "ca-certificates")
    mozilla = os.path.join(ca, "usr/share/ca-certificates/mozilla")
    bundle, entries = [], []
    for name in sorted(os.listdir(mozilla)):
        with open(os.path.join(mozilla, name), encoding="utf-8") as f:
            text = f.read()
        bundle.append(text if text.endswith("\n") else text + "\n")
        for i, der in enumerate(der_certs(text)):
            alias = "debian:" + name[:-4].lower() + ".pem" + ("" if i == 0 else "-%d" % i)
            entries.append((alias, der))
    write("/etc/ssl/certs/ca-certificates.crt", "".join(bundle))
    write("/etc/ssl/certs/java/cacerts", jks(entries))
    tz = os.path.join(WORK, "extra", "tzdata")
    shutil.copytree(os.path.join(tz, "usr/share/zoneinfo"), p("/usr/share/zoneinfo"), symlinks=True)
    for pkg, src in (("ca-certificates", ca), ("tzdata", tz)):
        os.makedirs(p("/usr/share/doc", pkg), exist_ok=True)
        shutil.copy(os.path.join(src, "usr/share/doc", pkg, "copyright"), p("/usr/share/doc", pkg, "copyright"))
    if not os.path.exists(p("/usr/share/zoneinfo/Asia/Shanghai")):
        sys.exit("tzdata has no Asia/Shanghai")
    return len(entries)


def add_system_files():
    write("/etc/passwd", "root:x:0:0:root:/root:/sbin/nologin\n"
                         "nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n"
                         "jboss:x:185:185:Yingzao service:/home/jboss:/sbin/nologin\n")
    write("/etc/group", "root:x:0:\nnobody:x:65534:\njboss:x:185:\n")
    write("/etc/nsswitch.conf", "passwd: files\ngroup: files\nhosts: files dns\nnetworks: files\n")
    write("/etc/os-release", 'PRETTY_NAME="Yingzao Java 17 base (Debian 12 packages, distroless style)"\n'
                             'NAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n')
    for d, mode in (("/tmp", 0o1777), ("/proc", 0o555), ("/sys", 0o555), ("/dev", 0o755),
                    ("/root", 0o700), ("/home/jboss", 0o750), ("/usr/bin", 0o755)):
        os.makedirs(p(d), exist_ok=True)
        os.chmod(p(d), mode)
    for link, target in (("/usr/bin/java", JAVA_HOME + "/bin/java"),
                         ("/usr/bin/keytool", JAVA_HOME + "/bin/keytool"),
                         ("/etc/localtime", "/usr/share/zoneinfo/Etc/UTC")):
        if os.path.lexists(p(link)):
            os.remove(p(link))
        os.symlink(target, p(link))
    write("/etc/timezone", "Etc/UTC\n")


def check():
    problems = []
    for dirpath, dirnames, filenames in os.walk(ROOT):
        for name in dirnames + filenames:
            full = os.path.join(dirpath, name)
            st = os.lstat(full)
            if not stat.S_ISLNK(st.st_mode) and st.st_mode & (stat.S_ISUID | stat.S_ISGID) and not stat.S_ISDIR(st.st_mode):
                problems.append("setuid/setgid: " + full[len(ROOT):])
    for shell in ("bin/sh", "bin/bash", "bin/dash", "usr/bin/sh", "usr/bin/bash", "usr/bin/dash",
                  "usr/bin/dpkg", "usr/bin/apt", "usr/bin/apt-get", "sbin/ldconfig", "usr/bin/env"):
        if os.path.lexists(p(shell)):
            problems.append("should not be in the base: /" + shell)
    # every library the JRE links against is in the image (except the desktop ones in LEFT_OUT)
    search = [p(d) for d in ("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64",
                             JAVA_HOME + "/lib", JAVA_HOME + "/lib/server")]
    missing = set()
    if shutil.which("readelf"):
        for dirpath, _, filenames in os.walk(p(JAVA_HOME)):
            for name in filenames:
                full = os.path.join(dirpath, name)
                if os.path.islink(full) or name in LEFT_OUT:
                    continue
                with open(full, "rb") as f:
                    if f.read(4) != b"\x7fELF":
                        continue
                dyn = subprocess.run(["readelf", "-d", full], capture_output=True, text=True).stdout
                for lib in re.findall(r"Shared library: \[(.*?)\]", dyn):
                    if not any(os.path.lexists(os.path.join(d, lib)) for d in search):
                        missing.add("%s needs %s" % (name, lib))
    else:
        print("readelf not found: library check skipped", file=sys.stderr)
    problems += sorted(missing)
    if problems:
        sys.exit("base image check failed:\n  " + "\n  ".join(problems))


def layer_tar():
    buf = io.BytesIO()
    seen = {}
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        def add(full, arc):
            st = os.lstat(full)
            info = tarfile.TarInfo(arc)
            info.mtime, info.uid, info.gid, info.uname, info.gname = SDE, 0, 0, "", ""
            info.mode = stat.S_IMODE(st.st_mode)
            if arc == "home/jboss":
                info.uid = info.gid = APP_UID
            if stat.S_ISDIR(st.st_mode):
                info.type = tarfile.DIRTYPE
                tar.addfile(info)
            elif stat.S_ISLNK(st.st_mode):
                info.type, info.linkname = tarfile.SYMTYPE, os.readlink(full)
                tar.addfile(info)
            elif stat.S_ISREG(st.st_mode):
                key = (st.st_dev, st.st_ino)
                if st.st_nlink > 1 and key in seen:
                    info.type, info.linkname = tarfile.LNKTYPE, seen[key]
                    tar.addfile(info)
                    return
                seen[key] = arc
                info.size = st.st_size
                with open(full, "rb") as f:
                    tar.addfile(info, f)
            else:
                sys.exit("unexpected file type: " + arc)

        def walk(rel):
            full = os.path.join(ROOT, rel) if rel else ROOT
            for name in sorted(os.listdir(full)):
                arc = (rel + "/" + name) if rel else name
                add(os.path.join(full, name), arc)
                if os.path.isdir(os.path.join(full, name)) and not os.path.islink(os.path.join(full, name)):
                    walk(arc)
        walk("")
    return buf.getvalue()


def sha(data):
    return hashlib.sha256(data).hexdigest()


def tar_of(files):
    """A deterministic outer tar of (name, bytes)."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in files:
            info = tarfile.TarInfo(name)
            info.mtime, info.mode, info.size = SDE, 0o644, len(data)
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def main():
    prune()
    certs = add_data_packages()
    add_system_files()
    check()
    layer = layer_tar()
    diff_id = "sha256:" + sha(layer)
    with open(LOCK, "rb") as f:
        lock_sha = sha(f.read())
    versions = dict(line.split()[:2] for line in open(LOCK) if line.strip() and not line.startswith("#"))
    jre = versions["openjdk-17-jre-headless"]
    tag = re.sub(r"[^A-Za-z0-9_.-]", "-", jre)
    labels = {
        "org.opencontainers.image.title": "yingzao-java17-base",
        "org.opencontainers.image.description": "Java 17 runtime from Debian 12 packages, distroless style, user 185",
        "org.opencontainers.image.created": CREATED,
        "org.opencontainers.image.version": tag,
        "city.yingzao.base.packages": ",".join("%s=%s" % kv for kv in versions.items() if kv[0] != "source-date-epoch"),
        "city.yingzao.base.lock-sha256": lock_sha,
    }
    config = {
        "architecture": "amd64", "os": "linux", "created": CREATED,
        "config": {
            "User": "185",
            "Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                    "JAVA_HOME=" + JAVA_HOME, "LANG=C.UTF-8",
                    "SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt"],
            "WorkingDir": "/home/jboss",
            "Labels": labels,
        },
        "rootfs": {"type": "layers", "diff_ids": [diff_id]},
        "history": [{"created": CREATED, "created_by": "deploy/images/build-base.sh (lock sha256 %s)" % lock_sha}],
    }
    config_bytes = json.dumps(config, sort_keys=True, separators=(",", ":")).encode()
    config_digest = sha(config_bytes)
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "base-layer.tar"), "wb") as f:
        f.write(layer)

    # docker save format: what Jib reads as a tar:// base
    manifest = [{"Config": config_digest + ".json", "RepoTags": ["yingzao/java17-base:" + tag],
                 "Layers": [diff_id[7:] + "/layer.tar"]}]
    docker = tar_of([("manifest.json", json.dumps(manifest, separators=(",", ":")).encode()),
                     (config_digest + ".json", config_bytes),
                     (diff_id[7:] + "/layer.tar", layer)])
    with open(os.path.join(OUT, "yingzao-java17-base.docker.tar"), "wb") as f:
        f.write(docker)

    # OCI image layout in a tar (skopeo copy oci-archive:...), gzip with no name and mtime 0
    gz = gzip.compress(layer, compresslevel=6, mtime=0)
    oci_manifest = json.dumps({
        "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": "sha256:" + config_digest, "size": len(config_bytes)},
        "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": "sha256:" + sha(gz), "size": len(gz)}],
        "annotations": {"org.opencontainers.image.created": CREATED},
    }, sort_keys=True, separators=(",", ":")).encode()
    index = json.dumps({"schemaVersion": 2, "manifests": [{
        "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:" + sha(oci_manifest),
        "size": len(oci_manifest), "annotations": {"org.opencontainers.image.ref.name": tag}}]},
        sort_keys=True, separators=(",", ":")).encode()
    oci = tar_of([("oci-layout", b'{"imageLayoutVersion":"1.0.0"}'), ("index.json", index),
                  ("blobs/sha256/" + config_digest, config_bytes), ("blobs/sha256/" + sha(gz), gz),
                  ("blobs/sha256/" + sha(oci_manifest), oci_manifest)])
    with open(os.path.join(OUT, "yingzao-java17-base.oci.tar"), "wb") as f:
        f.write(oci)
    summary = {"tag": tag, "layer_diff_id": diff_id, "layer_bytes": len(layer), "layer_gzip_bytes": len(gz),
               "oci_manifest_digest": "sha256:" + sha(oci_manifest), "config_digest": "sha256:" + config_digest,
               "ca_certificates": certs, "source_date_epoch": SDE}
    with open(os.path.join(OUT, "base.json"), "w") as f:
        json.dump(summary, f, indent=2, sort_keys=True)
        f.write("\n")
    print(json.dumps(summary, indent=2, sort_keys=True))


main()
