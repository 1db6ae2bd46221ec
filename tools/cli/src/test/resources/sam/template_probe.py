"""Reads template.yaml the way SAM reads it, for the template tests (no SAM CLI on the build machines).

  python3 template_probe.py routes TEMPLATE         the route table `sam local start-api` builds, as JSON
  python3 template_probe.py names TEMPLATE STACK    every physical name the stack would give its resources, as JSON

Both start from the template transformed by the SAM translator (samtranslator, which cfn-lint installs). `routes`
resolves intrinsics with SAM CLI's local defaults (samcli/lib/intrinsic_resolver/intrinsics_symbol_table.py:
pseudo parameters us-east-1 / 123456789012 / aws, Ref of a resource = its logical id, GetAtt Arn = a Lambda ARN,
parameter defaults) and then maps each AWS::ApiGatewayV2::Route to a function with the rules of SAM CLI's
cfn_api_provider._get_route_function_name and swagger/integration_uri.LambdaUri. `names` resolves under the given
stack name and lists every top-level property ending in "Name" whose value is a physical name in the account and
region (names scoped to a parent resource are left out).
"""
import json
import os
import re
import sys

import yaml
from samtranslator.model.exceptions import InvalidDocumentException
from samtranslator.translator.transform import transform


class _Loader(yaml.SafeLoader):
    pass


def _tag(name):
    def construct(loader, node):
        if isinstance(node, yaml.ScalarNode):
            value = loader.construct_scalar(node)
            if name == "Fn::GetAtt":
                value = value.split(".", 1)
        elif isinstance(node, yaml.SequenceNode):
            value = loader.construct_sequence(node, deep=True)
        else:
            value = loader.construct_mapping(node, deep=True)
        return {name: value}
    return construct


for _short, _long in [("Ref", "Ref"), ("Sub", "Fn::Sub"), ("GetAtt", "Fn::GetAtt"), ("If", "Fn::If"),
                      ("Equals", "Fn::Equals"), ("Not", "Fn::Not"), ("And", "Fn::And"), ("Or", "Fn::Or"),
                      ("Join", "Fn::Join"), ("Select", "Fn::Select"), ("Split", "Fn::Split"),
                      ("FindInMap", "Fn::FindInMap"), ("GetAZs", "Fn::GetAZs"), ("Condition", "Condition")]:
    _Loader.add_constructor("!" + _short, _tag(_long))


class _NoManagedPolicies:
    def load(self):
        return {}


def translated(path):
    with open(path, encoding="utf-8") as f:
        template = yaml.load(f, Loader=_Loader)
    for logical_id, resource in template.get("Resources", {}).items():
        if resource.get("Type") == "AWS::Serverless::Function":  # as after `sam package`
            resource["Properties"]["CodeUri"] = "s3://artifacts/" + logical_id + ".zip"
    parameters = {"BotContactUrl": "https://newsroom.example/bot"}
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")  # the translator asks boto for a region
    try:
        return transform(template, parameters, _NoManagedPolicies())
    except InvalidDocumentException as e:
        sys.exit("template does not translate: " + "; ".join(str(c) for c in e.causes))


class Resolver:
    """Intrinsic resolution with SAM CLI's local symbol table."""

    def __init__(self, template, stack):
        self.resources = template.get("Resources", {})
        self.parameters = template.get("Parameters", {})
        self.pseudo = {"AWS::Region": "us-east-1", "AWS::AccountId": "123456789012", "AWS::Partition": "aws",
                       "AWS::StackName": stack, "AWS::URLSuffix": "amazonaws.com", "AWS::NoValue": None}

    def symbol(self, name, attribute=None):
        if attribute is None:
            if name in self.pseudo:
                return self.pseudo[name]
            if name in self.parameters:
                return self.parameters[name].get("Default", "${%s}" % name)
            return name  # Ref of a resource: its logical id
        if attribute == "Arn":
            return "arn:aws:lambda:us-east-1:123456789012:function:" + name
        return "$" + name + "." + attribute  # what SAM CLI leaves for attributes it cannot resolve

    def resolve(self, value):
        if isinstance(value, list):
            return [self.resolve(v) for v in value]
        if not isinstance(value, dict):
            return value
        if len(value) == 1:
            (key, arg), = value.items()
            if key == "Ref":
                return self.symbol(arg)
            if key == "Fn::GetAtt":
                return self.symbol(arg[0], ".".join(arg[1:]))
            if key == "Fn::Sub":
                text, variables = (arg, {}) if isinstance(arg, str) else (arg[0], self.resolve(arg[1]))

                def one(match):
                    name = match.group(1)
                    if name in variables:
                        return str(variables[name])
                    if "." in name and not name.startswith("AWS::"):
                        logical, attribute = name.split(".", 1)
                        return str(self.symbol(logical, attribute))
                    return str(self.symbol(name))
                return re.sub(r"\$\{([^}!]+)\}", one, text)
        return {k: self.resolve(v) for k, v in value.items()}


