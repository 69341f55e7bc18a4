{{/*
Names and labels of one Yingzao service. Every object of the chart takes its name from
"yingzao-service.fullname" and its labels from "yingzao-service.labels", so the Service selector,
the NetworkPolicy, the HPA and the PodDisruptionBudget always match the Deployment's pods.
*/}}

{{/* Service name: the alias in the umbrella (registry, finance, ...) or nameOverride. */}}
{{- define "yingzao-service.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* <release>-<service>: predictable, so Secret and Service names can be written down in advance. */}}
{{- define "yingzao-service.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name (include "yingzao-service.name" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "yingzao-service.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels that select the pods: stable across upgrades. */}}
{{- define "yingzao-service.selectorLabels" -}}
app.kubernetes.io/name: {{ include "yingzao-service.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Recommended labels (app.kubernetes.io/*) on every object. */}}
{{- define "yingzao-service.labels" -}}
helm.sh/chart: {{ include "yingzao-service.chart" . }}
{{ include "yingzao-service.selectorLabels" . }}
app.kubernetes.io/version: {{ include "yingzao-service.tag" . | trunc 63 | quote }}
app.kubernetes.io/component: service
app.kubernetes.io/part-of: yingzao
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Values.labels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "yingzao-service.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "yingzao-service.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Small accessor for .Values.global.<section>.<key>, empty when absent. */}}
{{- define "yingzao-service.global" -}}
{{- $g := .root.Values.global | default dict -}}
{{- $section := get $g .section | default dict -}}
{{- get $section .key | default "" -}}
{{- end -}}

{{- define "yingzao-service.tag" -}}
{{- .Values.image.tag | default (include "yingzao-service.global" (dict "root" . "section" "image" "key" "tag")) | default .Chart.AppVersion -}}
{{- end -}}

{{/* registry/repository:tag or registry/repository@digest; the repository defaults to yingzao/<service>, the name `-Pimages` gives it (group yingzao, application name) */}}
{{- define "yingzao-service.image" -}}
{{- $registry := .Values.image.registry | default (include "yingzao-service.global" (dict "root" . "section" "image" "key" "registry")) -}}
{{- $repository := .Values.image.repository | default (printf "yingzao/%s" (include "yingzao-service.name" .)) -}}
{{- $ref := ternary (printf "%s/%s" $registry $repository) $repository (ne $registry "") -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" $ref .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" $ref (include "yingzao-service.tag" .) -}}
{{- end -}}
{{- end -}}

{{- define "yingzao-service.jdbcUrl" -}}
{{- if .Values.database.jdbcUrl -}}
{{- .Values.database.jdbcUrl -}}
{{- else -}}
{{- $host := .Values.database.host | default (include "yingzao-service.global" (dict "root" . "section" "database" "key" "host")) | default (printf "%s-db-rw" .Release.Name) -}}
{{- $port := .Values.database.port | default (include "yingzao-service.global" (dict "root" . "section" "database" "key" "port")) | default 5432 -}}
{{- printf "jdbc:postgresql://%s:%v/%s" $host $port (.Values.database.name | default (include "yingzao-service.name" .)) -}}
{{- end -}}
{{- end -}}

{{- define "yingzao-service.databaseSecret" -}}
{{- .Values.database.existingSecret | default (printf "%s-%s-db" .Release.Name (include "yingzao-service.name" .)) -}}
{{- end -}}

{{- define "yingzao-service.oidcSecret" -}}
{{- .Values.oidc.existingSecret | default (printf "%s-%s-oidc" .Release.Name (include "yingzao-service.name" .)) -}}
{{- end -}}

{{- define "yingzao-service.kafkaBootstrap" -}}
{{- .Values.kafka.bootstrapServers | default (include "yingzao-service.global" (dict "root" . "section" "kafka" "key" "bootstrapServers")) | default (printf "%s-kafka-kafka-bootstrap:9092" .Release.Name) -}}
{{- end -}}

{{- define "yingzao-service.oidcUrl" -}}
{{- .Values.oidc.authServerUrl | default (include "yingzao-service.global" (dict "root" . "section" "oidc" "key" "authServerUrl")) | default (printf "http://%s-keycloak-service:8080/realms/yingzao" .Release.Name) -}}
{{- end -}}

{{/*
The services this one calls (.Values.calls), as a JSON list of {name, host, port, containerPort, env}:
an entry is an alias or {name, port, containerPort}; the called service is <release>-<alias>
with the chart's default ports unless the entry says otherwise. Read with fromJsonArray.
*/}}
{{- define "yingzao-service.calls" -}}
{{- $calls := list -}}
{{- range .Values.calls -}}
{{- $call := kindIs "string" . | ternary (dict "name" .) . -}}
{{- $calls = append $calls (dict
    "name" $call.name
    "host" (printf "%s-%s" $.Release.Name $call.name | trunc 63 | trimSuffix "-")
    "port" ($call.port | default 80)
    "containerPort" ($call.containerPort | default 8080)
    "env" (printf "YINGZAO_%s_URL" ($call.name | upper | replace "-" "_"))) -}}
{{- end -}}
{{- toJson $calls -}}
{{- end -}}

{{/* Pod labels declaring whom the pods call: the called service's NetworkPolicy admits them. */}}
{{- define "yingzao-service.callerLabels" -}}
{{- range (include "yingzao-service.calls" . | fromJsonArray) }}
yingzao.city/calls-{{ .name }}: "true"
{{- end -}}
{{- end -}}
