"""Checks recorded AWS exchanges against botocore, the library under the AWS CLI and boto3.

stdin: [{"service": "lambda", "operation": "GetPolicy", "method": "GET", "rawTarget": "/2015-03-31/...",
         "headers": [[name, value], ...], "body": base64, "status": 200, "responseHeaders": {..}, "responseBody": base64}]
For each request: the operation's HTTP method and URI template, members read back from where the model puts them
(labels, query string, headers, body), botocore's validator (required members, types, lengths, ranges) plus
patterns and maximum lengths, no member the model does not have, the same request re-serialized by botocore's own
serializer, and the SigV4 signature recomputed by botocore's signer (credentials test/test). Each response is
parsed by botocore's parser. stdout: {"checked": n, "operations": [...], "problems": [...]} as JSON.
"""
import base64
import json
import re
import sys
from urllib.parse import parse_qsl, unquote, urlsplit

import botocore.session
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.parsers import create_parser
from botocore.serialize import create_serializer
from botocore.validate import ParamValidator

SERVICES = {"lambda": "lambda", "apigateway": "apigateway", "apigatewayv2": "apigatewayv2", "logs": "logs",
            "sns": "sns", "sts": "sts", "ssm": "ssm", "sqs": "sqs", "dynamodb": "dynamodb", "iam": "iam"}
SESSION = botocore.session.get_session()


def scalar(shape, text):
    if shape.type_name in ("integer", "long"):
        return int(text)
    if shape.type_name in ("float", "double"):
        return float(text)
    if shape.type_name == "boolean":
        return text.lower() == "true"
    return text


def match_uri(template, raw_path):
    """The labels of the model's requestUri template in the raw path, or None when it does not match."""
    path_template = template.split("?", 1)[0]
    pattern = ""
    for piece in re.split(r"(\{[^}]+\})", path_template):
        if piece.startswith("{"):
            name = piece[1:-1]
            greedy = name.endswith("+")
            pattern += f"(?P<{re.sub(r'[^A-Za-z0-9_]', '_', name.rstrip('+'))}>{'.+' if greedy else '[^/]+'})"
        else:
            pattern += re.escape(piece)
    found = re.fullmatch(pattern, raw_path)
    return None if found is None else {k: unquote(v) for k, v in found.groupdict().items()}


def query_members(shape, prefix, form):
    """Reads a query-protocol (SNS, STS) structure back out of its flattened form fields."""
    if shape.type_name == "structure":
        out = {}
        for name, member in shape.members.items():
            key = f"{prefix}{member.serialization.get('name', name)}"
            value = query_members(member, key + ".", form) if member.type_name in ("structure", "list", "map") else form.get(key)
            if value not in (None, {}, []):
                out[name] = value if member.type_name in ("structure", "list", "map") else scalar(member, value)
        return out
    if shape.type_name == "list":
        items, n = [], 1
        while any(k.startswith(f"{prefix}member.{n}") for k in form):
            items.append(query_members(shape.member, f"{prefix}member.{n}.", form) if shape.member.type_name == "structure" else scalar(shape.member, form[f"{prefix}member.{n}"]))
            n += 1
        return items
    if shape.type_name == "map":
        out, n = {}, 1
        key_name, value_name = shape.key.serialization.get("name", "key"), shape.value.serialization.get("name", "value")
        while f"{prefix}entry.{n}.{key_name}" in form:
            entry = f"{prefix}entry.{n}."
            out[form[entry + key_name]] = query_members(shape.value, entry + value_name + ".", form) if shape.value.type_name == "structure" else form[entry + value_name]
            n += 1
        return out
    return None


def read_request(model, operation, exchange, raw_path, query, headers, body, problems):
    """The operation's input as the request carries it, member by member, where the model says each one goes."""
    shape = operation.input_shape
    if shape is None:
        return {}
    protocol = model.metadata["protocol"]
    if protocol == "query":
        form = dict(parse_qsl(body.decode()))
        if form.pop("Action", None) != operation.name or form.pop("Version", None) != model.api_version:
            problems.append("Action/Version do not name the operation and the API version")
        return query_members(shape, "", form)
    params = {}
    if protocol in ("json",):
        params = json.loads(body or b"{}")
    else:
        labels = match_uri(operation.http["requestUri"], raw_path) or {}
        payload = json.loads(body) if body else {}
        named = {m.serialization.get("name", n) for n, m in shape.members.items() if m.serialization.get("location") == "querystring" and m.type_name != "map"}
        for name, member in shape.members.items():
            if member.serialization.get("location") == "querystring" and member.type_name == "map":
                # A querystring map (GetExport's parameters) takes every parameter no other member names.
                rest = {k: v[0] for k, v in query.items() if k not in named}
                if rest:
                    params[name] = rest
                named |= set(rest)
                continue
            location, wire = member.serialization.get("location"), member.serialization.get("name", name)
            if location == "uri" and wire in labels:
                params[name] = labels[wire]
            elif location == "querystring" and wire in query:
                params[name] = [scalar(member.member, v) for v in query[wire]] if member.type_name == "list" else scalar(member, query[wire][0])
            elif location == "header" and wire.lower() in headers:
                params[name] = scalar(member, headers[wire.lower()])
            elif location is None and name in payload:
                params[name] = payload.pop(name)
        for extra in payload:
            problems.append(f"body member '{extra}' is not in the model")
        for name in set(query) - named:
            problems.append(f"query parameter '{name}' is not in the model")
    if protocol == "json":
        for extra in set(params) - set(shape.members):
            problems.append(f"body member '{extra}' is not in the model")
    return params


