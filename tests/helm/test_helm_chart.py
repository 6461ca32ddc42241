"""The Helm chart, rendered offline with Helm's own Go engine and validated against Kubernetes schemas.

No cluster and no helm binary: `helm_python` (PyPI `helm-python-sdk`) binds libhelm_c, which runs
Helm's template engine, schema validation and lint in-process. Every rendered object is checked with
`kubernetes-validate` (strict: unknown fields fail) against the newest Kubernetes it ships schemas
for; the custom resources (KEDA, Prometheus Operator) against the subset schemas below.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

try:
    import helm_python as helm
except ImportError as exc:
    pytest.skip(f"helm-python-sdk is not installed (pip install helm-python-sdk): {exc}", allow_module_level=True)
except Exception as exc:  # HelmLibraryError, OSError: libhelm_c is missing or does not load here
    pytest.skip(f"helm_python cannot load its native library libhelm_c: {exc}", allow_module_level=True)
kubernetes_validate = pytest.importorskip(
    "kubernetes_validate", reason="kubernetes-validate is not installed (pip install kubernetes-validate)"
)
from kubernetes_validate import utils as kv_utils  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
CHART = REPO / "helm" / "rootmail"
CI_VALUES = sorted((REPO / "helm" / "ci").glob("*.yaml"))
RELEASE = "rm"
NAMESPACE = "mail"
#: The newest Kubernetes release kubernetes-validate ships schemas for.
KUBERNETES_VERSION = kv_utils.latest_version()

VALUE_SETS = {"default": {}} | {path.stem: yaml.safe_load(path.read_text()) or {} for path in CI_VALUES}

RESTRICTED_CONTAINER = {
    "allowPrivilegeEscalation": False,
    "readOnlyRootFilesystem": True,
    "runAsNonRoot": True,
}


# --- rendering ------------------------------------------------------------------------------------


@functools.cache
def _chart() -> Any:
    return helm.Chart.load(CHART)


def render_raw(values: dict[str, Any] | None = None) -> dict[str, str]:
    """Template path -> rendered text, as `helm template` would produce it."""
    return _chart().render(values or {}, name=RELEASE, namespace=NAMESPACE, is_install=True)


def objects_of(rendered: dict[str, str]) -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    for path, text in sorted(rendered.items()):
        if path.endswith("NOTES.txt"):
            continue
        for doc in yaml.safe_load_all(text):
            if doc:
                doc["__template__"] = path
                docs.append(doc)
    return docs


@functools.cache
def _render_named(name: str) -> tuple[dict[str, str], list[dict[str, Any]]]:
    rendered = render_raw(VALUE_SETS[name])
    return rendered, objects_of(rendered)


def render(values: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    return objects_of(render_raw(values))


def named(name: str) -> list[dict[str, Any]]:
    return copy.deepcopy(_render_named(name)[1])


def find(objs: list[dict[str, Any]], kind: str, component: str | None = None) -> list[dict[str, Any]]:
    return [
        o
        for o in objs
        if o["kind"] == kind
        and (component is None or o["metadata"].get("labels", {}).get("app.kubernetes.io/component") == component)
    ]


def one(objs: list[dict[str, Any]], kind: str, component: str | None = None) -> dict[str, Any]:
    found = find(objs, kind, component)
    assert len(found) == 1, f"expected one {kind} {component or ''}, found {[o['metadata']['name'] for o in found]}"
    return found[0]


def smtp_service(objs: list[dict[str, Any]]) -> dict[str, Any]:
    """The receiver's SMTP Service (its metrics Service carries the `rootmail.io/metrics` label)."""
    found = [s for s in find(objs, "Service", "receiver") if "rootmail.io/metrics" not in s["metadata"]["labels"]]
    assert len(found) == 1, [s["metadata"]["name"] for s in found]
    return found[0]


def container(workload: dict[str, Any], name: str | None = None) -> dict[str, Any]:
    containers = workload["spec"]["template"]["spec"]["containers"]
    return containers[0] if name is None else next(c for c in containers if c["name"] == name)


def env_of(c: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["name"]: e for e in c.get("env", [])}


def pod_annotations(workload: dict[str, Any]) -> dict[str, str]:
    return workload["spec"]["template"]["metadata"].get("annotations") or {}


def render_error(values: dict[str, Any]) -> str:
    with pytest.raises(helm.HelmError) as caught:
        render_raw(values)
    return str(caught.value)


