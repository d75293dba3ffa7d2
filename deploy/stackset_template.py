"""Writes the StackSet template: template.yaml with the AWS::Serverless-2016-10-31 transform already run.

Why: StackSets with service-managed permissions (deployment to organizational units) do not run macros, and the
AWS::Serverless transform is one (AWS CloudFormation API Reference, CreateStackSet, Capabilities): a stack set of
template.yaml would fail in every account. So the transform runs here, with the SAM translator itself
(aws-sam-translator, what `sam validate` and CloudFormation run), and the output has no Transform.

What differs from template.yaml:
- Coverage is AccountPolicy only (the one account-level subscription filter policy of each region). LogGroups
  coverage names each account's own log groups and deploys a nested stack with the AWS::LanguageExtensions
  transform: it is deployed per account (sam deploy), not by a stack set.
- The function's code comes from a bucket in each target region, <ArtifactBucketPrefix>-<region>, key ArtifactKey
  (Lambda reads code only from a bucket in the function's region).
- Nothing is named by hand: every name is left to CloudFormation or derived from AWS::StackName, which StackSets
  makes unique per stack instance (StackSet-<name>-<id>), so accounts and regions never collide.

Usage: python3 deploy/stackset_template.py [REPO_ROOT] > stackset-template.json
"""
import copy
import json
import os
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse

os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")

# Only Coverage=LogGroups uses these.
LOG_GROUP_COVERAGE = {
    "Parameters": ["Coverage", "SubscribedLogGroups"],
    "Conditions": ["UseAccountPolicy", "UseLogGroupSubscriptions"],
    "Rules": ["LogGroupCoverageNeedsLogGroups"],
    "Resources": ["LogGroupPermissions", "LogGroupSubscriptions"],
}

ARTIFACT_PARAMETERS = {
    "ArtifactBucketPrefix": {
        "Type": "String",
        "AllowedPattern": "^[a-z0-9][a-z0-9.-]{1,40}[a-z0-9]$",
        "Description": "The code is read from the bucket <ArtifactBucketPrefix>-<region> of each target region "
                       "(its policy must let the organization's accounts s3:GetObject).",
    },
    "ArtifactKey": {
        "Type": "String",
        "AllowedPattern": "^[A-Za-z0-9!_.*'()/-]{1,1024}\\.zip$",
        "Description": "The key of the function's zip (the SAM build of src/Remediator.Lambda), the same in every bucket.",
    },
}


class NoManagedPolicies:
    """The template names no AWS managed policy by name, so the translator needs no IAM lookup."""

    def load(self):
        return {}


def account_policy_only(template):
    for section, names in LOG_GROUP_COVERAGE.items():
        for name in names:
            template.get(section, {}).pop(name, None)
    for resource in template["Resources"].values():
        if resource.get("Condition") == "UseAccountPolicy":
            del resource["Condition"]
    return template


def generate(root):
    with open(os.path.join(root, "template.yaml")) as handle:
        template = account_policy_only(yaml_parse(handle.read()))
    function = template["Resources"]["RemediatorFunction"]
    # A placeholder the translator turns into Code; replaced by the per-region bucket below.
    function["Properties"]["CodeUri"] = "s3://artifact-bucket/artifact.zip"
    function.pop("Metadata", None)
    translated = transform(copy.deepcopy(template), {}, NoManagedPolicies())
    assert "Transform" not in translated
    translated["Resources"]["RemediatorFunction"]["Properties"]["Code"] = {
        "S3Bucket": {"Fn::Sub": "${ArtifactBucketPrefix}-${AWS::Region}"},
        "S3Key": {"Ref": "ArtifactKey"},
    }
    translated["Parameters"].update(ARTIFACT_PARAMETERS)
    translated["Description"] = template["Description"] + " StackSet edition (deploy/stackset_template.py): Coverage=AccountPolicy."
    return translated


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    json.dump(generate(root), sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
