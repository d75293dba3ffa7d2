"""The template as CloudFormation sees it, for the deployment tests.

For each [env] of samconfig.toml: its deploy parameter_overrides, the artifacts rewritten as `sam package` would
(local CodeUri -> s3://, local nested templates -> https:// S3 URLs), the AWS::Serverless-2016-10-31 transform run
by the SAM translator itself (samtranslator, what `sam validate` and CloudFormation run), then cfn-lint on the
result. For a template with the AWS::LanguageExtensions transform: Fn::ForEach expanded as that transform does it
(the collection from a parameter), then cfn-lint. Prints one JSON document:
{"results": [{"name": ..., "matches": [{"rule": "E3012", "level": "Error", "message": ..., "path": ...}]}]}
Usage: sam_expand.py REPO_ROOT [LANGEXT_TEMPLATE PARAMETER=a,b,c ...]
"""
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import tomllib

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse

os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
BUCKET = "remediator-artifacts"


class NoManagedPolicies:
    """The template names no AWS managed policy by name, so the translator needs no IAM lookup."""

    def load(self):
        return {}


def overrides(text):
    values = {}
    for pair in shlex.split(text):
        key, _, value = pair.partition("=")
        values[key] = value
    return values


def packaged(template):
    for name, resource in template.get("Resources", {}).items():
        properties = resource.get("Properties", {})
        kind = resource.get("Type")
        if kind == "AWS::Serverless::Function" and isinstance(properties.get("CodeUri"), str) and not properties["CodeUri"].startswith("s3://"):
            properties["CodeUri"] = f"s3://{BUCKET}/{name}.zip"
        if kind == "AWS::Serverless::Application" and isinstance(properties.get("Location"), str) and not properties["Location"].startswith("https://"):
            properties["Location"] = f"https://{BUCKET}.s3.amazonaws.com/{os.path.basename(properties['Location'])}"
        if kind == "AWS::CloudFormation::Stack" and isinstance(properties.get("TemplateURL"), str) and not properties["TemplateURL"].startswith("https://"):
            properties["TemplateURL"] = f"https://{BUCKET}.s3.amazonaws.com/{os.path.basename(properties['TemplateURL'])}"
    return template


def replace(node, identifier, value):
    """Substitutes one loop value the way AWS::LanguageExtensions does: ${x} and &{x} in strings, {"Ref": x}."""
    if isinstance(node, dict):
        if node == {"Ref": identifier}:
            return value
        return {replace(k, identifier, value): replace(v, identifier, value) for k, v in node.items()}
    if isinstance(node, list):
        return [replace(v, identifier, value) for v in node]
    if isinstance(node, str):
        node = node.replace("&{" + identifier + "}", re.sub(r"[^A-Za-z0-9]", "", value))
        return node.replace("${" + identifier + "}", value)
    return node


def expand_for_each(section, parameters):
    expanded = {}
    for key, body in section.items():
        if not key.startswith("Fn::ForEach::"):
            expanded[key] = body
            continue
        identifier, collection, templates = body
        if isinstance(collection, dict) and "Ref" in collection:
            collection = parameters[collection["Ref"]]
        for value in collection:
            for output_key, output in templates.items():
                expanded[replace(output_key, identifier, value)] = replace(output, identifier, value)
    return expanded


def lint(name, template):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(template, handle)
        path = handle.name
    try:
        run = subprocess.run(["cfn-lint", "--format", "json", "--", path], capture_output=True, text=True, timeout=300)
    finally:
        os.unlink(path)
    matches = json.loads(run.stdout) if run.stdout.strip() else []
    return {
        "name": name,
        "resources": sorted(template.get("Resources", {})),
        "matches": [{"rule": m["Rule"]["Id"], "level": m["Level"], "message": m["Message"], "path": m.get("Location", {}).get("Path")} for m in matches],
    }


def main():
    root = sys.argv[1]
    results = []
    with open(os.path.join(root, "samconfig.toml"), "rb") as handle:
        config = tomllib.load(handle)
    with open(os.path.join(root, "template.yaml")) as handle:
        source = handle.read()
    for environment, commands in config.items():
        if not isinstance(commands, dict) or "deploy" not in commands:
            continue
        parameters = overrides(commands["deploy"]["parameters"].get("parameter_overrides", ""))
        translated = transform(packaged(yaml_parse(source)), parameters, NoManagedPolicies())
        results.append(lint(f"template.yaml [{environment}]", translated))
    if len(sys.argv) > 2:
        path, assignments = sys.argv[2], sys.argv[3:]
        with open(os.path.join(root, path)) as handle:
            template = yaml_parse(handle.read())
        parameters = {k: v.split(",") for k, _, v in (a.partition("=") for a in assignments)}
        assert template.pop("Transform") == "AWS::LanguageExtensions"
        template["Resources"] = expand_for_each(template["Resources"], parameters)
        template["Outputs"] = expand_for_each(template.get("Outputs", {}), parameters)
        if not template["Outputs"]:
            del template["Outputs"]
        results.append(lint(f"{path} [{' '.join(assignments)}]", template))
    json.dump({"results": results}, sys.stdout)


if __name__ == "__main__":
    main()
