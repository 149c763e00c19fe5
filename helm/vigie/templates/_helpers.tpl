{{/*
Helpers shared by every template of the chart. A "component" below is the dict
{ "root": $, "name": <service name>, "svc": <merged values of that service> }.
*/}}

{{/* Name of an object of the release: <release>-<suffix>. */}}
{{- define "vigie.fullname" -}}
{{- printf "%s-%s" .root.Release.Name .suffix | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels carried by every object of the release. */}}
{{- define "vigie.commonLabels" -}}
app.kubernetes.io/part-of: vigie
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
vigie.io/region: {{ .Values.region.id }}
{{- end -}}

{{/* Selector labels of one component (stable across upgrades: no version). */}}
{{- define "vigie.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* All labels of one component's objects. */}}
{{- define "vigie.labels" -}}
{{ include "vigie.commonLabels" .root }}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/component: {{ .svc.kind }}
{{- end -}}

{{/* The container image of one component. */}}
{{- define "vigie.image" -}}
{{- $img := .root.Values.image -}}
{{- $tag := default .root.Chart.AppVersion $img.tag -}}
{{- if eq $img.flavor "native" }}{{ $tag = printf "%s-native" $tag }}{{ end -}}
{{- printf "%s/%s/%s:%s" $img.registry $img.repository .name $tag -}}
{{- end -}}

{{/* Name of the region ConfigMap (matches the quarkus-kubernetes manifests when the release is named vigie). */}}
{{- define "vigie.regionConfigMap" -}}
{{- include "vigie.fullname" (dict "root" . "suffix" "region") -}}
{{- end -}}

{{/* A component's values: the `default` block overlaid by the service's own entry. */}}
{{- define "vigie.component" -}}
{{- $d := deepCopy .root.Values.default -}}
{{- toYaml (mustMergeOverwrite $d (deepCopy .svc)) -}}
{{- end -}}
