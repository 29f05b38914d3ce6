"""A real HTTP server speaking the OPA REST API that lgai's client uses, evaluating with
OPA's own Go evaluator (opa-golib-python-bindings), for the tests and the benchmark.

    with OpaTestServer(bundle=Path("lgai-bundle.tar.gz")) as server:
        ... lgai check --engine opa --opa-url {server.url} ...

Endpoints (as OPA 1.x answers them):
  GET  /health                      200 {}
  GET  /v1/config                   {"result": {"labels": {"id", "version"}, ...}}
  GET  /v1/status                   {"result": {"labels", "bundles": {name: {"active_revision"}}}}
  GET  /v1/policies                 {"result": [{"id", "raw", "ast": {"package"}}]}
  GET/PUT/DELETE /v1/policies/<id>  PUT compiles every module with the new one (400 on errors)
  GET/POST /v1/data/<path>          {"result": value} or {} when undefined; POST takes {"input"}
  PUT/PATCH/DELETE /v1/data/<path>  204 (PATCH: JSON Patch add/remove/replace)
  data.system.bundles.<name>.manifest holds a loaded bundle's manifest (revision, roots, metadata),
  and a bundle's roots cannot be written through the API, as in OPA.

OPA compiles every module on each policy PUT and refuses one that does not compile; the Go
evaluator here takes a good part of a second for that, so by default a PUT only checks that
the module parses and the compile happens at the first query (`compile_on_put=True` for OPA's
behaviour). Each engine compiles each distinct query once (the first query is slower).

Knobs for failure tests: `token` (401 without "Authorization: Bearer <token>"), `delay`
(seconds before every answer), `fail_next` (the next K requests answer 500), `always_fail`
(every request answers 500), `fail_method` (inject the failures into that method only, e.g.
"POST" for queries), `tls=(cert, key)` (https; `make_self_signed_cert`), `closed_port_url()`
(a port nobody listens on).
"""

from __future__ import annotations

import copy
import json
import queue
import re
import socket
import tarfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit

from opa_bindings import OpaEngine, OpaError, OpaUndefinedError

BINDINGS = "opa-golib-python-bindings"
SERVER_VERSION = f"test-server/{BINDINGS}-{metadata.version(BINDINGS)}"


class BundleError(ValueError):
    """The bundle is not one OPA would load."""


