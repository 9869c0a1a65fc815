"""A bare Flask "hello world" for gunicorn: the yardstick ``bench/http.py`` measures
Rapport's pages against, under the same gunicorn settings in the same run.

    gunicorn --workers 2 --bind 127.0.0.1:8001 bench.hello:app   # from the project root
"""

from flask import Flask

app = Flask(__name__)


@app.route("/")
def hello() -> str:
    return "Hello, World!"
