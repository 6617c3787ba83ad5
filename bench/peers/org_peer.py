# bench/peers/org_peer.py - the mainstream reference for bench/run.sh: a
# minimal Flask app under gunicorn that serves the same kind of signed-in
# /organisation page from the same SQLite file as ssp. It does the same work
# per request: looks the session cookie up by its BLAKE2b-256 hash, checks
# the idle and absolute timeouts, touches last_seen, loads the user, the
# bodies and the institutions, and renders escaped HTML through Jinja2.
# Benchmark only: no CSRF, no access log, no permission model.
import hashlib
import os
import sqlite3
import time

from flask import Flask, abort, g, render_template_string, request

DB = os.environ["SSP_DB"]
app = Flask(__name__)

PAGE = """<!doctype html><html lang="da"><head><meta charset="utf-8">
<title>Organisation – SSP</title></head><body>
<header><p>{{ user.name }} ({{ user.role }})</p></header>
<main><h1>Organisation</h1>
{% for b in bodies %}<section><h2>{{ b.name }}</h2>
<p>{{ b.level }} · {{ b.frequency }}</p><p>{{ b.purpose }}</p>
<p>Ansvarlig: {{ b.responsible }}</p></section>
{% endfor %}<h2>Institutioner</h2><ul>
{% for i in institutions %}<li>{{ i.name }} ({{ i.kind }}, {{ i.district }})</li>
{% endfor %}</ul></main></body></html>"""


def db():
    if "db" not in g:
        c = sqlite3.connect(DB, timeout=5)
        c.row_factory = sqlite3.Row
        g.db = c
    return g.db


@app.teardown_appcontext
def close(_exc):
    c = g.pop("db", None)
    if c is not None:
        c.close()


@app.get("/organisation")
def organisation():
    cookie = request.cookies.get("ssp_session")
    if not cookie:
        abort(401)
    h = hashlib.blake2b(cookie.encode(), digest_size=32).digest()
    c = db()
    s = c.execute("SELECT user_id, created_at, last_seen FROM session WHERE id_hash = ?",
                  (h,)).fetchone()
    now = int(time.time())
    if s is None or now - s["last_seen"] > 30 * 60 or now - s["created_at"] > 10 * 3600:
        abort(401)
    with c:
        c.execute("UPDATE session SET last_seen = ? WHERE id_hash = ?", (now, h))
    user = c.execute("SELECT name, role FROM user WHERE id = ? AND disabled = 0",
                     (s["user_id"],)).fetchone()
    if user is None:
        abort(401)
    bodies = c.execute("SELECT name, level, purpose, responsible, frequency FROM body"
                       " WHERE active = 1 ORDER BY position").fetchall()
    institutions = c.execute("SELECT i.name, i.kind, d.name AS district FROM institution i"
                             " JOIN district d ON d.id = i.district_id WHERE i.active = 1"
                             " ORDER BY d.position, i.name").fetchall()
    return render_template_string(PAGE, user=user, bodies=bodies, institutions=institutions)