# samcli/commands/local/lib/swagger/integration_uri.py
_FUNCTION_ARN = r"arn:aws:lambda:[^:]+:[^:]+:function:[^:/]+(?::[^/]+)?"
_FUNCTION_ARN_GENERIC = r"/functions/([^/]+)/invocations"
_FUNCTION_NAME = r".*:function:([^:]*)"
_VALID_FUNCTION_NAME = r"([a-zA-Z0-9-_]+)"


def lambda_uri_function(uri):
    if not isinstance(uri, str):
        return None
    match = re.search(_FUNCTION_ARN, uri)
    arn = match.group(0) if match else None
    if arn is None:
        match = re.search(_FUNCTION_ARN_GENERIC, uri)
        arn = match.group(1) if match else None
    if arn is None:
        return None
    match = re.match(_FUNCTION_NAME, arn)
    if not match:
        return None
    name = match.group(1)
    return name if re.match(_VALID_FUNCTION_NAME, name) else None


def routes(template):
    resolver = Resolver(template, "local")
    resources = {k: resolver.resolve(v) for k, v in template["Resources"].items()}
    table = []
    for logical_id, resource in resources.items():
        if resource.get("Type") != "AWS::ApiGatewayV2::Route":
            continue
        properties = resource.get("Properties", {})
        target = properties.get("Target")
        function, payload = None, None
        if isinstance(target, str) and "/" in target:
            integration = resources.get(target.split("/")[1].strip(), {})
            if integration.get("Type") == "AWS::ApiGatewayV2::Integration":
                uri = integration.get("Properties", {}).get("IntegrationUri")
                payload = integration.get("Properties", {}).get("PayloadFormatVersion")
                function = lambda_uri_function(uri) if isinstance(uri, str) else None
        method, path = properties["RouteKey"].split()
        table.append({"route": logical_id, "method": method, "path": path, "function": function,
                      "payloadFormatVersion": payload})
    return table


# names scoped to a parent resource (unique within it, not within the account and region)
_SCOPED = {("AWS::Lambda::Alias", "Name"), ("AWS::ApiGatewayV2::Authorizer", "Name"), ("AWS::SNS::Topic", "DisplayName"),
           ("AWS::ApiGatewayV2::Stage", "StageName"), ("AWS::CloudWatch::Alarm", "MetricName")}


def refers_to_resource(value, template):
    """A Ref or GetAtt of another resource names that resource; it gives this one no name of its own."""
    if isinstance(value, dict) and len(value) == 1:
        (key, arg), = value.items()
        target = arg if key == "Ref" else arg[0] if key == "Fn::GetAtt" else None
        return isinstance(target, str) and target.split(".")[0] in template["Resources"]
    return False


def names(template, stack):
    resolver = Resolver(template, stack)
    found = {}
    for logical_id, resource in template["Resources"].items():
        kind = resource.get("Type")
        for key, value in resource.get("Properties", {}).items():
            if not key.endswith("Name") or (kind, key) in _SCOPED or refers_to_resource(value, template):
                continue
            found[logical_id + "." + key] = resolver.resolve(value)
    return found


def main():
    command, path = sys.argv[1], sys.argv[2]
    template = translated(path)
    if command == "routes":
        print(json.dumps(routes(template)))
    elif command == "names":
        print(json.dumps(names(template, sys.argv[3])))
    else:
        sys.exit("unknown command " + command)


if __name__ == "__main__":
    main()