def merged(*parts: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge values dictionaries, later ones winning (like repeated `-f`)."""
    out: dict[str, Any] = {}
    for part in parts:
        for key, value in part.items():
            if isinstance(value, dict) and isinstance(out.get(key), dict):
                out[key] = merged(out[key], value)
            else:
                out[key] = copy.deepcopy(value)
    return out


WORKLOAD_KINDS = ("Deployment", "StatefulSet", "Job")

S3 = {"store": {"type": "s3", "s3": {"bucket": "mail-bucket"}}, "persistence": {"enabled": False}}
ZENDESK = {
    "helpdesk": {
        "type": "zendesk",
        "zendesk": {"url": "https://r.zendesk.com", "email": "bot@r.example", "token": "t0ken"},
    }
}


# --- schemas for the custom resources the chart renders (the fields it uses, typos rejected) -------

_OBJECT_META = {
    "type": "object",
    "required": ["name"],
    "properties": {
        "name": {"type": "string", "pattern": r"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"},
        "namespace": {"type": "string"},
        "labels": {"type": "object", "additionalProperties": {"type": "string"}},
        "annotations": {"type": "object", "additionalProperties": {"type": "string"}},
    },
}
_STRING_MAP = {"type": "object", "additionalProperties": {"type": "string"}}
CRD_SCHEMAS: dict[tuple[str, str], dict[str, Any]] = {
    ("keda.sh/v1alpha1", "ScaledObject"): {
        "type": "object",
        "required": ["apiVersion", "kind", "metadata", "spec"],
        "properties": {
            "metadata": _OBJECT_META,
            "spec": {
                "type": "object",
                "additionalProperties": False,
                "required": ["scaleTargetRef", "triggers"],
                "properties": {
                    "scaleTargetRef": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["name"],
                        "properties": {
                            "apiVersion": {"type": "string"},
                            "kind": {"type": "string"},
                            "name": {"type": "string"},
                            "envSourceContainerName": {"type": "string"},
                        },
                    },
                    "pollingInterval": {"type": "integer", "minimum": 1},
                    "cooldownPeriod": {"type": "integer", "minimum": 0},
                    "idleReplicaCount": {"type": "integer", "minimum": 0},
                    "minReplicaCount": {"type": "integer", "minimum": 0},
                    "maxReplicaCount": {"type": "integer", "minimum": 1},
                    "fallback": {"type": "object"},
                    "advanced": {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {
                            "restoreToOriginalReplicaCount": {"type": "boolean"},
                            "horizontalPodAutoscalerConfig": {
                                "type": "object",
                                "additionalProperties": False,
                                "properties": {"name": {"type": "string"}, "behavior": {"type": "object"}},
                            },
                        },
                    },
                    "triggers": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["type", "metadata"],
                            "properties": {
                                "type": {"type": "string"},
                                "name": {"type": "string"},
                                "metricType": {"enum": ["AverageValue", "Value", "Utilization"]},
                                "useCachedMetrics": {"type": "boolean"},
                                # KEDA trigger metadata values are strings.
                                "metadata": _STRING_MAP,
                                "authenticationRef": {
                                    "type": "object",
                                    "additionalProperties": False,
                                    "required": ["name"],
                                    "properties": {"name": {"type": "string"}, "kind": {"type": "string"}},
                                },
                            },
                        },
                    },
                },
            },
        },
    },
    ("keda.sh/v1alpha1", "TriggerAuthentication"): {
        "type": "object",
        "required": ["apiVersion", "kind", "metadata", "spec"],
        "properties": {
            "metadata": _OBJECT_META,
            "spec": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "secretTargetRef": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["parameter", "name", "key"],
                            "properties": {
                                "parameter": {"type": "string"},
                                "name": {"type": "string", "minLength": 1},
                                "key": {"type": "string", "minLength": 1},
                            },
                        },
                    },
                    "env": {"type": "array"},
                    "podIdentity": {"type": "object"},
                },
            },
        },
    },
    ("monitoring.coreos.com/v1", "ServiceMonitor"): {
        "type": "object",
        "required": ["apiVersion", "kind", "metadata", "spec"],
        "properties": {
            "metadata": _OBJECT_META,
            "spec": {
                "type": "object",
                "additionalProperties": False,
                "required": ["selector", "endpoints"],
                "properties": {
                    "jobLabel": {"type": "string"},
                    "namespaceSelector": {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {
                            "any": {"type": "boolean"},
                            "matchNames": {"type": "array", "items": {"type": "string"}},
                        },
                    },
                    "selector": {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {"matchLabels": _STRING_MAP, "matchExpressions": {"type": "array"}},
                    },
                    "endpoints": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "properties": {
                                "port": {"type": "string"},
                                "path": {"type": "string"},
                                "scheme": {"enum": ["http", "https"]},
                                "interval": {"type": "string", "pattern": r"^(0|(([0-9]+)(ms|s|m|h))+)$"},
                                "scrapeTimeout": {
                                    "type": "string",
                                    "pattern": r"^(0|(([0-9]+)(ms|s|m|h))+)$",
                                },
                                "honorLabels": {"type": "boolean"},
                                "relabelings": {"type": "array"},
                                "metricRelabelings": {"type": "array"},
                            },
                        },
                    },
                },
            },
        },
    },
}


def validate_object(obj: dict[str, Any]) -> None:
    obj = {k: v for k, v in obj.items() if k != "__template__"}
    crd_schema = CRD_SCHEMAS.get((obj["apiVersion"], obj["kind"]))
    if crd_schema is not None:
        jsonschema.Draft7Validator(crd_schema).validate(obj)
        return
    kubernetes_validate.validate(obj, KUBERNETES_VERSION, strict=True)


# --- every value set: lint, validate, the properties every install must have -----------------------


@pytest.mark.parametrize("name", VALUE_SETS)
def test_lint_is_clean(name: str) -> None:
    report = helm.lint(CHART, VALUE_SETS[name], strict=True, namespace=NAMESPACE, kube_version=f"v{KUBERNETES_VERSION}")
    problems = [m for m in report["messages"] if m["severity"] >= 2]
    assert report["errors"] == [] and problems == [], report


@pytest.mark.parametrize("name", VALUE_SETS)
def test_every_manifest_validates_against_kubernetes(name: str) -> None:
    objs = named(name)
    assert objs
    for obj in objs:
        try:
            validate_object(obj)
        except Exception as exc:  # name the object in the failure
            pytest.fail(f"{obj['__template__']}: {obj['kind']}/{obj['metadata']['name']} is invalid: {exc}")


@pytest.mark.parametrize("name", VALUE_SETS)
def test_names_are_unique_and_namespaced(name: str) -> None:
    objs = named(name)
    keys = [(o["kind"], o["metadata"]["name"]) for o in objs]
    assert len(keys) == len(set(keys)), keys
    for o in objs:
        assert o["metadata"].get("namespace") == NAMESPACE, o["metadata"]["name"]


@pytest.mark.parametrize("name", VALUE_SETS)
def test_every_pod_runs_restricted(name: str) -> None:
    workloads = [o for o in named(name) if o["kind"] in WORKLOAD_KINDS]
    assert {o["kind"] for o in workloads} >= {"Deployment", "Job"}
    for w in workloads:
        pod = w["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True, w["metadata"]["name"]
        assert pod["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}
        assert pod["securityContext"]["runAsUser"] != 0
        assert pod.get("automountServiceAccountToken") is False, w["metadata"]["name"]
        assert pod.get("enableServiceLinks") is False, w["metadata"]["name"]
        assert not pod.get("hostNetwork") and not pod.get("hostPID")
        for c in pod["containers"]:
            sc = c["securityContext"]
            for key, expected in RESTRICTED_CONTAINER.items():
                assert sc[key] is expected, (w["metadata"]["name"], c["name"], key)
            assert sc["capabilities"] == {"drop": ["ALL"]}
            assert sc["seccompProfile"] == {"type": "RuntimeDefault"}
            assert c["resources"].get("requests"), (w["metadata"]["name"], c["name"])


@pytest.mark.parametrize("name", VALUE_SETS)
def test_rootmail_pods_write_only_to_mounted_volumes(name: str) -> None:
    for component in ("receiver", "worker", "scheduler"):
        deployment = one(named(name), "Deployment", component)
        c = container(deployment)
        mounts = {m["mountPath"]: m["name"] for m in c["volumeMounts"]}
        assert mounts["/var/lib/rootmail"] == "data"
        assert mounts["/tmp"] == "tmp"
        env = env_of(c)
        assert env["ROOTMAIL_DATA_DIR"]["value"] == "/var/lib/rootmail"
        assert env["ROOTMAIL_HTTP_HOST"]["value"] == "0.0.0.0"
        assert env["ROOTMAIL_DIRECTORY_FILE"]["value"] == "/etc/rootmail/directory/directory.yaml"
        assert "ROOTMAIL_REDIS_URL" in env


@pytest.mark.parametrize("name", VALUE_SETS)
def test_receiver_and_worker_probe_healthz_and_readyz(name: str) -> None:
    objs = named(name)
    for component in ("receiver", "worker"):
        c = container(one(objs, "Deployment", component))
        ports = {p["name"]: p["containerPort"] for p in c["ports"]}
        assert ports["http"] == 9025
        assert c["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}
        assert c["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "http"}
        assert env_of(c)["ROOTMAIL_HTTP_PORT"]["value"] == "9025"


@pytest.mark.parametrize("name", VALUE_SETS)
def test_commands_follow_the_application_contract(name: str) -> None:
    objs = named(name)
    receiver = container(one(objs, "Deployment", "receiver"))
    assert receiver["args"] == ["serve"]
    assert {p["name"]: p["containerPort"] for p in receiver["ports"]}["smtp"] == 2525
    assert env_of(receiver)["ROOTMAIL_SMTP_HOST"]["value"] == "0.0.0.0"
    assert env_of(receiver)["ROOTMAIL_SMTP_PORT"]["value"] == "2525"
    worker = container(one(objs, "Deployment", "worker"))
    assert worker["args"][0] == "worker" and worker["args"][1] == "--concurrency"
    assert int(worker["args"][2]) >= 1
    # Prefetch 1 keeps the backlog in the Redis list, where KEDA and the metrics can see it.
    assert env_of(worker)["ROOTMAIL_WORKER_PREFETCH"]["value"] == "1"
    scheduler = one(objs, "Deployment", "scheduler")
    assert container(scheduler)["args"] == ["beat"]
    assert scheduler["spec"]["replicas"] == 1
    assert scheduler["spec"]["strategy"] == {"type": "Recreate"}
    assert container(scheduler)["workingDir"] == "/var/lib/rootmail"


@pytest.mark.parametrize("name", VALUE_SETS)
def test_smtp_service_is_port_25_to_2525(name: str) -> None:
    svc = smtp_service(named(name))
    assert svc["spec"]["type"] == "LoadBalancer"
    (port,) = svc["spec"]["ports"]
    assert (port["port"], port["targetPort"], port["protocol"]) == (25, "smtp", "TCP")
    values = VALUE_SETS[name]
    if values.get("smtp", {}).get("proxyProtocol"):
        assert svc["spec"]["externalTrafficPolicy"] in ("Local", "Cluster")
    else:
        assert svc["spec"]["externalTrafficPolicy"] == "Local"


@pytest.mark.parametrize("name", VALUE_SETS)
def test_pdbs_and_network_policies_cover_the_components(name: str) -> None:
    objs = named(name)
    for component in ("receiver", "worker"):
        pdb = one(objs, "PodDisruptionBudget", component)
        deployment = one(objs, "Deployment", component)
        assert pdb["spec"]["selector"]["matchLabels"] == deployment["spec"]["selector"]["matchLabels"]
    policies = {p["metadata"]["labels"]["app.kubernetes.io/component"]: p for p in find(objs, "NetworkPolicy")}
    assert {"receiver", "worker", "scheduler"} <= set(policies)
    receiver_ports = [p["port"] for rule in policies["receiver"]["spec"]["ingress"] for p in rule["ports"]]
    assert receiver_ports == ["smtp", "http"]
    assert policies["scheduler"]["spec"]["ingress"] in (None, [])


@pytest.mark.parametrize("name", VALUE_SETS)
def test_helm_test_job_expects_the_220_banner(name: str) -> None:
    objs = named(name)
    job = one(objs, "Job", "test")
    assert job["metadata"]["annotations"]["helm.sh/hook"] == "test"
    c = container(job)
    script = c["command"][-1]
    assert c["command"][:2] == ["python", "-c"]
    assert 'startswith("220")' in script
    compile(script, "helm-test", "exec")
    env = env_of(c)
    receiver_svc = smtp_service(objs)
    assert env["SMTP_HOST"]["value"] == receiver_svc["metadata"]["name"]
    assert env["SMTP_PORT"]["value"] == str(receiver_svc["spec"]["ports"][0]["port"])
    assert job["spec"]["template"]["spec"]["restartPolicy"] == "Never"


@pytest.mark.parametrize("name", VALUE_SETS)
def test_notes_say_how_to_send_a_test_mail(name: str) -> None:
    notes = _render_named(name)[0]["rootmail/templates/NOTES.txt"]
    assert "port-forward service/rm-rootmail-receiver 2525:25" in notes
    assert "swaks --server localhost:2525" in notes
    assert "smtplib" in notes
    assert "helm test rm" in notes


# --- defaults: a single-node install that works as it is --------------------------------------------


def test_default_install_shares_one_volume_and_bundles_redis() -> None:
    objs = named("default")
    pvc = one(objs, "PersistentVolumeClaim", "data")
    assert pvc["metadata"]["annotations"]["helm.sh/resource-policy"] == "keep"
    for component in ("receiver", "worker", "scheduler"):
        deployment = one(objs, "Deployment", component)
        volumes = {v["name"]: v for v in deployment["spec"]["template"]["spec"]["volumes"]}
        assert volumes["data"]["persistentVolumeClaim"]["claimName"] == pvc["metadata"]["name"]
        if component != "worker":  # ReadWriteOnce: follow the worker onto its node
            affinity = deployment["spec"]["template"]["spec"]["affinity"]["podAffinity"]
            term = affinity["requiredDuringSchedulingIgnoredDuringExecution"][0]
            assert term["labelSelector"]["matchLabels"]["app.kubernetes.io/component"] == "worker"
    assert one(objs, "Deployment", "receiver")["spec"]["strategy"]["type"] == "Recreate"
    redis = one(objs, "StatefulSet", "redis")
    assert redis["spec"]["replicas"] == 1
    assert redis["spec"]["volumeClaimTemplates"][0]["metadata"]["name"] == "data"
    conf = one(objs, "ConfigMap", "redis")["data"]["redis.conf"]
    assert "appendonly yes" in conf.splitlines()
    assert "maxmemory-policy noeviction" in conf.splitlines()
    assert "checksum/config" in pod_annotations(redis)
    env = env_of(container(one(objs, "Deployment", "worker")))
    assert env["ROOTMAIL_REDIS_URL"]["value"] == "redis://:$(REDIS_PASSWORD)@rm-rootmail-redis:6379/0"
    assert env["REDIS_PASSWORD"]["valueFrom"]["secretKeyRef"]["name"] == "rm-rootmail-redis"
    assert list(env).index("REDIS_PASSWORD") < list(env).index("ROOTMAIL_REDIS_URL")  # $(VAR) expands
    redis_policy = next(p for p in find(objs, "NetworkPolicy", "redis"))
    sources = redis_policy["spec"]["ingress"][0]["from"]
    assert {s["podSelector"]["matchLabels"]["app.kubernetes.io/component"] for s in sources} == {
        "receiver",
        "worker",
        "scheduler",
    }


def test_default_service_account_and_no_optional_extras() -> None:
    objs = named("default")
    sa = one(objs, "ServiceAccount")
    assert sa["automountServiceAccountToken"] is False
    for kind in ("ScaledObject", "ServiceMonitor", "HorizontalPodAutoscaler", "Secret"):
        if kind == "Secret":
            assert [s["metadata"]["name"] for s in find(objs, kind)] == ["rm-rootmail-redis"]
        else:
            assert find(objs, kind) == [], kind
    assert one(objs, "Deployment", "worker")["spec"]["replicas"] == 1


# --- production-like values ---------------------------------------------------------------------------


def test_production_is_stateless_with_s3_and_irsa() -> None:
    objs = named("production")
    assert find(objs, "PersistentVolumeClaim") == []
    assert find(objs, "StatefulSet") == []
    sa = one(objs, "ServiceAccount")
    assert sa["metadata"]["annotations"]["eks.amazonaws.com/role-arn"].startswith("arn:aws:iam::")
    receiver = one(objs, "Deployment", "receiver")
    assert receiver["spec"]["replicas"] == 3
    assert receiver["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    assert receiver["spec"]["template"]["spec"]["serviceAccountName"] == sa["metadata"]["name"]
    volumes = {v["name"]: v for v in receiver["spec"]["template"]["spec"]["volumes"]}
    assert volumes["data"] == {"name": "data", "emptyDir": {}}
    env = env_of(container(receiver))
    assert env["ROOTMAIL_STORE"]["value"] == "s3"
    assert env["ROOTMAIL_S3_BUCKET"]["value"] == "reseller-rootmail-messages"
    assert env["ROOTMAIL_S3_KMS_KEY_ID"]["value"].startswith("arn:aws:kms:")
    assert env["AWS_REGION"]["value"] == "eu-west-1"
    assert env["ROOTMAIL_ORG_ROLE_ARNS"]["value"] == "arn:aws:iam::111111111111:role/rootmail-directory-reader"
    assert env["ROOTMAIL_ORG_SYNC"]["value"] == "true"
    assert env["ROOTMAIL_SMTP_HOSTNAME"]["value"] == "mx.roots.example.net"
    assert one(objs, "PodDisruptionBudget", "receiver")["spec"] == {
        "minAvailable": 2,
        "selector": receiver["spec"]["selector"],
    }


def test_production_uses_existing_secrets() -> None:
    objs = named("production")
    assert find(objs, "Secret") == []  # every credential comes from a Secret the platform manages
    for component in ("receiver", "worker", "scheduler"):
        env = env_of(container(one(objs, "Deployment", component)))
        assert env["ROOTMAIL_ZENDESK_TOKEN"]["valueFrom"]["secretKeyRef"] == {
            "name": "rootmail-helpdesk",
            "key": "token",
        }
        assert env["ROOTMAIL_REDIS_URL"]["valueFrom"]["secretKeyRef"] == {
            "name": "rootmail-redis",
            "key": "url",
        }
        assert env["ROOTMAIL_HELPDESK"]["value"] == "zendesk"
        assert "REDIS_PASSWORD" not in env
    receiver = one(objs, "Deployment", "receiver")
    volumes = {v["name"]: v for v in receiver["spec"]["template"]["spec"]["volumes"]}
    assert volumes["directory"]["configMap"]["name"] == "rootmail-directory"
    assert volumes["smtp-tls"]["secret"]["secretName"] == "rootmail-smtp-tls"
    assert "checksum/directory" not in pod_annotations(receiver)  # nothing the chart could hash


def test_production_scales_workers_with_keda_on_the_rootmail_queue() -> None:
    objs = named("production")
    worker = one(objs, "Deployment", "worker")
    assert "replicas" not in worker["spec"]  # owned by KEDA's HPA, not reset by helm upgrade
    assert find(objs, "HorizontalPodAutoscaler") == []
    scaled = one(objs, "ScaledObject", "worker")
    assert scaled["spec"]["scaleTargetRef"]["name"] == worker["metadata"]["name"]
    assert (scaled["spec"]["minReplicaCount"], scaled["spec"]["maxReplicaCount"]) == (2, 12)
    (trigger,) = scaled["spec"]["triggers"]
    assert trigger["type"] == "redis"
    assert trigger["metadata"]["listName"] == "rootmail"
    assert trigger["metadata"]["listLength"] == "20"
    assert trigger["metadata"]["address"] == "rootmail.abc123.ng.0001.euw1.cache.amazonaws.com:6379"
    assert trigger["metadata"]["enableTLS"] == "true"
    auth = one(objs, "TriggerAuthentication", "worker")
    assert trigger["authenticationRef"]["name"] == auth["metadata"]["name"]
    assert auth["spec"]["secretTargetRef"] == [{"parameter": "password", "name": "rootmail-redis", "key": "password"}]
    assert env_of(container(worker))["ROOTMAIL_WORKER_PREFETCH"]["value"] == "1"


def test_production_has_a_service_monitor_for_receiver_and_worker_metrics() -> None:
    objs = named("production")
    monitor = one(objs, "ServiceMonitor")
    assert monitor["metadata"]["labels"]["release"] == "kube-prometheus-stack"
    (endpoint,) = monitor["spec"]["endpoints"]
    assert (endpoint["port"], endpoint["path"]) == ("http-metrics", "/metrics")
    selector = monitor["spec"]["selector"]["matchLabels"]
    selected = [
        s for s in find(objs, "Service") if all(s["metadata"]["labels"].get(k) == v for k, v in selector.items())
    ]
    assert sorted(s["metadata"]["labels"]["app.kubernetes.io/component"] for s in selected) == [
        "receiver",
        "worker",
    ]
    for svc in selected:
        assert svc["spec"]["type"] == "ClusterIP"
        assert svc["spec"]["ports"] == [{"name": "http-metrics", "port": 9025, "targetPort": "http", "protocol": "TCP"}]


def test_production_service_is_an_nlb_with_local_traffic_policy() -> None:
    svc = smtp_service(named("production"))
    assert svc["spec"]["loadBalancerClass"] == "service.k8s.aws/nlb"
    assert svc["spec"]["externalTrafficPolicy"] == "Local"
    assert svc["metadata"]["annotations"]["service.beta.kubernetes.io/aws-load-balancer-nlb-target-type"] == "ip"


# --- Request Tracker, HPA, PROXY protocol, locked-down egress --------------------------------------------


def test_request_tracker_credentials_come_from_the_chart_secret() -> None:
    objs = named("request-tracker")
    secret = one(objs, "Secret", "helpdesk")
    assert set(secret["data"]) == {"rt-token"}
    worker = one(objs, "Deployment", "worker")
    env = env_of(container(worker))
    assert env["ROOTMAIL_RT_TOKEN"]["valueFrom"]["secretKeyRef"] == {
        "name": secret["metadata"]["name"],
        "key": "rt-token",
    }
    assert "ROOTMAIL_RT_PASSWORD" not in env
    assert env["ROOTMAIL_RT_QUEUE"]["value"] == "AWS"
    assert "checksum/helpdesk-secret" in pod_annotations(worker)
    assert "checksum/rules" in pod_annotations(worker)


def test_proxy_protocol_and_starttls_are_wired() -> None:
    objs = named("request-tracker")
    env = env_of(container(one(objs, "Deployment", "receiver")))
    assert env["ROOTMAIL_SMTP_PROXY_PROTOCOL"]["value"] == "true"
    assert env["ROOTMAIL_SMTP_PROXY_TRUSTED_NETWORKS"]["value"] == "10.0.0.0/16"
    assert env["ROOTMAIL_SMTP_REQUIRE_TLS"]["value"] == "true"
    assert env["ROOTMAIL_SMTP_TLS_CERT_FILE"]["value"] == "/etc/rootmail/tls/tls.crt"
    assert env["ROOTMAIL_DNS_NAMESERVERS"]["value"] == "10.0.0.2"
    assert smtp_service(objs)["spec"]["externalTrafficPolicy"] == "Cluster"
    job_env = env_of(container(one(objs, "Job", "test")))
    assert job_env["SMTP_PROXY_PROTOCOL"]["value"] == "true"  # the test sends a PROXY header first


def _app_settings(env: dict[str, dict[str, Any]]) -> Any:
    """The application's Settings built from a container's literal ROOTMAIL_ values (as the pod would)."""
    from rootmail.settings import Settings

    fields = {name[len("ROOTMAIL_"):].lower(): item["value"] for name, item in env.items()
              if name.startswith("ROOTMAIL_") and "value" in item and "$(" not in item["value"]}
    return Settings(**fields)


def test_smtp_abuse_limits_and_trusted_networks_default_to_the_application_defaults() -> None:
    from rootmail.settings import Settings

    env = env_of(container(one(render(), "Deployment", "receiver")))
    assert "ROOTMAIL_SMTP_PROXY_TRUSTED_NETWORKS" not in env and "ROOTMAIL_TRUSTED_RELAY_NETWORKS" not in env
    settings = _app_settings(env)
    for field in ("smtp_max_sessions_per_ip", "smtp_max_junk_commands", "smtp_max_unknown_recipients",
                  "smtp_unknown_recipient_window"):
        assert f"ROOTMAIL_{field.upper()}" in env
        assert getattr(settings, field) == Settings.model_fields[field].default, field


def test_smtp_abuse_limits_and_trusted_networks_come_from_values() -> None:
    objs = render({
        "smtp": {"proxyProtocol": True, "proxyTrustedNetworks": ["10.0.0.0/16", "2001:db8::/32"],
                 "maxSessionsPerIp": 5, "maxJunkCommands": 7, "maxUnknownRecipients": 3,
                 "unknownRecipientWindow": 1800},
        "authentication": {"trustedRelayNetworks": ["192.0.2.0/24"]},
    })
    for component in ("receiver", "worker"):
        env = env_of(container(one(objs, "Deployment", component)))
        assert env["ROOTMAIL_SMTP_PROXY_TRUSTED_NETWORKS"]["value"] == "10.0.0.0/16,2001:db8::/32"
        assert env["ROOTMAIL_TRUSTED_RELAY_NETWORKS"]["value"] == "192.0.2.0/24"
        settings = _app_settings(env)  # the application accepts what the chart writes
        assert (settings.smtp_max_sessions_per_ip, settings.smtp_max_junk_commands,
                settings.smtp_max_unknown_recipients, settings.smtp_unknown_recipient_window) == (5, 7, 3, 1800.0)


@pytest.mark.parametrize(("trusted", "expected"), [("127.0.0.1/32", "220"), ("10.0.0.0/8", "554 5.7.1")])
def test_helm_test_script_passes_against_a_real_receiver_behind_proxy_protocol(
        tmp_path: Path, trusted: str, expected: str) -> None:
    """The rendered `helm test` script, run against a real receiver: greeted (trusted pod) or refused
    554 5.7.1 (a pod outside smtp.proxyTrustedNetworks) both mean the receiver is up."""
    import os
    import subprocess
    import sys

    from ingest.networks import TrustedNetworks
    from ingest.receiver import ListenOptions
    from ingest.store import LocalStore
    from tests.ingest.test_receiver import Receiver

    objs = named("request-tracker")
    script = container(one(objs, "Job", "test"))["command"][-1]
    rx = Receiver(LocalStore(tmp_path / "messages"), None, options=ListenOptions(
        proxy_protocol_timeout=5.0, proxy_trusted=TrustedNetworks.parse(trusted)))
    try:
        env = dict(os.environ, SMTP_HOST="127.0.0.1", SMTP_PORT=str(rx.port), SMTP_PROXY_PROTOCOL="true")
        run = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    finally:
        rx.stop()
    assert run.returncode == 0, run.stderr
    assert f"greeted: {expected}" in run.stdout


def test_hpa_scales_workers_on_cpu() -> None:
    objs = named("request-tracker")
    hpa = one(objs, "HorizontalPodAutoscaler", "worker")
    assert (hpa["spec"]["minReplicas"], hpa["spec"]["maxReplicas"]) == (2, 6)
    assert hpa["spec"]["metrics"][0]["resource"]["name"] == "cpu"
    assert "replicas" not in one(objs, "Deployment", "worker")["spec"]
    assert find(objs, "ScaledObject") == []


def test_locked_down_egress_allows_dns_redis_and_extra_rules_only() -> None:
    objs = named("request-tracker")
    policy = one(objs, "NetworkPolicy", "worker")
    egress = policy["spec"]["egress"]
    assert {} not in egress
    assert {"port": 53, "protocol": "UDP"} in egress[0]["ports"]
    assert egress[1]["to"][0]["podSelector"]["matchLabels"]["app.kubernetes.io/component"] == "redis"
    assert egress[2] == {"ports": [{"port": 443, "protocol": "TCP"}]}
    receiver_policy = one(objs, "NetworkPolicy", "receiver")
    smtp_rule = receiver_policy["spec"]["ingress"][0]
    assert smtp_rule["from"][0] == {"ipBlock": {"cidr": "10.0.0.0/8"}}
    # the helm test pod may always connect
    assert smtp_rule["from"][1]["podSelector"]["matchLabels"]["app.kubernetes.io/component"] == "test"


# --- configuration changes restart pods ----------------------------------------------------------------


def test_checksum_annotations_follow_the_directory_and_the_rules() -> None:
    base = merged(VALUE_SETS["minimal"], {"rules": {"content": "rules: []\n"}})
    changed_directory = merged(base, {"directory": {"content": {"customers": [], "accounts": []}}})
    changed_rules = merged(base, {"rules": {"content": "rules:\n  - name: x\n"}})

    def annotations(values: dict[str, Any]) -> dict[str, dict[str, str]]:
        objs = render(values)
        return {c: pod_annotations(one(objs, "Deployment", c)) for c in ("receiver", "worker", "scheduler")}

    before = annotations(base)
    after_directory = annotations(changed_directory)
    after_rules = annotations(changed_rules)
    for component in before:
        assert {"checksum/directory", "checksum/rules"} <= set(before[component])
        assert after_directory[component]["checksum/directory"] != before[component]["checksum/directory"]
        assert after_directory[component]["checksum/rules"] == before[component]["checksum/rules"]
        assert after_rules[component]["checksum/rules"] != before[component]["checksum/rules"]
        assert after_rules[component]["checksum/directory"] == before[component]["checksum/directory"]
    # the hash is of the ConfigMap the pods mount, which carries the directory as given
    objs = render(base)
    directory = yaml.safe_load(one(objs, "ConfigMap", "directory")["data"]["directory.yaml"])
    assert directory["accounts"][0]["account_id"] == "475435584436"  # stays a string
    assert env_of(container(one(objs, "Deployment", "worker")))["ROOTMAIL_RULES_FILE"]["value"] == (
        "/etc/rootmail/rules/rules.yaml"
    )


def test_directory_can_be_given_as_yaml_text() -> None:
    text = 'customers: []\naccounts:\n  - account_id: "012345678901"  # leading zero\n'
    objs = render({"directory": {"content": text}})
    assert one(objs, "ConfigMap", "directory")["data"]["directory.yaml"] == text


def test_zendesk_without_existing_secret_gets_a_chart_secret() -> None:
    objs = render(merged(S3, ZENDESK, {"worker": {"replicaCount": 3}}))
    secret = one(objs, "Secret", "helpdesk")
    assert set(secret["data"]) == {"zendesk-token"}
    env = env_of(container(one(objs, "Deployment", "worker")))
    assert env["ROOTMAIL_ZENDESK_TOKEN"]["valueFrom"]["secretKeyRef"]["name"] == secret["metadata"]["name"]
    assert one(objs, "Deployment", "worker")["spec"]["replicas"] == 3


def test_existing_secret_for_request_tracker_makes_both_keys_optional() -> None:
    values = merged(
        S3,
        {
            "helpdesk": {
                "type": "rt",
                "existingSecret": "rt-creds",
                "rt": {"url": "https://rt.x", "queue": "AWS", "rateLimit": 300},
            }
        },
    )
    objs = render(values)
    assert find(objs, "Secret", "helpdesk") == []
    env = env_of(container(one(objs, "Deployment", "worker")))
    assert env["ROOTMAIL_RT_RATE_LIMIT"]["value"] == "300"
    for name, key in (("ROOTMAIL_RT_TOKEN", "rt-token"), ("ROOTMAIL_RT_PASSWORD", "rt-password")):
        assert env[name]["valueFrom"]["secretKeyRef"] == {"name": "rt-creds", "key": key, "optional": True}


def test_keda_with_the_bundled_redis_uses_its_fqdn_and_password() -> None:
    objs = render(merged(S3, ZENDESK, {"worker": {"autoscaling": {"keda": {"enabled": True}}}}))
    trigger = one(objs, "ScaledObject", "worker")["spec"]["triggers"][0]
    assert trigger["metadata"]["address"] == f"rm-rootmail-redis.{NAMESPACE}.svc.cluster.local:6379"
    assert trigger["metadata"]["enableTLS"] == "false"
    auth = one(objs, "TriggerAuthentication", "worker")
    assert auth["spec"]["secretTargetRef"][0]["name"] == "rm-rootmail-redis"
    redis_sources = one(objs, "NetworkPolicy", "redis")["spec"]["ingress"][0]["from"]
    assert {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "keda"}}} in redis_sources
    for obj in objs:
        validate_object(obj)


def test_service_can_be_cluster_ip() -> None:
    objs = render({"receiver": {"service": {"type": "ClusterIP"}}})
    svc = smtp_service(objs)
    assert svc["spec"]["type"] == "ClusterIP" and "externalTrafficPolicy" not in svc["spec"]
    validate_object(svc)


def test_long_release_names_stay_valid() -> None:
    rendered = _chart().render({}, name="a" * 53, namespace=NAMESPACE)
    for obj in objects_of(rendered):
        assert len(obj["metadata"]["name"]) <= 63, obj["metadata"]["name"]
        validate_object(obj)


# --- render-time checks name the key and the fix -------------------------------------------------------


BAD_VALUES = {
    "two receivers on the local store": (
        {"receiver": {"replicaCount": 2}},
        ["receiver.replicaCount=2", "store.type=s3"],
    ),
    "s3 without a bucket": (
        {"store": {"type": "s3"}, "persistence": {"enabled": False}},
        ["store.s3.bucket"],
    ),
    "local helpdesk with two workers": (
        merged(S3, {"worker": {"replicaCount": 2}}),
        ["worker.replicaCount=2", "helpdesk.type=local", "worker.replicaCount=1"],
    ),
    "local helpdesk with an autoscaler": (
        merged(S3, {"worker": {"autoscaling": {"keda": {"enabled": True}}}}),
        ["worker.autoscaling", "helpdesk.type=local", "keda.enabled=false"],
    ),
    "local data without a volume": (
        {"persistence": {"enabled": False}},
        ["persistence.enabled=false", "persistence.enabled=true"],
    ),
    "ReadWriteOncePod volume": (
        {"persistence": {"accessModes": ["ReadWriteOncePod"]}},
        ["persistence.accessModes", "ReadWriteMany"],
    ),
    "hpa and keda together": (
        merged(S3, ZENDESK, {"worker": {"autoscaling": {"hpa": {"enabled": True}, "keda": {"enabled": True}}}}),
        ["worker.autoscaling.hpa.enabled", "worker.autoscaling.keda.enabled", "enable only one"],
    ),
    "keda on external redis without an address": (
        merged(
            S3,
            ZENDESK,
            {
                "redis": {"enabled": False, "external": {"url": "redis://r:6379/0"}},
                "worker": {"autoscaling": {"keda": {"enabled": True}}},
            },
        ),
        ["worker.autoscaling.keda.redis.address"],
    ),
    "no redis at all": (
        {"redis": {"enabled": False}},
        ["redis.enabled=false", "redis.external.existingSecret"],
    ),
    "bundled and external redis": (
        {"redis": {"external": {"url": "redis://r:6379/0"}}},
        ["redis.enabled=true", "redis.external"],
    ),
    "zendesk without a token": (
        merged(S3, {"helpdesk": {"type": "zendesk", "zendesk": {"url": "https://z", "email": "a@b"}}}),
        ["helpdesk.existingSecret", "helpdesk.zendesk.token"],
    ),
    "zendesk without url": (
        merged(S3, {"helpdesk": {"type": "zendesk", "existingSecret": "z"}}),
        ["helpdesk.zendesk.url"],
    ),
    "rt without url": (
        merged(S3, {"helpdesk": {"type": "rt", "rt": {"token": "t"}}}),
        ["helpdesk.rt.url"],
    ),
    "rt without credentials": (
        merged(S3, {"helpdesk": {"type": "rt", "rt": {"url": "https://rt", "user": "u"}}}),
        ["helpdesk.rt.token", "helpdesk.rt.password"],
    ),
    "required TLS without a certificate": (
        {"smtp": {"tls": {"require": True}}},
        ["smtp.tls.require", "smtp.tls.existingSecret"],
    ),
    "PROXY protocol without trusted networks": (
        {"smtp": {"proxyProtocol": True}},
        ["smtp.proxyProtocol=true", "smtp.proxyTrustedNetworks"],
    ),
    "cluster traffic policy without PROXY protocol": (
        {"receiver": {"service": {"externalTrafficPolicy": "Cluster"}}},
        ["receiver.service.externalTrafficPolicy=Cluster", "smtp.proxyProtocol=true"],
    ),
}


@pytest.mark.parametrize("case", BAD_VALUES)
def test_bad_values_fail_with_the_key_and_the_fix(case: str) -> None:
    values, expected = BAD_VALUES[case]
    message = render_error(values)
    assert "VALUES VALIDATION" in message
    assert "Fix:" in message
    for fragment in expected:
        assert fragment in message, f"{fragment!r} missing from: {message}"


SCHEMA_VIOLATIONS = {
    "replica count is a number": ({"receiver": {"replicaCount": "two"}}, "/receiver/replicaCount"),
    "store type is an enum": ({"store": {"type": "nfs"}}, "/store/type"),
    "typo in a key": ({"worker": {"concurency": 4}}, "concurency"),
    "account ids are quoted 12-digit strings": (
        {"directory": {"content": {"accounts": [{"account_id": 12345, "customer": "a", "root_email": "a@b"}]}}},
        "/directory/content",
    ),
    "trusted networks are a list": ({"smtp": {"proxyTrustedNetworks": "10.0.0.0/8"}}, "/smtp/proxyTrustedNetworks"),
    "one CIDR per list item": (
        {"authentication": {"trustedRelayNetworks": ["10.0.0.0/8,10.1.0.0/16"]}},
        "/authentication/trustedRelayNetworks",
    ),
    "session cap is a number": ({"smtp": {"maxSessionsPerIp": -1}}, "/smtp/maxSessionsPerIp"),
    "redis url scheme": (
        {"redis": {"enabled": False, "external": {"url": "http://r"}}},
        "/redis/external/url",
    ),
}


@pytest.mark.parametrize("case", SCHEMA_VIOLATIONS)
def test_values_schema_rejects(case: str) -> None:
    values, where = SCHEMA_VIOLATIONS[case]
    with pytest.raises(helm.HelmValuesError) as caught:
        render_raw(values)
    assert where in str(caught.value)


# --- values.yaml is documented key by key, and the schema knows every key -------------------------------


def _leaf_paths(node: Any, prefix: str = "") -> list[str]:
    if isinstance(node, dict) and node:
        paths: list[str] = []
        for key, value in node.items():
            paths += _leaf_paths(value, f"{prefix}.{key}" if prefix else key)
        return paths
    return [prefix]


def test_values_yaml_documents_every_key() -> None:
    text = (CHART / "values.yaml").read_text()
    documented = set(re.findall(r"^\s*## @param (\S+) \S", text, flags=re.MULTILINE))
    values = yaml.safe_load(text)
    undocumented = [
        path for path in _leaf_paths(values) if not any(path == d or path.startswith(d + ".") for d in documented)
    ]
    assert undocumented == []
    leaves = set(_leaf_paths(values))
    stale = [d for d in documented if not any(leaf == d or leaf.startswith(d + ".") for leaf in leaves)]
    assert stale == []


def test_schema_covers_every_top_level_key_and_accepts_the_ci_values() -> None:
    schema = json.loads((CHART / "values.schema.json").read_text())
    values = yaml.safe_load((CHART / "values.yaml").read_text())
    assert schema["additionalProperties"] is False
    assert set(values) <= set(schema["properties"])
    chart = _chart()
    assert chart.schema == schema
    for values_set in VALUE_SETS.values():
        chart.validate_schema(values_set)


def test_chart_metadata() -> None:
    meta = _chart().metadata
    assert meta["apiVersion"] == "v2" and meta["name"] == "rootmail" and meta["type"] == "application"
    assert re.fullmatch(r"\d+\.\d+\.\d+", meta["version"])
    assert meta["kubeVersion"].startswith(">=")


def test_s3_store_with_local_helpdesk_keeps_receivers_free_of_the_volume() -> None:
    objs = render(merged(S3, {"persistence": {"enabled": True}, "receiver": {"replicaCount": 2}}))
    claim = one(objs, "PersistentVolumeClaim", "data")["metadata"]["name"]
    receiver = one(objs, "Deployment", "receiver")
    assert receiver["spec"]["replicas"] == 2
    assert receiver["spec"]["strategy"]["type"] == "RollingUpdate"
    volumes = {v["name"]: v for v in receiver["spec"]["template"]["spec"]["volumes"]}
    assert volumes["data"] == {"name": "data", "emptyDir": {}}
    assert "podAffinity" not in receiver["spec"]["template"]["spec"]["affinity"]
    for component in ("worker", "scheduler"):
        pod = one(objs, "Deployment", component)["spec"]["template"]["spec"]
        volumes = {v["name"]: v for v in pod["volumes"]}
        assert volumes["data"]["persistentVolumeClaim"]["claimName"] == claim
    scheduler = one(objs, "Deployment", "scheduler")["spec"]["template"]["spec"]
    assert "podAffinity" in scheduler["affinity"]
    for obj in objs:
        validate_object(obj)


def test_notes_use_a_root_address_from_the_directory() -> None:
    notes = _render_named("minimal")[0]["rootmail/templates/NOTES.txt"]
    assert "--to aws-root+acme-payer@roots.example.net" in notes
    assert "WARNING: the account directory is empty" not in notes
    assert "WARNING: the account directory is empty" in _render_named("default")[0]["rootmail/templates/NOTES.txt"]


@pytest.mark.parametrize("name", VALUE_SETS)
def test_every_rootmail_variable_the_chart_sets_is_a_real_setting(name: str) -> None:
    from rootmail.settings import Settings

    known = {f"ROOTMAIL_{field.upper()}" for field in Settings.model_fields}
    for obj in named(name):
        spec = obj.get("spec", {}).get("template", {}).get("spec", {})
        for c in spec.get("containers", []) + spec.get("initContainers", []):
            unknown = {n for n in env_of(c) if n.startswith("ROOTMAIL_") and n not in known}
            assert not unknown, f"{obj['kind']} {obj['metadata']['name']} sets unknown settings {unknown}"


# --- monitoring: scheduler heartbeat, Grafana dashboard, PrometheusRule -----------------------------

#: PrometheusRule (monitoring.coreos.com/v1), the subset of the operator's CRD the chart uses.
CRD_SCHEMAS[("monitoring.coreos.com/v1", "PrometheusRule")] = {
    "type": "object",
    "required": ["apiVersion", "kind", "metadata", "spec"],
    "properties": {
        "metadata": _OBJECT_META,
        "spec": {
            "type": "object",
            "additionalProperties": False,
            "required": ["groups"],
            "properties": {
                "groups": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["name", "rules"],
                        "properties": {
                            "name": {"type": "string", "minLength": 1},
                            "interval": {"type": "string"},
                            "rules": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "additionalProperties": False,
                                    "required": ["expr"],
                                    "oneOf": [{"required": ["alert"]}, {"required": ["record"]}],
                                    "properties": {
                                        "alert": {"type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$"},
                                        "record": {"type": "string"},
                                        "expr": {"type": "string", "minLength": 1},
                                        "for": {"type": "string", "pattern": "^([0-9]+(ms|s|m|h|d|w|y))+$"},
                                        "labels": _STRING_MAP,
                                        "annotations": _STRING_MAP,
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}
MONITORING_ON = {"metrics": {"grafanaDashboard": {"enabled": True}, "prometheusRule": {"enabled": True}}}
EXPECTED_ALERTS = {
    "RootmailQuarantineGrowing", "RootmailOldestUnfinishedMessage", "RootmailHelpdeskErrors",
    "RootmailQueueDepthGrowing", "RootmailSilentIntake", "RootmailTLSCertificateExpiresSoon",
}
_METRIC_DEFINITION = re.compile(
    r"\b(Counter|Gauge|Histogram|Summary|GaugeMetricFamily|CounterMetricFamily)\(\s*\"(rootmail_[a-z0-9_]+)\"")


def exported_metrics() -> set[str]:
    """Every series name rootmail's code exports (histograms with their _bucket/_sum/_count series)."""
    names: set[str] = set()
    for package in ("ingest", "routing", "ticketing", "rootmail"):
        for source in (REPO / package).rglob("*.py"):
            for kind, name in _METRIC_DEFINITION.findall(source.read_text()):
                names.add(name)
                if kind in ("Histogram", "Summary"):
                    names.update(f"{name}{suffix}" for suffix in ("_bucket", "_sum", "_count"))
    return names


def metrics_named_in(expr: str) -> set[str]:
    return set(re.findall(r"\brootmail_[a-z0-9_]+", expr))


def test_monitoring_objects_are_off_by_default() -> None:
    objs = named("default")
    assert find(objs, "PrometheusRule") == []
    assert [c for c in find(objs, "ConfigMap") if "grafana_dashboard" in c["metadata"]["labels"]] == []


def test_monitoring_switches_render_a_dashboard_configmap_and_a_prometheus_rule_that_validate() -> None:
    objs = render(MONITORING_ON)
    for obj in objs:
        validate_object(obj)
    dashboards = [c for c in find(objs, "ConfigMap") if c["metadata"]["labels"].get("grafana_dashboard") == "1"]
    assert len(dashboards) == 1
    dashboard = json.loads(dashboards[0]["data"]["rootmail.json"])
    assert dashboard["uid"] == "rootmail" and len(dashboard["panels"]) >= 10
    rule = one(objs, "PrometheusRule")
    assert rule["metadata"]["namespace"] == NAMESPACE
    alerts = {r["alert"]: r for r in rule["spec"]["groups"][0]["rules"]}
    assert set(alerts) == EXPECTED_ALERTS
    for alert in alerts.values():
        assert alert["labels"]["severity"] in {"warning", "critical"}
        assert alert["annotations"]["runbook_url"] == f"docs/operations.md#{alert['alert'].lower()}"


def test_every_alert_and_dashboard_query_names_only_metrics_rootmail_exports() -> None:
    exported = exported_metrics()
    assert "rootmail_oldest_unfinished_message_age_seconds" in exported  # the collector's gauges are found
    objs = render(MONITORING_ON)
    rule = one(objs, "PrometheusRule")
    dashboard = json.loads(next(c for c in find(objs, "ConfigMap") if "rootmail.json" in c.get("data", {}))
                           ["data"]["rootmail.json"])
    exprs = [r["expr"] for r in rule["spec"]["groups"][0]["rules"]]
    exprs += [t["expr"] for panel in dashboard["panels"] for t in panel["targets"]]
    named_metrics = set().union(*(metrics_named_in(e) for e in exprs))
    assert named_metrics - exported == set()
    # each alert reads at least one real metric
    assert all(metrics_named_in(e) for e in exprs)


def test_every_alert_has_a_runbook_section_in_the_operations_guide() -> None:
    guide = (REPO / "docs" / "operations.md").read_text()
    anchors = {re.sub(r"[^a-z0-9 -]", "", h.strip().lower()).replace(" ", "-")
               for h in re.findall(r"^#{2,4} (.+)$", guide, flags=re.MULTILINE)}
    assert {a.lower() for a in EXPECTED_ALERTS} <= anchors


def test_alert_thresholds_and_rule_placement_come_from_values() -> None:
    objs = render(merged(MONITORING_ON, {"metrics": {"prometheusRule": {
        "oldestUnfinishedMinutes": 45, "silentIntakeHours": 6, "certificateExpiryDays": 21, "helpdeskErrorsFor": "5m",
        "namespace": "monitoring", "labels": {"release": "kube-prometheus-stack"},
        "runbookBaseUrl": "https://docs.example.test/ops"}}}))
    rule = one(objs, "PrometheusRule")
    assert rule["metadata"]["namespace"] == "monitoring"
    assert rule["metadata"]["labels"]["release"] == "kube-prometheus-stack"
    alerts = {r["alert"]: r for r in rule["spec"]["groups"][0]["rules"]}
    assert alerts["RootmailOldestUnfinishedMessage"]["expr"].endswith("> 2700")
    assert "[6h]" in alerts["RootmailSilentIntake"]["expr"]
    assert alerts["RootmailTLSCertificateExpiresSoon"]["expr"].endswith(f"< {21 * 86400}")
    assert alerts["RootmailHelpdeskErrors"]["for"] == "5m"
    assert alerts["RootmailSilentIntake"]["annotations"]["runbook_url"] == "https://docs.example.test/ops#rootmailsilentintake"


@pytest.mark.parametrize("name", VALUE_SETS)
def test_scheduler_liveness_probe_checks_beats_heartbeat_file(name: str) -> None:
    from rootmail.heartbeat import heartbeat_path

    probe = container(one(named(name), "Deployment", "scheduler"))["livenessProbe"]
    command = probe["exec"]["command"]
    assert command[:3] == ["python", "-m", "rootmail.heartbeat"]
    assert command[3] == str(heartbeat_path("/var/lib/rootmail"))
    assert float(command[4]) >= 60  # well above beat's loop interval