def check_values(shape, value, path, problems):
    """What botocore's validator leaves out: patterns and maximum lengths."""
    if shape.type_name == "structure" and isinstance(value, dict):
        for name, member in shape.members.items():
            if name in value:
                check_values(member, value[name], f"{path}.{name}", problems)
    elif shape.type_name == "list" and isinstance(value, list):
        for i, item in enumerate(value):
            check_values(shape.member, item, f"{path}[{i}]", problems)
    elif shape.type_name == "string" and isinstance(value, str):
        pattern, maximum = shape.metadata.get("pattern"), shape.metadata.get("max")
        if maximum is not None and len(value) > maximum:
            problems.append(f"{path} is longer than {maximum}")
        if pattern:
            try:
                if re.search(pattern if pattern.startswith("^") else f"^(?:{pattern})$", value) is None:
                    problems.append(f"{path} = {value!r} does not match the model's pattern {pattern}")
            except re.error:
                pass


def check_signature(exchange, service_model, headers, body, problems):
    authorization = headers.get("authorization", "")
    found = re.match(r"AWS4-HMAC-SHA256 Credential=([^/]+)/(\d{8})/([^/]+)/([^/]+)/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$", authorization)
    if not found:
        problems.append(f"Authorization is not a SigV4 header: {authorization[:80]!r}")
        return
    _, _, region, signing_name, signed, signature = found.groups()
    expected_name = service_model.metadata.get("signingName", service_model.endpoint_prefix)
    if signing_name != expected_name:
        problems.append(f"signed for service '{signing_name}', the model signs as '{expected_name}'")
    names = signed.split(";")
    request = AWSRequest(method=exchange["method"], url="http://" + headers["host"] + exchange["rawTarget"], data=body,
                         headers={name: headers[name] for name in names if name in headers})
    auth = SigV4Auth(Credentials("test", "test"), signing_name, region)
    request.context["timestamp"] = headers["x-amz-date"]
    canonical = auth.canonical_request(request)
    if auth.signed_headers(auth.headers_to_sign(request)) != signed:
        problems.append(f"SignedHeaders {signed} differ from what botocore signs of the same headers")
    if auth.signature(auth.string_to_sign(request, canonical), request) != signature:
        problems.append("the signature is not the one botocore's signer computes")


def check(exchange):
    problems = []
    model = SESSION.get_service_model(SERVICES[exchange["service"]])
    try:
        operation = model.operation_model(exchange["operation"])
    except Exception:
        return [f"no operation {exchange['operation']} in botocore's {model.service_name} model"]
    split = urlsplit(exchange["rawTarget"])
    query = {}
    for key, value in parse_qsl(split.query, keep_blank_values=True):
        query.setdefault(key, []).append(value)
    headers = {k.lower(): v for k, v in exchange["headers"]}
    body = base64.b64decode(exchange["body"])
    if exchange["method"] != operation.http["method"]:
        problems.append(f"method {exchange['method']}, the model says {operation.http['method']}")
    if model.metadata["protocol"] not in ("json", "query") and match_uri(operation.http["requestUri"], split.path) is None:
        problems.append(f"path {split.path} does not match the model's {operation.http['requestUri']}")
    params = read_request(model, operation, exchange, split.path, query, headers, body, problems)
    if operation.input_shape is not None:
        report = ParamValidator().validate(params, operation.input_shape)
        if report.has_errors():
            problems.append(report.generate_report().replace("\n", "; "))
        check_values(operation.input_shape, params, "input", problems)
    again = create_serializer(model.metadata["protocol"], include_validation=False).serialize_to_request(params, operation)
    if again["method"] != exchange["method"]:
        problems.append(f"botocore would send {again['method']}")
    if model.metadata["protocol"] not in ("json", "query"):
        if unquote(again["url_path"].split("?")[0]) != unquote(split.path):
            problems.append(f"botocore would send path {again['url_path']}, the client sent {split.path}")
        theirs = {k: [str(x) for x in (v if isinstance(v, list) else [v])] for k, v in again["query_string"].items()}
        if theirs != query:
            problems.append(f"botocore would send query {theirs}, the client sent {query}")
    if model.metadata["protocol"] == "query":
        theirs_form = {k: str(v) for k, v in again["body"].items()} if isinstance(again["body"], dict) else dict(parse_qsl(again["body"]))
        if theirs_form != dict(parse_qsl(body.decode())):
            ours = dict(parse_qsl(body.decode()))
            differ = sorted(k for k in set(theirs_form) | set(ours) if theirs_form.get(k) != ours.get(k))
            problems.append(f"botocore would send another form: fields {differ} differ")
        theirs_body = b""
    else:
        theirs_body = again["body"] if isinstance(again["body"], bytes) else (again["body"] or "").encode()
    if model.metadata["protocol"] != "query" and (json.loads(theirs_body) if theirs_body else {}) != (json.loads(body) if body else {}):
        problems.append(f"botocore would send body {theirs_body[:200]!r}, the client sent {body[:200]!r}")
    check_signature(exchange, model, headers, body, problems)
    parser = create_parser(model.metadata["protocol"])
    response = {"status_code": exchange["status"], "headers": exchange["responseHeaders"], "body": base64.b64decode(exchange["responseBody"])}
    parsed = parser.parse(response, operation.output_shape)
    if exchange["status"] >= 300 and not parsed.get("Error", {}).get("Code"):
        problems.append(f"botocore's parser finds no error code in the {exchange['status']} answer")
    return problems


def main():
    exchanges = json.load(sys.stdin)
    problems = []
    for exchange in exchanges:
        for problem in check(exchange):
            problems.append(f"{exchange['service']}:{exchange['operation']} {exchange['method']} {exchange['rawTarget']}: {problem}")
    json.dump({"checked": len(exchanges), "operations": sorted({f"{e['service']}:{e['operation']}" for e in exchanges}), "problems": problems}, sys.stdout)


if __name__ == "__main__":
    main()
