{{/*
Names and labels.
*/}}
{{- define "rootmail.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "rootmail.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* A component's object name: <fullname>-<component>, kept within 63 characters. */}}
{{- define "rootmail.componentName" -}}
{{- printf "%s-%s" (include "rootmail.fullname" .root | trunc (int (sub 62 (len .component))) | trimSuffix "-") .component -}}
{{- end -}}

{{- define "rootmail.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "rootmail.selectorLabels" -}}
app.kubernetes.io/name: {{ include "rootmail.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "rootmail.labels" -}}
helm.sh/chart: {{ include "rootmail.chart" . }}
{{ include "rootmail.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: rootmail
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Labels of one component: call with (dict "root" $ "component" "receiver"). */}}
{{- define "rootmail.componentLabels" -}}
{{ include "rootmail.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "rootmail.componentSelectorLabels" -}}
{{ include "rootmail.selectorLabels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* metadata.annotations of every object (commonAnnotations), plus extra ones given as .extra. */}}
{{- define "rootmail.annotations" -}}
{{- $all := merge (dict) (.extra | default dict) (.root.Values.commonAnnotations | default dict) -}}
{{- with $all -}}
annotations:
  {{- toYaml . | nindent 2 }}
{{- end -}}
{{- end -}}

{{- define "rootmail.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "rootmail.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* image reference from an image dict: registry/repository@digest or :tag. */}}
{{- define "rootmail.imageRef" -}}
{{- $repo := .image.repository -}}
{{- if .image.registry -}}{{- $repo = printf "%s/%s" .image.registry .image.repository -}}{{- end -}}
{{- if .image.digest -}}
{{- printf "%s@%s" $repo .image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repo (toString (default .default .image.tag)) -}}
{{- end -}}
{{- end -}}

{{- define "rootmail.image" -}}
{{- include "rootmail.imageRef" (dict "image" .Values.image "default" .Chart.AppVersion) -}}
{{- end -}}

{{- define "rootmail.redis.image" -}}
{{- include "rootmail.imageRef" (dict "image" .Values.redis.image "default" "latest") -}}
{{- end -}}

{{/*
Data on disk.
*/}}
{{- define "rootmail.dataDir" -}}/var/lib/rootmail{{- end -}}

{{/* "true" when a volume shared by all rootmail pods is needed (local store or local helpdesk). */}}
{{- define "rootmail.needsSharedVolume" -}}
{{- if or (eq .Values.store.type "local") (eq .Values.helpdesk.type "local") -}}true{{- end -}}
{{- end -}}

{{- define "rootmail.dataClaimName" -}}
{{- default (include "rootmail.componentName" (dict "root" . "component" "data")) .Values.persistence.existingClaim -}}
{{- end -}}

{{/*
"true" when a component mounts the shared data volume: call with (dict "root" $ "component" ...).
The receiver needs it only for the local store; worker and scheduler whenever it exists.
*/}}
{{- define "rootmail.mountsSharedVolume" -}}
{{- $v := .root.Values -}}
{{- if and (include "rootmail.needsSharedVolume" .root) $v.persistence.enabled (or (ne .component "receiver") (eq $v.store.type "local")) -}}true{{- end -}}
{{- end -}}

{{/* "true" when a component must run on the worker's node: it shares a ReadWriteOnce volume with it. */}}
{{- define "rootmail.colocate" -}}
{{- if and (ne .component "worker") (include "rootmail.mountsSharedVolume" .) (not (has "ReadWriteMany" .root.Values.persistence.accessModes)) -}}true{{- end -}}
{{- end -}}

{{/*
Redis.
*/}}
{{- define "rootmail.redis.fullname" -}}
{{- include "rootmail.componentName" (dict "root" . "component" "redis") -}}
{{- end -}}

{{- define "rootmail.redis.secretName" -}}
{{- default (include "rootmail.redis.fullname" .) .Values.redis.auth.existingSecret -}}
{{- end -}}

{{- define "rootmail.redis.secretKey" -}}
{{- if .Values.redis.auth.existingSecret -}}{{ .Values.redis.auth.existingSecretKey }}{{- else -}}redis-password{{- end -}}
{{- end -}}

{{- define "rootmail.redis.host" -}}
{{- printf "%s.%s.svc.%s" (include "rootmail.redis.fullname" .) .Release.Namespace .Values.clusterDomain -}}
{{- end -}}

{{/* Environment variables that give a container ROOTMAIL_REDIS_URL. */}}
{{- define "rootmail.redis.env" -}}
{{- if .Values.redis.enabled }}
{{- if .Values.redis.auth.enabled }}
- name: REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "rootmail.redis.secretName" . }}
      key: {{ include "rootmail.redis.secretKey" . }}
- name: ROOTMAIL_REDIS_URL
  value: {{ printf "redis://:$(REDIS_PASSWORD)@%s:6379/0" (include "rootmail.redis.fullname" .) | quote }}
{{- else }}
- name: ROOTMAIL_REDIS_URL
  value: {{ printf "redis://%s:6379/0" (include "rootmail.redis.fullname" .) | quote }}
{{- end }}
{{- else if .Values.redis.external.existingSecret }}
- name: ROOTMAIL_REDIS_URL
  valueFrom:
    secretKeyRef:
      name: {{ .Values.redis.external.existingSecret }}
      key: {{ .Values.redis.external.existingSecretKey }}
{{- else }}
- name: ROOTMAIL_REDIS_URL
  value: {{ .Values.redis.external.url | quote }}
{{- end }}
{{- end -}}

{{/*
Helpdesk credentials.
*/}}
{{- define "rootmail.helpdesk.secretName" -}}
{{- default (include "rootmail.componentName" (dict "root" . "component" "helpdesk")) .Values.helpdesk.existingSecret -}}
{{- end -}}

{{- define "rootmail.helpdesk.createSecret" -}}
{{- if and (not .Values.helpdesk.existingSecret) (or (eq .Values.helpdesk.type "zendesk") (eq .Values.helpdesk.type "rt")) -}}true{{- end -}}
{{- end -}}

{{- define "rootmail.secretEnv" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ include "rootmail.helpdesk.secretName" .root }}
      key: {{ .key }}
      {{- if .optional }}
      optional: true
      {{- end }}
{{- end -}}

{{/*
Root-account guard (issue 15): alert credentials in a Secret (existing, or created by the chart).
*/}}
{{- define "rootmail.rootGuard.secretName" -}}
{{- default (include "rootmail.componentName" (dict "root" . "component" "alerts")) .Values.rootGuard.existingSecret -}}
{{- end -}}

{{- define "rootmail.rootGuard.createSecret" -}}
{{- $a := .Values.rootGuard.alerts -}}
{{- if and (not .Values.rootGuard.existingSecret) (or $a.pagerdutyRoutingKey $a.slackWebhook $a.webhookSecret) -}}true{{- end -}}
{{- end -}}

{{- define "rootmail.rootGuard.env" -}}
{{- $g := .Values.rootGuard -}}
{{- $secret := include "rootmail.rootGuard.secretName" . -}}
{{- $existing := ne $g.existingSecret "" -}}
{{- range $name, $pair := dict "ROOTMAIL_ALERT_PAGERDUTY_ROUTING_KEY" (list $g.alerts.pagerdutyRoutingKey $g.existingSecretKeys.pagerdutyRoutingKey) "ROOTMAIL_ALERT_SLACK_WEBHOOK" (list $g.alerts.slackWebhook $g.existingSecretKeys.slackWebhook) "ROOTMAIL_ALERT_WEBHOOK_SECRET" (list $g.alerts.webhookSecret $g.existingSecretKeys.webhookSecret) }}
{{- if or $existing (index $pair 0) }}
- name: {{ $name }}
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ index $pair 1 }}
      {{- if $existing }}
      optional: true
      {{- end }}
{{- end }}
{{- end }}
{{- with $g.alerts.webhookUrl }}
- name: ROOTMAIL_ALERT_WEBHOOK_URL
  value: {{ . | quote }}
{{- end }}
{{- if $g.alerts.dedupeSeconds }}
- name: ROOTMAIL_ALERT_DEDUPE_SECONDS
  value: {{ $g.alerts.dedupeSeconds | quote }}
{{- end }}
{{- if ne (toString $g.silenceAlertHours) "" }}
- name: ROOTMAIL_SILENCE_ALERT_HOURS
  value: {{ $g.silenceAlertHours | quote }}
{{- end }}
- name: ROOTMAIL_ESCROW
  value: {{ $g.escrow.type | quote }}
{{- if $g.escrow.ttlSeconds }}
- name: ROOTMAIL_ESCROW_TTL
  value: {{ $g.escrow.ttlSeconds | quote }}
{{- end }}
{{- with $g.escrow.kmsKeyId }}
- name: ROOTMAIL_ESCROW_KMS_KEY_ID
  value: {{ . | quote }}
{{- end }}
{{- with $g.escrow.prefix }}
- name: ROOTMAIL_ESCROW_PREFIX
  value: {{ . | quote }}
{{- end }}
{{- end -}}

{{/*
Configuration files.
*/}}
{{- define "rootmail.directory.configMapName" -}}
{{- default (include "rootmail.componentName" (dict "root" . "component" "directory")) .Values.directory.existingConfigMap -}}
{{- end -}}

{{- define "rootmail.rules.configMapName" -}}
{{- default (include "rootmail.componentName" (dict "root" . "component" "rules")) .Values.rules.existingConfigMap -}}
{{- end -}}

{{- define "rootmail.rules.enabled" -}}
{{- if or .Values.rules.existingConfigMap .Values.rules.content -}}true{{- end -}}
{{- end -}}

{{/* A YAML document from a value that is either YAML text or an object. */}}
{{- define "rootmail.yamlDocument" -}}
{{- if kindIs "string" . -}}
{{- . -}}
{{- else -}}
{{- toYaml . -}}
{{- end -}}
{{- end -}}

{{/*
The environment of every rootmail container: the application's settings (ROOTMAIL_*).
*/}}
{{- define "rootmail.env" -}}
- name: ROOTMAIL_LOG_FORMAT
  value: {{ .Values.logFormat | quote }}
- name: ROOTMAIL_LOG_LEVEL
  value: {{ .Values.logLevel | quote }}
- name: ROOTMAIL_DATA_DIR
  value: {{ include "rootmail.dataDir" . | quote }}
- name: ROOTMAIL_HTTP_HOST
  value: "0.0.0.0"
- name: ROOTMAIL_HTTP_PORT
  value: {{ .Values.http.port | quote }}
- name: ROOTMAIL_SMTP_HOST
  value: "0.0.0.0"
- name: ROOTMAIL_SMTP_PORT
  value: "2525"
{{- with .Values.smtp.hostname }}
- name: ROOTMAIL_SMTP_HOSTNAME
  value: {{ . | quote }}
{{- end }}
- name: ROOTMAIL_MAX_MESSAGE_SIZE
  value: {{ int64 .Values.smtp.maxMessageSize | quote }}
- name: ROOTMAIL_SMTP_PROXY_PROTOCOL
  value: {{ ternary "true" "false" .Values.smtp.proxyProtocol | quote }}
{{- with .Values.smtp.proxyTrustedNetworks }}
- name: ROOTMAIL_SMTP_PROXY_TRUSTED_NETWORKS
  value: {{ join "," . | quote }}
{{- end }}
- name: ROOTMAIL_SMTP_MAX_SESSIONS_PER_IP
  value: {{ int64 .Values.smtp.maxSessionsPerIp | quote }}
- name: ROOTMAIL_SMTP_MAX_JUNK_COMMANDS
  value: {{ int64 .Values.smtp.maxJunkCommands | quote }}
- name: ROOTMAIL_SMTP_MAX_UNKNOWN_RECIPIENTS
  value: {{ int64 .Values.smtp.maxUnknownRecipients | quote }}
- name: ROOTMAIL_SMTP_UNKNOWN_RECIPIENT_WINDOW
  value: {{ .Values.smtp.unknownRecipientWindow | toString | quote }}
{{- with .Values.authentication.trustedRelayNetworks }}
- name: ROOTMAIL_TRUSTED_RELAY_NETWORKS
  value: {{ join "," . | quote }}
{{- end }}
{{- if .Values.smtp.tls.existingSecret }}
- name: ROOTMAIL_SMTP_TLS_CERT_FILE
  value: /etc/rootmail/tls/tls.crt
- name: ROOTMAIL_SMTP_TLS_KEY_FILE
  value: /etc/rootmail/tls/tls.key
{{- end }}
- name: ROOTMAIL_SMTP_REQUIRE_TLS
  value: {{ ternary "true" "false" .Values.smtp.tls.require | quote }}
{{- with .Values.dns.nameservers }}
- name: ROOTMAIL_DNS_NAMESERVERS
  value: {{ join "," . | quote }}
{{- end }}
{{- with .Values.aws.region }}
- name: AWS_REGION
  value: {{ . | quote }}
{{- end }}
- name: ROOTMAIL_STORE
  value: {{ .Values.store.type | quote }}
{{- if eq .Values.store.type "s3" }}
- name: ROOTMAIL_S3_BUCKET
  value: {{ .Values.store.s3.bucket | quote }}
{{- with .Values.store.s3.prefix }}
- name: ROOTMAIL_S3_PREFIX
  value: {{ . | quote }}
{{- end }}
{{- with .Values.store.s3.kmsKeyId }}
- name: ROOTMAIL_S3_KMS_KEY_ID
  value: {{ . | quote }}
{{- end }}
{{- end }}
{{- include "rootmail.redis.env" . }}
- name: ROOTMAIL_WORKER_PREFETCH
  value: {{ .Values.worker.prefetch | quote }}
- name: ROOTMAIL_DIRECTORY_FILE
  value: /etc/rootmail/directory/directory.yaml
{{- if include "rootmail.rules.enabled" . }}
- name: ROOTMAIL_RULES_FILE
  value: /etc/rootmail/rules/rules.yaml
{{- end }}
- name: ROOTMAIL_PLUS_ADDRESSING
  value: {{ .Values.directory.plusAddressing | quote }}
{{- with .Values.directory.organizations }}
{{- if .enabled }}
- name: ROOTMAIL_ORG_SYNC
  value: "true"
{{- end }}
{{- with .roleArns }}
- name: ROOTMAIL_ORG_ROLE_ARNS
  value: {{ join "," . | quote }}
{{- end }}
{{- with .externalId }}
- name: ROOTMAIL_ORG_EXTERNAL_ID
  value: {{ . | quote }}
{{- end }}
{{- with .customerTag }}
- name: ROOTMAIL_ORG_CUSTOMER_TAG
  value: {{ . | quote }}
{{- end }}
{{- end }}
- name: ROOTMAIL_HELPDESK
  value: {{ .Values.helpdesk.type | quote }}
{{- if eq .Values.helpdesk.type "zendesk" }}
{{- with .Values.helpdesk.zendesk }}
- name: ROOTMAIL_ZENDESK_URL
  value: {{ .url | quote }}
- name: ROOTMAIL_ZENDESK_EMAIL
  value: {{ .email | quote }}
{{- if .rateLimit }}
- name: ROOTMAIL_ZENDESK_RATE_LIMIT
  value: {{ .rateLimit | quote }}
{{- end }}
{{- end }}
{{ include "rootmail.secretEnv" (dict "root" . "name" "ROOTMAIL_ZENDESK_TOKEN" "key" .Values.helpdesk.existingSecretKeys.zendeskToken) }}
{{- else if eq .Values.helpdesk.type "rt" }}
{{- with .Values.helpdesk.rt }}
- name: ROOTMAIL_RT_URL
  value: {{ .url | quote }}
{{- with .queue }}
- name: ROOTMAIL_RT_QUEUE
  value: {{ . | quote }}
{{- end }}
{{- with .user }}
- name: ROOTMAIL_RT_USER
  value: {{ . | quote }}
{{- end }}
{{- if .rateLimit }}
- name: ROOTMAIL_RT_RATE_LIMIT
  value: {{ .rateLimit | quote }}
{{- end }}
{{- end }}
{{- if or .Values.helpdesk.existingSecret .Values.helpdesk.rt.token }}
{{ include "rootmail.secretEnv" (dict "root" . "name" "ROOTMAIL_RT_TOKEN" "key" .Values.helpdesk.existingSecretKeys.rtToken "optional" (ne .Values.helpdesk.existingSecret "")) }}
{{- end }}
{{- if or .Values.helpdesk.existingSecret .Values.helpdesk.rt.password }}
{{ include "rootmail.secretEnv" (dict "root" . "name" "ROOTMAIL_RT_PASSWORD" "key" .Values.helpdesk.existingSecretKeys.rtPassword "optional" (ne .Values.helpdesk.existingSecret "")) }}
{{- end }}
{{- end }}
{{- include "rootmail.rootGuard.env" . }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Annotations that restart pods when their configuration changes. */}}
{{- define "rootmail.checksumAnnotations" -}}
{{- if not .Values.directory.existingConfigMap }}
checksum/directory: {{ include (print .Template.BasePath "/config/directory-configmap.yaml") . | sha256sum }}
{{- end }}
{{- if and .Values.rules.content (not .Values.rules.existingConfigMap) }}
checksum/rules: {{ include (print .Template.BasePath "/config/rules-configmap.yaml") . | sha256sum }}
{{- end }}
{{- if include "rootmail.helpdesk.createSecret" . }}
checksum/helpdesk-secret: {{ include (print .Template.BasePath "/config/helpdesk-secret.yaml") . | sha256sum }}
{{- end }}
{{- end -}}

{{- define "rootmail.volumeMounts" -}}
- name: data
  mountPath: {{ include "rootmail.dataDir" . }}
- name: tmp
  mountPath: /tmp
- name: directory
  mountPath: /etc/rootmail/directory
  readOnly: true
{{- if include "rootmail.rules.enabled" . }}
- name: rules
  mountPath: /etc/rootmail/rules
  readOnly: true
{{- end }}
{{- if .Values.smtp.tls.existingSecret }}
- name: smtp-tls
  mountPath: /etc/rootmail/tls
  readOnly: true
{{- end }}
{{- with .Values.extraVolumeMounts }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Volumes of a rootmail pod: call with (dict "root" $ "component" ...). */}}
{{- define "rootmail.volumes" -}}
- name: data
{{- if include "rootmail.mountsSharedVolume" . }}
  persistentVolumeClaim:
    claimName: {{ include "rootmail.dataClaimName" .root }}
{{- else }}
  emptyDir: {}
{{- end }}
{{- with .root }}
- name: tmp
  emptyDir:
    medium: Memory
    sizeLimit: 64Mi
- name: directory
  configMap:
    name: {{ include "rootmail.directory.configMapName" . }}
    items:
      - key: {{ ternary .Values.directory.existingConfigMapKey "directory.yaml" (ne .Values.directory.existingConfigMap "") }}
        path: directory.yaml
{{- if include "rootmail.rules.enabled" . }}
- name: rules
  configMap:
    name: {{ include "rootmail.rules.configMapName" . }}
    items:
      - key: {{ ternary .Values.rules.existingConfigMapKey "rules.yaml" (ne .Values.rules.existingConfigMap "") }}
        path: rules.yaml
{{- end }}
{{- if .Values.smtp.tls.existingSecret }}
- name: smtp-tls
  secret:
    secretName: {{ .Values.smtp.tls.existingSecret }}
{{- end }}
{{- with .Values.extraVolumes }}
{{ toYaml . }}
{{- end }}
{{- end }}
{{- end -}}

{{/* HTTP probes on /healthz (liveness) and /readyz (readiness): call with (dict "probe" ... "path" ...). */}}
{{- define "rootmail.httpProbe" -}}
httpGet:
  path: {{ .path }}
  port: http
initialDelaySeconds: {{ .probe.initialDelaySeconds }}
periodSeconds: {{ .probe.periodSeconds }}
timeoutSeconds: {{ .probe.timeoutSeconds }}
failureThreshold: {{ .probe.failureThreshold }}
{{- end -}}

{{/* Soft anti-affinity that spreads a component over nodes, plus co-location with the worker on a ReadWriteOnce data volume. */}}
{{- define "rootmail.affinity" -}}
{{- $root := .root -}}
{{- if .affinity -}}
{{- toYaml .affinity -}}
{{- else -}}
{{- if include "rootmail.colocate" . }}
podAffinity:
  requiredDuringSchedulingIgnoredDuringExecution:
    - labelSelector:
        matchLabels:
          {{- include "rootmail.componentSelectorLabels" (dict "root" $root "component" "worker") | nindent 10 }}
      topologyKey: kubernetes.io/hostname
{{- end }}
{{- if ne .component "scheduler" }}
podAntiAffinity:
  preferredDuringSchedulingIgnoredDuringExecution:
    - weight: 50
      podAffinityTerm:
        labelSelector:
          matchLabels:
            {{- include "rootmail.componentSelectorLabels" (dict "root" $root "component" .component) | nindent 12 }}
        topologyKey: kubernetes.io/hostname
{{- end }}
{{- end -}}
{{- end -}}

{{/*
Render-time checks of values. Each message names the key and the fix.
*/}}
{{- define "rootmail.validateValues" -}}
{{- $messages := list -}}
{{- $v := .Values -}}
{{- $workerAutoscaled := or $v.worker.autoscaling.hpa.enabled $v.worker.autoscaling.keda.enabled -}}
{{- if and (eq $v.store.type "local") (gt (int $v.receiver.replicaCount) 1) -}}
{{- $messages = append $messages (printf "receiver.replicaCount=%d needs store.type=s3: the local store is one volume written by one receiver. Fix: set store.type=s3 and store.s3.bucket, or receiver.replicaCount=1." (int $v.receiver.replicaCount)) -}}
{{- end -}}
{{- if and (eq $v.store.type "s3") (not $v.store.s3.bucket) -}}
{{- $messages = append $messages "store.s3.bucket is empty while store.type=s3. Fix: set store.s3.bucket to the bucket's name (and serviceAccount.annotations.\"eks.amazonaws.com/role-arn\" to a role that may write it)." -}}
{{- end -}}
{{- if and (eq $v.helpdesk.type "local") (gt (int $v.worker.replicaCount) 1) -}}
{{- $messages = append $messages (printf "worker.replicaCount=%d with helpdesk.type=local: the SQLite helpdesk takes one worker pod. Fix: set worker.replicaCount=1, or helpdesk.type=zendesk or rt." (int $v.worker.replicaCount)) -}}
{{- end -}}
{{- if and (eq $v.helpdesk.type "local") $workerAutoscaled -}}
{{- $messages = append $messages "worker.autoscaling is enabled with helpdesk.type=local: the SQLite helpdesk takes one worker pod. Fix: set worker.autoscaling.hpa.enabled=false and worker.autoscaling.keda.enabled=false, or helpdesk.type=zendesk or rt." -}}
{{- end -}}
{{- if and (include "rootmail.needsSharedVolume" .) (not $v.persistence.enabled) -}}
{{- $messages = append $messages (printf "persistence.enabled=false with store.type=%s and helpdesk.type=%s: the local store and the local helpdesk need a volume shared by receiver, worker and scheduler. Fix: set persistence.enabled=true, or store.type=s3 and helpdesk.type=zendesk or rt." $v.store.type $v.helpdesk.type) -}}
{{- end -}}
{{- if and (include "rootmail.needsSharedVolume" .) $v.persistence.enabled (has "ReadWriteOncePod" $v.persistence.accessModes) -}}
{{- $messages = append $messages "persistence.accessModes contains ReadWriteOncePod, but receiver, worker and scheduler share the volume. Fix: use ReadWriteOnce (pods co-located on one node) or ReadWriteMany." -}}
{{- end -}}
{{- if and $v.worker.autoscaling.hpa.enabled $v.worker.autoscaling.keda.enabled -}}
{{- $messages = append $messages "worker.autoscaling.hpa.enabled and worker.autoscaling.keda.enabled are both true: KEDA creates its own HorizontalPodAutoscaler and the two would fight. Fix: enable only one." -}}
{{- end -}}
{{- if and $v.worker.autoscaling.hpa.enabled (gt (int $v.worker.autoscaling.hpa.minReplicas) (int $v.worker.autoscaling.hpa.maxReplicas)) -}}
{{- $messages = append $messages "worker.autoscaling.hpa.minReplicas is greater than worker.autoscaling.hpa.maxReplicas. Fix: lower minReplicas or raise maxReplicas." -}}
{{- end -}}
{{- if and $v.worker.autoscaling.keda.enabled (gt (int $v.worker.autoscaling.keda.minReplicaCount) (int $v.worker.autoscaling.keda.maxReplicaCount)) -}}
{{- $messages = append $messages "worker.autoscaling.keda.minReplicaCount is greater than worker.autoscaling.keda.maxReplicaCount. Fix: lower minReplicaCount or raise maxReplicaCount." -}}
{{- end -}}
{{- if and $v.worker.autoscaling.keda.enabled (not $v.redis.enabled) (not $v.worker.autoscaling.keda.redis.address) -}}
{{- $messages = append $messages "worker.autoscaling.keda.redis.address is empty while KEDA watches an external Redis. Fix: set it to the host:port of redis.external (and worker.autoscaling.keda.redis.passwordSecret if Redis has a password)." -}}
{{- end -}}
{{- if and $v.redis.enabled (or $v.redis.external.url $v.redis.external.existingSecret) -}}
{{- $messages = append $messages "redis.enabled=true and redis.external is set: the chart would run its own Redis and ignore yours. Fix: set redis.enabled=false to use redis.external, or clear redis.external.url and redis.external.existingSecret." -}}
{{- end -}}
{{- if and (not $v.redis.enabled) (not $v.redis.external.url) (not $v.redis.external.existingSecret) -}}
{{- $messages = append $messages "redis.enabled=false and no external Redis: Celery has no broker. Fix: set redis.external.existingSecret (or redis.external.url), or redis.enabled=true for the bundled Redis." -}}
{{- end -}}
{{- if and $v.redis.external.url $v.redis.external.existingSecret -}}
{{- $messages = append $messages "redis.external.url and redis.external.existingSecret are both set. Fix: keep only redis.external.existingSecret." -}}
{{- end -}}
{{- if and $v.redis.external.url (not (regexMatch "^rediss?://" $v.redis.external.url)) -}}
{{- $messages = append $messages "redis.external.url must start with redis:// or rediss://. Fix: write it as redis://[:password@]host:6379/0." -}}
{{- end -}}
{{- if eq $v.helpdesk.type "zendesk" -}}
{{- if or (not $v.helpdesk.zendesk.url) (not $v.helpdesk.zendesk.email) -}}
{{- $messages = append $messages "helpdesk.zendesk.url and helpdesk.zendesk.email are required with helpdesk.type=zendesk. Fix: set both, e.g. https://reseller.zendesk.com and the agent's e-mail." -}}
{{- end -}}
{{- if and (not $v.helpdesk.existingSecret) (not $v.helpdesk.zendesk.token) -}}
{{- $messages = append $messages "helpdesk.type=zendesk has no API token. Fix: set helpdesk.existingSecret to a Secret with the key helpdesk.existingSecretKeys.zendeskToken, or helpdesk.zendesk.token." -}}
{{- end -}}
{{- end -}}
{{- if eq $v.helpdesk.type "rt" -}}
{{- if not $v.helpdesk.rt.url -}}
{{- $messages = append $messages "helpdesk.rt.url is required with helpdesk.type=rt. Fix: set it to the Request Tracker base URL, e.g. https://rt.example.net." -}}
{{- end -}}
{{- if and (not $v.helpdesk.existingSecret) (not $v.helpdesk.rt.token) (not (and $v.helpdesk.rt.user $v.helpdesk.rt.password)) -}}
{{- $messages = append $messages "helpdesk.type=rt has no credentials. Fix: set helpdesk.existingSecret (keys helpdesk.existingSecretKeys.rtToken or rtPassword), helpdesk.rt.token, or helpdesk.rt.user and helpdesk.rt.password." -}}
{{- end -}}
{{- end -}}
{{- if and $v.smtp.tls.require (not $v.smtp.tls.existingSecret) -}}
{{- $messages = append $messages "smtp.tls.require=true without a certificate. Fix: set smtp.tls.existingSecret to a kubernetes.io/tls Secret, or smtp.tls.require=false." -}}
{{- end -}}
{{- if and $v.smtp.proxyProtocol (not $v.smtp.proxyTrustedNetworks) -}}
{{- $messages = append $messages "smtp.proxyProtocol=true needs smtp.proxyTrustedNetworks: without it no peer's PROXY header is believed and the receiver refuses to start. Fix: list the load balancers' CIDRs, e.g. the VPC's [\"10.0.0.0/16\"]." -}}
{{- end -}}
{{- if and (eq $v.receiver.service.type "LoadBalancer") (eq $v.receiver.service.externalTrafficPolicy "Cluster") (not $v.smtp.proxyProtocol) -}}
{{- $messages = append $messages "receiver.service.externalTrafficPolicy=Cluster without smtp.proxyProtocol: every connection would seem to come from a node, so SPF checks and the logs lose the sender's address. Fix: set externalTrafficPolicy=Local, or smtp.proxyProtocol=true with a load balancer that sends PROXY headers." -}}
{{- end -}}
{{- if and $v.metrics.serviceMonitor.enabled (not $v.http.port) -}}
{{- $messages = append $messages "metrics.serviceMonitor.enabled=true needs http.port. Fix: set http.port (default 9025)." -}}
{{- end -}}
{{- if $messages -}}
{{- printf "\n\nVALUES VALIDATION (rootmail):\n  - %s\n" (join "\n  - " $messages) | fail -}}
{{- end -}}
{{- end -}}
