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

{{/* Enabled services as a JSON list of {name, fullname, port, database, secret}; read with fromJsonArray. */}}
{{- define "yingzao.services" -}}
{{- $services := list -}}
{{- range .Chart.Dependencies -}}
{{- if hasSuffix "yingzao-service" .Repository -}}
{{- $name := .Alias | default .Name -}}
{{- $v := index $.Values $name | default dict -}}
{{- if $v.enabled -}}
{{- $db := $v.database | default dict -}}
{{- $svc := $v.service | default dict -}}
{{- $services = append $services (dict
    "name" $name
    "fullname" ($v.fullnameOverride | default (printf "%s-%s" $.Release.Name $name) | trunc 63 | trimSuffix "-")
    "port" ($svc.port | default 80)
    "database" ($db.name | default $name)
    "secret" ($db.existingSecret | default (printf "%s-%s-db" $.Release.Name $name))) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- toJson $services -}}
{{- end -}}

{{- define "yingzao.kafkaName" -}}{{ .Release.Name }}-kafka{{- end -}}
{{- define "yingzao.postgresName" -}}{{ .Release.Name }}-db{{- end -}}
{{- define "yingzao.keycloakName" -}}{{ .Release.Name }}-keycloak{{- end -}}
{{- define "yingzao.keycloakDbSecret" -}}{{ .Values.keycloak.database.existingSecret | default (printf "%s-keycloak-db" .Release.Name) }}{{- end -}}

{{/* Host part of keycloak.hostname (scheme and path removed). */}}
{{- define "yingzao.keycloakHost" -}}
{{- (urlParse .Values.keycloak.hostname).host | default .Values.keycloak.hostname -}}
{{- end -}}
