#!/usr/bin/env bash
# Slow-client benchmark (SPEC 7.1): while N connections trickle a request body (1 byte every 2 s) and N more
# trickle request headers, how fast are another user's reads? Prints the reads' p50/p99/max for three phases:
# baseline (no trickles), bodies trickling, headers trickling, and the server's thread count during each.
# The service runs with --header-timeout HEADER_TIMEOUT (default 30s, the shipped default is 10s) so that all
# the trickles are still open for the whole measured phase (opening 400 takes seconds on a loaded machine);
# after the phase the script waits to see the service cut every one of them.
# Usage: scripts/bench-slow-clients.sh [connections (400)] [reads per phase (400)] [phase seconds (8)]
# Runs the service from target/classes (mvn -q compile first); python3 drives the connections.
set -euo pipefail
cd "$(dirname "$0")/.."
conns=${1:-400}
reads=${2:-400}
secs=${3:-8}
port=${BENCH_PORT:-8797}
command -v python3 >/dev/null || { echo "bench-slow-clients: needs python3" >&2; exit 2; }
[ -d target/classes ] || mvn -B -q compile
cp_file=target/bench-classpath.txt
[ -s "$cp_file" ] || mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config"
java -Xmx512m -cp "target/classes:$(cat "$cp_file")" dev.ticket.Main serve --port "$port" --data "$work/data" \
  --no-request-log --header-timeout "${HEADER_TIMEOUT:-30s}" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
echo "ticket serve pid $server on port $port; $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$port" "$work/data/admin.token" "$conns" "$reads" "$secs" "$server" <<'PY'
import http.client, json, socket, sys, threading, time
port, token_file, conns, reads, secs, pid = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), sys.argv[6]
admin = open(token_file).read().strip()

def call(method, path, token, body=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request(method, path, body=json.dumps(body) if body else None,
              headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    r = c.getresponse(); data = r.read(); c.close()
    return r.status, data

status, data = call("POST", "/api/v1/users", admin, {"name": "Reader", "role": "customer", "account": "bench"})
reader = json.loads(data)["token"]
status, data = call("POST", "/api/v1/users", admin, {"name": "Slow", "role": "customer", "account": "slow"})
slow = json.loads(data)["token"]
status, data = call("POST", "/api/v1/tickets", reader, {"title": "Read me", "body": "hello"})
ticket = json.loads(data)["id"]

def threads():
    try:
        return int([l for l in open("/proc/%s/status" % pid) if l.startswith("Threads:")][0].split()[1])
    except Exception:
        return -1

def measure(label, seconds):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    lat, failed, peak = [], 0, threads()
    end = time.time() + seconds
    n = 0
    while n < reads and time.time() < end:
        t = time.perf_counter()
        try:
            c.request("GET", "/api/v1/tickets/%d" % ticket, headers={"Authorization": "Bearer " + reader})
            r = c.getresponse(); r.read()
            if r.status != 200:
                failed += 1
        except Exception:
            failed += 1
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        lat.append((time.perf_counter() - t) * 1000)
        n += 1
        time.sleep(max(0, seconds / reads - (time.perf_counter() - t)))
        peak = max(peak, threads())
    lat.sort()
    pct = lambda p: lat[min(len(lat) - 1, int(len(lat) * p))] if lat else float("nan")
    print("%-22s reads=%4d failed=%3d p50=%7.1f ms p99=%7.1f ms max=%7.1f ms server threads<=%d"
          % (label, len(lat), failed, pct(0.50), pct(0.99), lat[-1] if lat else float("nan"), peak))

def open_trickles(kind):
    socks = []
    for i in range(conns):
        s = socket.create_connection(("127.0.0.1", port))
        if kind == "body":
            s.sendall(("POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n"
                       "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{" % slow).encode())
        else:
            s.sendall(b"GET /api/v1/me HTTP/1.1\r\nHost: x\r\n")
        socks.append(s)
    stop = threading.Event()
    def drip():
        while not stop.wait(2.0):
            for s in socks:
                try:
                    s.send(b" " if kind == "body" else b"X")
                except OSError:
                    pass
    threading.Thread(target=drip, daemon=True).start()
    return socks, stop

def cut_after(socks, limit):
    # how many the service closed within `limit` seconds of opening
    deadline = time.time() + limit
    closed = 0
    for s in socks:
        s.settimeout(max(0.01, deadline - time.time()))
        try:
            data = s.recv(4096)
            closed += 1 if (data == b"" or data.startswith(b"HTTP/1.1 408")) else 0
        except (socket.timeout, OSError):
            pass
    return closed

measure("baseline", secs)
for kind in ("body", "headers"):
    started = time.time()
    socks, stop = open_trickles(kind)
    print("opened %d trickling %s in %.1f s" % (len(socks), kind, time.time() - started))
    measure("%d trickling %s" % (conns, kind), secs)
    closed = cut_after(socks, 60)
    stop.set()
    print("  the service cut %d of %d trickling %s within %.0f s of their start" % (closed, len(socks), kind, time.time() - started))
    for s in socks:
        s.close()
measure("after", min(secs, 3))
PY
