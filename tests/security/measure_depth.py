"""Where pyoxigraph's stack overflows: for each operator and separator of the grammar, the
smallest repetition count (of those tried) that kills a process running it, in a subprocess.

    .venv/bin/python tests/security/measure_depth.py            # the main thread's 8 MiB stack
    .venv/bin/python tests/security/measure_depth.py --stack 256  # a thread with a 256 MiB stack (the workers')

Prints one line per construct: the counts that ran, and the first that crashed (signal).
The scan's limits (:mod:`api.sparql.scan`) must stay far below the smallest crash point.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

__all__ = ["CONSTRUCTS", "crashes"]

P = "<http://x/p>"
#: name -> (query or update builder for n repetitions, "query" or "update")
CONSTRUCTS = {
    "minus": (lambda n: "SELECT * { FILTER(1" + "-1" * n + ") }", "query"),
    "plus": (lambda n: "SELECT * { FILTER(1" + "+1" * n + ") }", "query"),
    "times": (lambda n: "SELECT * { FILTER(1" + "*1" * n + ") }", "query"),
    "or": (lambda n: "SELECT * { FILTER(true" + "||true" * n + ") }", "query"),
    "and": (lambda n: "SELECT * { FILTER(true" + "&&true" * n + ") }", "query"),
    "not": (lambda n: "SELECT * { FILTER(" + "!" * n + "true) }", "query"),
    "unary-minus": (lambda n: "SELECT * { FILTER(" + "- " * n + "1) }", "query"),
    "parens": (lambda n: "SELECT * { FILTER(" + "(" * n + "1" + ")" * n + ") }", "query"),
    "call": (lambda n: "SELECT * { FILTER(" + "STR(" * n + "1" + ")" * n + ") }", "query"),
    "braces": (lambda n: "SELECT * " + "{" * n + "}" * n, "query"),
    "brackets": (lambda n: "SELECT * { ?s ?p " + f"[ {P} " * n + "]" * n + " }", "query"),
    "comma": (lambda n: "SELECT * { ?s ?p ?o" + ", ?o" * n + " }", "query"),
    "semicolon": (lambda n: "SELECT * { ?s ?p ?o" + "; ?p ?o" * n + " }", "query"),
    "dot": (lambda n: "SELECT * { ?s ?p ?o" + " . ?s ?p ?o" * n + " }", "query"),
    "path-seq": (lambda n: f"SELECT * {{ ?s {P}" + f"/{P}" * n + " ?o }", "query"),
    "path-alt": (lambda n: f"SELECT * {{ ?s {P}" + f"|{P}" * n + " ?o }", "query"),
    "path-inverse": (lambda n: "SELECT * { ?s " + "^" * n + f"{P} ?o }}", "query"),
    "path-parens": (lambda n: "SELECT * { ?s " + "(" * n + P + ")" * n + " ?o }", "query"),
    "union": (lambda n: "SELECT * { {}" + " UNION {}" * n + " }", "query"),
    "optional": (lambda n: "SELECT * { " + "OPTIONAL {} " * n + "}", "query"),
    "minus-group": (lambda n: "SELECT * { " + "MINUS {} " * n + "}", "query"),
    "bind": (lambda n: "SELECT * { " + "".join(f"BIND(1 AS ?v{i}) " for i in range(n)) + "}", "query"),
    "filter": (lambda n: "SELECT * { " + "FILTER(true) " * n + "}", "query"),
    "in-list": (lambda n: "SELECT * { FILTER(1 IN (1" + ",1" * n + ")) }", "query"),
    "collection": (lambda n: "SELECT * { ?s ?p (" + " 1" * n + " ) }", "query"),
    "triple-term": (lambda n: "SELECT * { ?s ?p " + "<<( ?s ?p " * n + "1" + " )>>" * n + " }", "query"),
    "values": (lambda n: "SELECT * { VALUES ?x { " + "1 " * n + "} }", "query"),
    "update-minus": (lambda n: "INSERT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(1" + "-1" * n + ") }", "update"),
    "update-semicolon": (lambda n: "INSERT DATA { <http://x/s> <http://x/p> 1" + f"; {P} 1" * n + " }", "update"),
    "update-comma": (lambda n: "INSERT DATA { <http://x/s> <http://x/p> 1" + ", 1" * n + " }", "update"),
    "update-dot": (lambda n: "INSERT DATA { " + "<http://x/s> <http://x/p> 1 . " * n + " }", "update"),
    "update-ops": (lambda n: "INSERT DATA { <http://x/s> <http://x/p> 1 }" + " ; CLEAR DEFAULT" * n, "update"),
}
COUNTS = (1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000)

_RUN = """
import sys, threading, pyoxigraph as ox
text = sys.stdin.read()
kind, stack = sys.argv[1], int(sys.argv[2])
def run():
    store = ox.Store()
    try:
        if kind == "query":
            result = store.query(text)
            if hasattr(result, "__iter__"):
                list(result)
        else:
            store.update(text)
    except Exception:
        pass
if stack:
    threading.stack_size(stack << 20)
    worker = threading.Thread(target=run); worker.start(); worker.join()
else:
    run()
"""


def crashes(text: str, kind: str, stack_mib: int = 0, timeout: float = 60) -> int | None:
    """The exit status of a process running ``text`` (negative: killed by that signal; None: still
    running after ``timeout`` seconds, and killed)."""
    try:
        done = subprocess.run([sys.executable, "-c", _RUN, kind, str(stack_mib)], input=text.encode(),
                              capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stack", type=int, default=0, help="run in a thread with this stack (MiB); 0: main thread")
    parser.add_argument("--only", nargs="*", help="constructs to measure (default: all)")
    parser.add_argument("--skip", nargs="*", default=[], help="constructs not to measure")
    args = parser.parse_args()
    for name, (build, kind) in CONSTRUCTS.items():
        if (args.only and name not in args.only) or name in args.skip:
            continue
        ran, crashed, slow = [], None, None
        for count in COUNTS:
            code = crashes(build(count), kind, args.stack)
            if code is None:
                slow = count
                break
            if code < 0 or code > 1:
                crashed = (count, code)
                break
            ran.append(count)
        verdict = (f"crashes at {crashed[0]} (exit {crashed[1]})" if crashed
                   else f"still running after 60 s at {slow}" if slow else "no crash")
        print(f"{name:18} ran up to {ran[-1] if ran else 0:>7}; {verdict}", flush=True)


if __name__ == "__main__":
    main()
