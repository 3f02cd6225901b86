import json
import logging

from partnering.ops.logs import JsonFormatter, RequestIdFilter
from partnering.ops.middleware import REQUEST_ID


def test_a_log_line_is_one_json_object_with_the_request_id():
    token = REQUEST_ID.set("abc12345")
    try:
        record = logging.LogRecord("partnering", logging.ERROR, __file__, 1, "Import of %s failed", ("hr.csv",), None)
        RequestIdFilter().filter(record)
        line = json.loads(JsonFormatter().format(record))
    finally:
        REQUEST_ID.reset(token)
    assert line["message"] == "Import of hr.csv failed" and line["request_id"] == "abc12345" and line["level"] == "ERROR"


def test_each_response_carries_a_request_id_and_keeps_a_sane_one_from_the_proxy(client, db):
    generated = client.get("/health/live")["X-Request-ID"]
    assert len(generated) == 32
    assert client.get("/health/live", HTTP_X_REQUEST_ID="proxy-req-123456")["X-Request-ID"] == "proxy-req-123456"
    assert client.get("/health/live", HTTP_X_REQUEST_ID="bad id <script>")["X-Request-ID"] != "bad id <script>"
