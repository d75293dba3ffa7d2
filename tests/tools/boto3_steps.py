"""Runs boto3 calls in order against an endpoint, for tests that seed an AWS implementation with an
independent client (boto3, what the AWS CLI is built on) instead of Remediator's own.

stdin: {"endpoint": "http://127.0.0.1:PORT", "steps": [{"service": "lambda", "op": "create_function",
        "args": {...}, "save": "fn", "zip": true, "expect_error": false}, ...]}
A string "${name.Key.Sub}" in args is replaced by that member of an earlier step's saved answer (whole value, or inside
a longer string). "zip": true sets args["Code"] = {"ZipFile": <a one-file zip>}. "expect_error": true records the
error code instead of failing. stdout: {"name": answer, ...} as JSON.
"""
import io
import json
import re
import sys
import zipfile

import boto3
import botocore.exceptions

REFERENCE = re.compile(r"\$\{(\w+(?:\.\w+)+)\}")


def lookup(path, saved):
    value = saved
    for key in path.split("."):
        value = value[key]
    return value


def substitute(value, saved):
    if isinstance(value, str):
        whole = REFERENCE.fullmatch(value)
        if whole:
            return lookup(whole[1], saved)
        return REFERENCE.sub(lambda m: str(lookup(m[1], saved)), value)
    if isinstance(value, list):
        return [substitute(v, saved) for v in value]
    if isinstance(value, dict):
        return {k: substitute(v, saved) for k, v in value.items()}
    return value


def package():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("app.py", "def handler(event, context):\n    return {'statusCode': 200}\n")
    return buffer.getvalue()


def main():
    spec = json.load(sys.stdin)
    clients = {}
    saved = {}
    for step in spec["steps"]:
        service = step["service"]
        if service not in clients:
            clients[service] = boto3.client(
                service, endpoint_url=spec["endpoint"], region_name="us-east-1",
                aws_access_key_id="test", aws_secret_access_key="test")
        args = substitute(step.get("args", {}), saved)
        if step.get("zip"):
            args["Code"] = {"ZipFile": package()}
        try:
            answer = getattr(clients[service], step["op"])(**args)
            answer.pop("ResponseMetadata", None)
        except botocore.exceptions.ClientError as error:
            if not step.get("expect_error"):
                raise
            answer = {"ErrorCode": error.response["Error"]["Code"], "Status": error.response["ResponseMetadata"]["HTTPStatusCode"]}
        if "save" in step:
            saved[step["save"]] = json.loads(json.dumps(answer, default=str))
    json.dump(saved, sys.stdout)


if __name__ == "__main__":
    main()
