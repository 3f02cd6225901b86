"""The schema says what every operation can answer besides success: the one error body for 400, 401, 403, 404 and 429."""

ERRORS = {
    "400": "What was sent is not right (the fields say where).",
    "401": "No token or session, or a token that is not known or has been revoked.",
    "403": "Signed in, but this is not for you (or a session's form came without its CSRF token).",
    "404": "Not found, or not yours to see.",
    "429": "Too many requests: wait, then try again.",
}


def add_error_responses(result, generator, request, public):
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault("Error", {
        "type": "object",
        "properties": {
            "status": {"type": "integer"}, "code": {"type": "string"}, "message": {"type": "string"},
            "fields": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
        },
        "required": ["status", "code", "message"],
    })
    for path in result.get("paths", {}).values():
        for method, operation in path.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            for code, text in ERRORS.items():
                if code == "400" and method == "get" and not operation.get("parameters"):
                    continue
                operation["responses"].setdefault(code, {
                    "description": text, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                })
    return result
