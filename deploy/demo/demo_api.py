"""The HTTP side every demo script shares (python3, standard library only): password-grant tokens of
the demo users (client yingzao-cli, password "demo"), cached per user, and JSON requests that answer
(status, body) whatever the status, so each script decides what it accepts."""
import json
import urllib.error
import urllib.parse
import urllib.request


class DemoApi:
    def __init__(self, url, token_url, timeout=120):
        self.url = url.rstrip("/")
        self.token_url = token_url
        self.timeout = timeout
        self.tokens = {}

    def token(self, user):
        if user not in self.tokens:
            form = urllib.parse.urlencode({"grant_type": "password", "client_id": "yingzao-cli",
                                           "username": user, "password": "demo"}).encode()
            with urllib.request.urlopen(urllib.request.Request(self.token_url, data=form), timeout=30) as r:
                self.tokens[user] = json.load(r)["access_token"]
        return self.tokens[user]

    def request(self, method, path, user=None, body=None):
        """(status, parsed JSON body or None); a body that is not JSON comes back as {"detail": text}."""
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if user:
            headers["Authorization"] = "Bearer " + self.token(user)
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.url + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as r:
                status, text = r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            status, text = e.code, e.read().decode()
        if not text:
            return status, None
        try:
            return status, json.loads(text)
        except ValueError:
            return status, {"detail": text}