def closed_port_url() -> str:
    """http://127.0.0.1:<port> where nothing listens (a server that is down)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def make_self_signed_cert(directory: Path, host: str = "127.0.0.1") -> tuple[Path, Path]:
    """A self-signed certificate for `host` (an IP address) and its key, as PEM files."""
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "lgai OPA test server")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(host))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    directory = Path(directory)
    cert_path, key_path = directory / "opa-test.crt", directory / "opa-test.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path


def load_bundle_file(path: Path) -> tuple[dict, dict[str, str], dict]:
    """(manifest, modules {file name: source}, data) of a bundle tar.gz, checked as OPA checks it:
    a manifest with a revision, Rego packages and data files inside the roots."""
    manifest: dict = {}
    modules: dict[str, str] = {}
    data: dict = {}
    with tarfile.open(path, "r:gz") as tar:
        for member in tar.getmembers():
            if not member.isfile():
                continue
            name = member.name.lstrip("/")
            raw = tar.extractfile(member).read()
            if name == ".manifest":
                manifest = json.loads(raw)
            elif name.endswith(".rego"):
                modules[name] = raw.decode("utf-8")
            elif name == "data.json" or name.endswith("/data.json"):
                parts = [p for p in name.split("/")[:-1] if p]
                _set_path(data, parts, json.loads(raw), merge=True)
    if not isinstance(manifest.get("revision"), str):
        raise BundleError(f"{path}: the manifest has no revision")
    roots = manifest.get("roots")
    if roots is not None:
        root_parts = [[p for p in r.split("/") if p] for r in roots]
        for name, source in modules.items():
            pkg = _package_of(source)
            if pkg is None:
                raise BundleError(f"{path}: {name} has no package")
            if not any(r == pkg.split(".")[: len(r)] for r in root_parts):
                raise BundleError(f"{path}: {name}: package {pkg} is outside the bundle roots {roots}")
        if not _data_in_roots([], data, root_parts):
            raise BundleError(f"{path}: data outside the bundle roots {roots}")
    return manifest, modules, data


def _data_in_roots(parts: list[str], value, roots: list[list[str]]) -> bool:
    """Every document of `value` (at `parts`) lies under one of the roots."""
    if any(r == parts[: len(r)] for r in roots):
        return True
    if not any(r[: len(parts)] == parts for r in roots) or not isinstance(value, dict):
        return False
    return all(_data_in_roots(parts + [k], v, roots) for k, v in value.items())


def _under_roots(path: list[str] | tuple, roots: list[str]) -> bool:
    """`path` overlaps a root (lies under it, or contains it)."""
    path = list(path)
    for root in roots:
        rparts = [p for p in root.split("/") if p]
        if not rparts or path[: len(rparts)] == rparts or rparts[: len(path)] == path:
            return True
    return False


def _package_of(source: str) -> str | None:
    m = re.search(r"^package\s+([\w.]+)", source, re.MULTILINE)
    return m.group(1) if m else None


def _set_path(doc: dict, parts: list[str], value, merge: bool = False) -> None:
    if not parts:
        if merge:
            _deep_merge(doc, value)
        else:
            doc.clear()
            doc.update(value)
        return
    node = doc
    for p in parts[:-1]:
        nxt = node.get(p)
        if not isinstance(nxt, dict):
            nxt = node[p] = {}
        node = nxt
    if merge and isinstance(node.get(parts[-1]), dict) and isinstance(value, dict):
        _deep_merge(node[parts[-1]], value)
    else:
        node[parts[-1]] = value


def _deep_merge(dst: dict, src: dict) -> None:
    for k, v in src.items():
        if isinstance(v, dict) and isinstance(dst.get(k), dict):
            _deep_merge(dst[k], v)
        else:
            dst[k] = v


class _Pool:
    """Compiled engines for one state of policies and data; up to `size` evaluate at once
    (the Go evaluator releases the GIL; one engine serialises its own evaluations)."""

    def __init__(self, policies: dict[str, str], data: dict, size: int):
        self.policies = dict(policies)
        self.data = data
        self.size = max(1, size)
        self._idle: queue.Queue = queue.Queue()
        self._made = 0
        self._lock = threading.Lock()

    def seed(self, engine: OpaEngine) -> None:
        """An engine already built (the compile check of a PUT) serves first."""
        with self._lock:
            self._made += 1
        self._idle.put(engine)

    def build(self) -> OpaEngine:
        engine = OpaEngine()
        for pid, source in sorted(self.policies.items()):
            engine.add_policy(pid, source)
        engine.add_data(self.data)
        engine.eval_query("true")  # compile now: raises OpaError(prepare_error) on a bad module
        return engine

    def acquire(self) -> OpaEngine:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            make = self._made < self.size
            if make:
                self._made += 1
        if make:
            return self.build()
        return self._idle.get()

    def release(self, engine: OpaEngine) -> None:
        self._idle.put(engine)


class OpaTestServer:
    def __init__(
        self, bundle: Path | None = None, *, token: str | None = None, engines: int = 1,
        compile_on_put: bool = False, tls: tuple[Path, Path] | None = None,
    ):
        self.token = token
        self.tls = tls
        self.delay = 0.0
        self.fail_next = 0
        self.always_fail = False
        self.fail_method: str | None = None
        self.compile_on_put = compile_on_put
        self.requests: list[tuple[str, str, int]] = []  # (method, path, status)
        self.auth_headers: list[str | None] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._engines = engines
        self._lock = threading.RLock()
        self._policies: dict[str, str] = {}
        self._base: dict = {}  # base documents (PUT /v1/data, bundle data)
        self._bundles: dict[str, dict] = {}  # name -> manifest
        self._pool: _Pool | None = None
        if bundle is not None:
            self.load_bundle(bundle)
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -----------------------------------------------------------------------

    def start(self) -> "OpaTestServer":
        handler = type("Handler", (_Handler,), {"server_state": self})
        self._httpd = _QuietServer(("127.0.0.1", 0), handler)
        if self.tls is not None:
            import ssl

            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(str(self.tls[0]), str(self.tls[1]))
            self._httpd.socket = ctx.wrap_socket(self._httpd.socket, server_side=True)
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="opa-test-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> "OpaTestServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    # -- state ---------------------------------------------------------------------------

    def load_bundle(self, path: Path, name: str | None = None) -> dict:
        manifest, modules, data = load_bundle_file(Path(path))
        name = name or Path(path).name
        with self._lock:
            policies = {f"{name}/{m}": src for m, src in modules.items()}
            base = copy.deepcopy(self._base)
            _deep_merge(base, data)
            self._commit(dict(self._policies, **policies), base, bundles=dict(self._bundles, **{name: manifest}))
        return manifest

    def reset_knobs(self) -> None:
        """Back to a healthy, fast server, and forget the requests seen (the state stays)."""
        with self._lock:
            self.delay, self.fail_next, self.always_fail, self.fail_method = 0.0, 0, False, None
            self.requests.clear()
            self.auth_headers.clear()
            self.max_in_flight = 0

    def reset(self) -> None:
        with self._lock:
            self._policies, self._base, self._bundles, self._pool = {}, {}, {}, None
            self.delay, self.fail_next, self.always_fail, self.fail_method = 0.0, 0, False, None
            self.requests.clear()
            self.auth_headers.clear()
            self.max_in_flight = 0

    def _data_doc(self, base: dict, bundles: dict) -> dict:
        doc = copy.deepcopy(base)
        if bundles:
            doc.setdefault("system", {})["bundles"] = {n: {"manifest": m, "etag": ""} for n, m in bundles.items()}
        return doc

    def _commit(self, policies: dict, base: dict, bundles: dict | None = None, compile: bool = True) -> None:
        """Replace the state; with `compile`, refuse it (OpaError) when the modules do not compile."""
        bundles = self._bundles if bundles is None else bundles
        pool = _Pool(policies, self._data_doc(base, bundles), self._engines)
        if compile and policies:
            pool.seed(pool.build())
        self._policies, self._base, self._bundles, self._pool = policies, base, bundles, pool

    def _owner(self, path_parts: list[str]) -> str | None:
        for name, manifest in self._bundles.items():
            roots = manifest.get("roots")
            if roots is None or _under_roots(path_parts, roots):
                return name
        return None

    # -- request handling (called from handler threads) ------------------------------------

    def handle(self, method: str, raw_path: str, headers, body: bytes) -> tuple[int, dict | None]:
        parts = urlsplit(raw_path)
        path = unquote(parts.path)
        if self.token is not None and headers.get("Authorization") != f"Bearer {self.token}":
            return 401, {"code": "unauthorized", "message": "request rejected by administrative policy"}
        with self._lock:
            targeted = self.fail_method is None or self.fail_method == method
            if self.always_fail and targeted:
                return 500, {"code": "internal_error", "message": "injected failure (always)"}
            if self.fail_next > 0 and targeted:
                self.fail_next -= 1
                return 500, {"code": "internal_error", "message": "injected transient failure"}
        if path == "/health" and method == "GET":
            return 200, {}
        if path == "/v1/config" and method == "GET":
            return 200, {"result": {"labels": {"id": "lgai-test-server", "version": SERVER_VERSION}, "default_decision": "/system/main"}}
        if path == "/v1/status" and method == "GET":
            with self._lock:
                bundles = {n: {"name": n, "active_revision": m.get("revision")} for n, m in self._bundles.items()}
            return 200, {"result": {"labels": {"id": "lgai-test-server", "version": SERVER_VERSION}, "bundles": bundles}}
        if path.rstrip("/") == "/v1/policies" and method == "GET":
            with self._lock:
                return 200, {"result": [self._policy_doc(pid, src) for pid, src in sorted(self._policies.items())]}
        if path.startswith("/v1/policies/"):
            return self._policy(method, path[len("/v1/policies/"):], body)
        if path == "/v1/data" or path.startswith("/v1/data/"):
            segments = [s for s in path[len("/v1/data"):].split("/") if s]
            return self._data(method, segments, body)
        return 404, {"code": "resource_not_found", "message": f"{method} {path} is not an OPA endpoint"}

    @staticmethod
    def _policy_doc(pid: str, source: str) -> dict:
        pkg = _package_of(source) or ""
        ast_path = [{"type": "var", "value": "data"}] + [{"type": "string", "value": p} for p in pkg.split(".") if p]
        return {"id": pid, "raw": source, "ast": {"package": {"path": ast_path}, "rules": []}}

    def _policy(self, method: str, pid: str, body: bytes) -> tuple[int, dict | None]:
        with self._lock:
            if method == "GET":
                if pid not in self._policies:
                    return 404, {"code": "resource_not_found", "message": f"storage_not_found_error: policy id {pid!r}"}
                return 200, {"result": self._policy_doc(pid, self._policies[pid])}
            if method == "DELETE":
                if pid not in self._policies:
                    return 404, {"code": "resource_not_found", "message": f"storage_not_found_error: policy id {pid!r}"}
                if pid.split("/")[0] in self._bundles:
                    return 400, {"code": "invalid_parameter", "message": f"policy {pid!r} is owned by bundle"}
                policies = {k: v for k, v in self._policies.items() if k != pid}
                return self._try_commit(policies, self._base)
            if method == "PUT":
                source = body.decode("utf-8")
                pkg = _package_of(source)
                if pkg is None:
                    return 400, {"code": "invalid_parameter", "message": "error(s) occurred while parsing module(s)",
                                 "errors": [{"code": "rego_parse_error", "message": "package expected"}]}
                owner = self._owner(pkg.split("."))
                if owner is not None:
                    return 400, {"code": "invalid_parameter",
                                 "message": f"path data.{pkg} is owned by bundle {owner!r}"}
                try:
                    OpaEngine().add_policy(pid, source)  # parse errors are refused at once, as OPA does
                except OpaError as exc:
                    return 400, {"code": "invalid_parameter", "message": "error(s) occurred while parsing module(s)",
                                 "errors": [{"code": "rego_parse_error", "message": exc.message}]}
                return self._try_commit(dict(self._policies, **{pid: source}), self._base)
        return 405, {"code": "invalid_parameter", "message": f"{method} not allowed"}

    def _try_commit(self, policies: dict, base: dict) -> tuple[int, dict]:
        try:
            self._commit(policies, base, compile=self.compile_on_put)
        except OpaError as exc:
            kind = "parsing" if exc.code == "parse_error" else "compiling"
            return 400, {"code": "invalid_parameter", "message": f"error(s) occurred while {kind} module(s)",
                         "errors": [{"code": f"rego_{exc.code}", "message": exc.message}]}
        return 200, {}

    def _data(self, method: str, segments: list[str], body: bytes) -> tuple[int, dict | None]:
        if method in ("GET", "POST"):
            input_doc = None
            if method == "POST" and body:
                try:
                    payload = json.loads(body)
                except ValueError as exc:
                    return 400, {"code": "invalid_parameter", "message": f"body contains malformed input document: {exc}"}
                input_doc = payload.get("input") if isinstance(payload, dict) else None
            with self._lock:
                pool = self._pool or _Pool({}, self._data_doc(self._base, self._bundles), self._engines)
                self._pool = pool
            engine = pool.acquire()
            try:
                value = engine.eval_document(".".join(segments), input_doc)
            except OpaUndefinedError:
                return 200, {}
            except OpaError as exc:
                return 500, {"code": "internal_error", "message": "error(s) occurred while evaluating query",
                             "errors": [{"code": exc.code, "message": exc.message}]}
            finally:
                pool.release(engine)
            return 200, {"result": value}
        with self._lock:
            owner = self._owner(segments) if segments else (next(iter(self._bundles), None))
            if owner is not None or (segments and segments[0] == "system"):
                return 400, {"code": "invalid_parameter", "message": f"path /{'/'.join(segments)} is owned by bundle {owner!r}"}
            base = copy.deepcopy(self._base)
            try:
                value = json.loads(body) if body else None
            except ValueError as exc:
                return 400, {"code": "invalid_parameter", "message": f"malformed JSON: {exc}"}
            if method == "PUT":
                if not segments:
                    if not isinstance(value, dict):
                        return 400, {"code": "invalid_parameter", "message": "root document must be an object"}
                    base = value
                else:
                    _set_path(base, segments, value)
            elif method == "DELETE":
                node = base
                for s in segments[:-1]:
                    node = node.get(s) if isinstance(node, dict) else None
                if not isinstance(node, dict) or segments[-1] not in node:
                    return 404, {"code": "resource_not_found", "message": f"storage_not_found_error: /{'/'.join(segments)}: document missing"}
                del node[segments[-1]]
            elif method == "PATCH":
                try:
                    _apply_patch(base, segments, value)
                except (KeyError, TypeError, ValueError) as exc:
                    return 400, {"code": "invalid_parameter", "message": f"invalid patch: {exc}"}
            else:
                return 405, {"code": "invalid_parameter", "message": f"{method} not allowed"}
            status, doc = self._try_commit(self._policies, base)
            return (204, None) if status == 200 else (status, doc)


def _apply_patch(base: dict, prefix: list[str], ops) -> None:
    if not isinstance(ops, list):
        raise ValueError("a JSON Patch is a list of operations")
    for op in ops:
        parts = prefix + [p.replace("~1", "/").replace("~0", "~") for p in op["path"].split("/") if p]
        if op["op"] in ("add", "replace"):
            _set_path(base, parts, op["value"])
        elif op["op"] == "remove":
            node = base
            for p in parts[:-1]:
                node = node[p]
            del node[parts[-1]]
        else:
            raise ValueError(f"unsupported op {op['op']!r}")


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):  # a client that timed out and hung up
        pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as OPA
    server_state: OpaTestServer

    def log_message(self, format, *args):  # quiet
        pass

    def _serve(self, method: str) -> None:
        state = self.server_state
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        with state._lock:
            state.in_flight += 1
            state.max_in_flight = max(state.max_in_flight, state.in_flight)
            state.auth_headers.append(self.headers.get("Authorization"))
        try:
            if state.delay:
                time.sleep(state.delay)
            status, doc = state.handle(method, self.path, self.headers, body)
        except Exception as exc:  # a bug in the test server must show as a 500, not a hang
            status, doc = 500, {"code": "internal_error", "message": f"test server: {exc.__class__.__name__}: {exc}"}
        finally:
            with state._lock:
                state.in_flight -= 1
        with state._lock:
            state.requests.append((method, self.path, status))
        payload = b"" if doc is None else json.dumps(doc, ensure_ascii=False).encode("utf-8")
        try:
            self.send_response(status)
            if doc is not None:
                self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if payload:
                self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def do_GET(self):
        self._serve("GET")

    def do_POST(self):
        self._serve("POST")

    def do_PUT(self):
        self._serve("PUT")

    def do_PATCH(self):
        self._serve("PATCH")

    def do_DELETE(self):
        self._serve("DELETE")


def main(argv: list[str] | None = None) -> None:
    """Run the test server by hand: python tests/opa_test_server.py [--bundle FILE] [--port N]."""
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bundle", type=Path)
    ap.add_argument("--token")
    ap.add_argument("--engines", type=int, default=2)
    args = ap.parse_args(argv)
    server = OpaTestServer(args.bundle, token=args.token, engines=args.engines).start()
    print(f"listening on {server.url}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    main()
