"""Where the CPU goes: JFR execution samples of one recording, grouped. A sample goes to the first
SPECIFIC group with a frame anywhere on its stack; otherwise to the GENERIC group of its nearest
(leaf-most) frame that names one."""
import sys, re, collections, subprocess
SPECIFIC = [
  ("background: outbox relay, scheduler, Kafka client", r"kernel\.outbox|io\.quarkus\.scheduler|org\.apache\.kafka"),
  ("RS256 signature check (java.security.Signature.verify)", r"java\.security\.Signature\.verify"),
  ("jose4j: JWS/JWT parsing + claim checks", r"org\.jose4j"),
  ("quarkus-oidc: token decoded again as JSON (isOpaqueToken, decodeJwtContent)", r"OidcUtils\.isOpaqueToken|OidcCommonUtils\.decodeJwtContent|OidcCommonUtils\.decodeAsJsonObject"),
  ("quarkus-oidc: identity built (roles, scopes as permissions, principal)", r"OidcUtils\.validateAndCreateIdentity|OidcJwtCallerPrincipal|DefaultJWTCallerPrincipal|setSecurityIdentity"),
  ("kernel security: Caller, verified-token cache", r"kernel\.security"),
  ("the resource's work: Hibernate / JDBC / transaction", r"org\.hibernate|org\.postgresql|agroal|narayana|arjuna|panache|kernel\.settings"),
  ("Jackson: writing the response", r"MessageBodyWriter|ServerSerialisers"),
  ("yingzao verifier (kernel security)", r"city\.yingzao\.kernel\.security"),
]
GENERIC = [
  ("security/OIDC framework: mechanisms, identity providers, authorizers, Uni plumbing", r"io\.quarkus\.oidc|io\.quarkus\.security|io\.quarkus\.vertx\.http\.runtime\.security|smallrye\.jwt|io\.smallrye\.mutiny|io\.smallrye\.context"),
  ("HTTP: Vert.x, Netty, RESTEasy Reactive, health, metrics", r"resteasy|io\.vertx|io\.netty|io\.quarkus\.vertx|smallrye\.health|micrometer|io\.quarkus\.arc|io\.quarkus\.resteasy"),
]
OTHER = "other (JVM, JDK, GC-adjacent)"
def load(f):
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "512", f], capture_output=True, text=True).stdout
    samples = []; cur = None
    for line in out.splitlines():
        line = line.strip()
        if line.startswith("jdk.ExecutionSample"): cur = []; samples.append(cur)
        elif cur is not None and "line:" in line and "(" in line:
            m = re.match(r"(\S+)\(", line)
            if m: cur.append(m.group(1))
    return samples
def classify(st):
    j = " ".join(st)
    for name, p in SPECIFIC:
        if re.search(p, j): return name
    for fr in st:
        for name, p in GENERIC:
            if re.search(p, fr): return name
    return OTHER
files = sys.argv[1:]
data = []
for f in files:
    s = load(f); c = collections.Counter(classify(st) for st in s); data.append((len(s), c))
print("| where | " + " | ".join(f.split("/")[-1] for f in files) + " |")
print("|---|" + "---|" * len(files))
for name in [n for n, _ in SPECIFIC] + [n for n, _ in GENERIC] + [OTHER]:
    if any(c[name] for _, c in data):
        print(f"| {name} | " + " | ".join(f"{100*c[name]/n:.1f}% ({c[name]})" for n, c in data) + " |")
print("| samples | " + " | ".join(str(n) for n, _ in data) + " |")
