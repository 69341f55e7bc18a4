{{/*
Shared names of the umbrella. The services come from Chart.yaml: every dependency on
yingzao-service is a service named after its alias, so the Ingress, the databases and the
NOTES list each enabled service without a second list to keep in step. (Helm renames an
aliased dependency to its alias, so services are recognised by their repository.)
*/}}

{{- define "yingzao.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: yingzao
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/*
Enabled services as a JSON list of {name, fullname, port, containerPort, hasDatabase, hasKafka,
calls, database, secret}; read with fromJsonArray. hasDatabase/hasKafka follow the service's
database.enabled / kafka.enabled (default true, as in yingzao-service).
*/}}
{{- define "yingzao.services" -}}
{{- $services := list -}}
{{- range .Chart.Dependencies -}}
{{- if hasSuffix "yingzao-service" .Repository -}}
{{- $name := .Alias | default .Name -}}
{{- $v := index $.Values $name | default dict -}}
{{- if $v.enabled -}}
{{- $db := $v.database | default dict -}}
{{- $kafka := $v.kafka | default dict -}}
{{- $svc := $v.service | default dict -}}
{{- $services = append $services (dict
    "name" $name
    "fullname" ($v.fullnameOverride | default (printf "%s-%s" $.Release.Name $name) | trunc 63 | trimSuffix "-")
    "port" ($svc.port | default 80)
    "containerPort" ($v.containerPort | default 8080)
    "hasDatabase" (ne (toString $db.enabled) "false")
    "hasKafka" (ne (toString $kafka.enabled) "false")
    "calls" ($v.calls | default list)
    "database" ($db.name | default $name)
    "secret" ($db.existingSecret | default (printf "%s-%s-db" $.Release.Name $name))) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- toJson $services -}}
{{- end -}}

{{/* The enabled services that have a database (database.enabled): the CloudNativePG roles and Databases. */}}
{{- define "yingzao.databases" -}}
{{- $databases := list -}}
{{- range (include "yingzao.services" . | fromJsonArray) -}}
{{- if .hasDatabase -}}{{- $databases = append $databases . -}}{{- end -}}
{{- end -}}
{{- toJson $databases -}}
{{- end -}}

{{/* Host of the front door (ingress.frontDoor.host, default the domain itself); empty when no service is the front door. */}}
{{- define "yingzao.frontDoorHost" -}}
{{- if .Values.ingress.frontDoor.service -}}
{{- .Values.ingress.frontDoor.host | default .Values.ingress.domain -}}
{{- end -}}
{{- end -}}

{{/* Public host of a service (dict "root" $ "name" <alias>): the front door's host, or <alias>.<domain>. */}}
{{- define "yingzao.serviceHost" -}}
{{- if eq .name .root.Values.ingress.frontDoor.service -}}
{{- include "yingzao.frontDoorHost" .root -}}
{{- else -}}
{{- printf "%s.%s" .name .root.Values.ingress.domain -}}
{{- end -}}
{{- end -}}

{{- define "yingzao.kafkaName" -}}{{ .Release.Name }}-kafka{{- end -}}
{{- define "yingzao.postgresName" -}}{{ .Release.Name }}-db{{- end -}}
{{- define "yingzao.keycloakName" -}}{{ .Release.Name }}-keycloak{{- end -}}
{{- define "yingzao.keycloakDbSecret" -}}{{ .Values.keycloak.database.existingSecret | default (printf "%s-keycloak-db" .Release.Name) }}{{- end -}}

{{/* Host part of keycloak.hostname (scheme and path removed). */}}
{{- define "yingzao.keycloakHost" -}}
{{- (urlParse .Values.keycloak.hostname).host | default .Values.keycloak.hostname -}}
{{- end -}}
