#!/usr/bin/env python3
"""Logs in to `sochibo serve` on 127.0.0.1:TARGET_PORT as NAME/PASSWORD, then serves
LISTEN_PORT as a proxy that adds the session cookie to every GET, so that headless chromium
can screenshot pages behind login:
  python3 .ci/login-proxy.py 8080 8081 thu.napan bi-thu-2024 &
  chromium --headless --no-sandbox --screenshot=/tmp/x.png --window-size=412,900 http://127.0.0.1:8081/
"""
import http.client, http.server, re, sys, urllib.parse

target, listen, name, password = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]

def request(method, path, body=None, cookie=None):
    c = http.client.HTTPConnection("127.0.0.1", target)
    headers = {}
    if cookie: headers["Cookie"] = cookie
    if body is not None: headers["Content-Type"] = "application/x-www-form-urlencoded"
    c.request(method, path, body=body, headers=headers)
    r = c.getresponse()
    return r, r.read()

r, page = request("GET", "/dang-nhap")
cookie = r.getheader("Set-Cookie").split(";")[0]
token = re.search(rb'name="csrf_token" value="([^"]+)"', page).group(1).decode()
body = urllib.parse.urlencode({"username": name, "password": password, "csrf_token": token})
r, _ = request("POST", "/dang-nhap", body, cookie)
cookie = r.getheader("Set-Cookie").split(";")[0]
print("logged in:", r.status, flush=True)

class Proxy(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        r, data = request("GET", self.path, cookie=cookie)
        self.send_response(r.status)
        for k, v in r.getheaders():
            if k.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    def log_message(self, *args): pass

http.server.ThreadingHTTPServer(("127.0.0.1", listen), Proxy).serve_forever()
