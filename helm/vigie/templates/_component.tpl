{{/*
The one generic service template. `vigie.component.objects` renders every object of one service from
the dict { "root": $, "name": <service>, "svc": <default block overlaid by services.<service>> }:
ServiceAccount, Service, Deployment, then HorizontalPodAutoscaler (kind api) or KEDA ScaledObject
(kind stream), PodDisruptionBudget, NetworkPolicy, ServiceMonitor and Ingress when enabled.
*/}}
{{- define "vigie.component.objects" -}}
{{- $root := .root -}}
{{- $name := .name -}}
{{- $svc := .svc -}}
{{- $fullname := include "vigie.fullname" (dict "root" $root "suffix" $name) -}}
{{- $autoscaled := and $svc.autoscaling $svc.autoscaling.enabled -}}
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ $fullname }}
  labels:
    {{- include "vigie.labels" . | nindent 4 }}
automountServiceAccountToken: false
---
apiVersion: v1
kind: Service
metadata:
  name: {{ $fullname }}
  labels:
    {{- include "vigie.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "vigie.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ $svc.port }}
      targetPort: http
      protocol: TCP
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $fullname }}
  labels:
    {{- include "vigie.labels" . | nindent 4 }}
spec:
  {{- if not $autoscaled }}
  replicas: {{ $svc.replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "vigie.selectorLabels" . | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  template:
    metadata:
      labels:
        {{- include "vigie.labels" . | nindent 8 }}
      annotations:
        checksum/region: {{ include (print $root.Template.BasePath "/configmap-region.yaml") $root | sha256sum }}
        {{- if eq $name "centres" }}
        checksum/centres-seed: {{ include (print $root.Template.BasePath "/configmap-centres-seed.yaml") $root | sha256sum }}
        {{- end }}
    spec:
      serviceAccountName: {{ $fullname }}
      automountServiceAccountToken: false
      terminationGracePeriodSeconds: {{ $svc.terminationGracePeriodSeconds }}
      {{- with $root.Values.image.pullSecrets }}
      imagePullSecrets:
        {{- range . }}
        - name: {{ . }}
        {{- end }}
      {{- end }}
      securityContext:
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
      {{- with $svc.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $svc.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- if $svc.topologySpread }}
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "vigie.selectorLabels" . | nindent 14 }}
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "vigie.selectorLabels" . | nindent 14 }}
      {{- end }}
      containers:
        - name: {{ $name }}
          image: {{ include "vigie.image" . }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ $svc.port }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "vigie.regionConfigMap" $root }}
          env:
            - name: VIGIE_DB_NAME
              value: {{ printf "%s%s" $root.Values.database.databasePrefix $name | quote }}
            - name: VIGIE_DB_USER
              valueFrom:
                secretKeyRef:
                  name: {{ $root.Values.database.existingSecret }}
                  key: {{ $root.Values.database.usernameKey }}
            - name: VIGIE_DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: {{ $root.Values.database.existingSecret }}
                  key: {{ $root.Values.database.passwordKey }}
            {{- if $root.Values.kafka.auth.enabled }}
            - name: KAFKA_SECURITY_PROTOCOL
              value: SASL_SSL
            - name: KAFKA_SASL_MECHANISM
              value: SCRAM-SHA-512
            - name: KAFKA_SASL_JAAS_CONFIG
              valueFrom:
                secretKeyRef:
                  name: {{ $root.Values.kafka.auth.existingSecret }}
                  key: sasl.jaas.config
            - name: KAFKA_SSL_TRUSTSTORE_TYPE
              value: PEM
            - name: KAFKA_SSL_TRUSTSTORE_LOCATION
              value: /etc/vigie/kafka-ca/ca.crt
            {{- end }}
            - name: JAVA_OPTS_APPEND
              value: {{ printf "-Djava.util.logging.manager=org.jboss.logmanager.LogManager %s" $svc.javaOpts | quote }}
            {{- if eq $name "centres" }}
            - name: VIGIE_CENTRES_SEED_FILE
              value: /etc/vigie/centres/centres.json
            {{- end }}
            {{- range $svc.env }}
            - name: {{ .name }}
              value: {{ .value | quote }}
            {{- end }}
          resources:
            {{- toYaml $svc.resources | nindent 12 }}
          startupProbe:
            httpGet:
              path: /q/health/started
              port: http
            periodSeconds: 5
            failureThreshold: 60
          livenessProbe:
            httpGet:
              path: /q/health/live
              port: http
            periodSeconds: 10
            timeoutSeconds: 5
            failureThreshold: 3
          readinessProbe:
            httpGet:
              path: /q/health/ready
              port: http
            periodSeconds: 5
            timeoutSeconds: 5
            failureThreshold: 3
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            {{- if eq $name "centres" }}
            - name: centres-seed
              mountPath: /etc/vigie/centres
              readOnly: true
            {{- end }}
            {{- if $root.Values.kafka.auth.enabled }}
            - name: kafka-ca
              mountPath: /etc/vigie/kafka-ca
              readOnly: true
            {{- end }}
      volumes:
        - name: tmp
          emptyDir: {}
        {{- if eq $name "centres" }}
        - name: centres-seed
          configMap:
            name: {{ include "vigie.fullname" (dict "root" $root "suffix" "centres-seed") }}
            defaultMode: 0444
        {{- end }}
        {{- if $root.Values.kafka.auth.enabled }}
        - name: kafka-ca
          secret:
            secretName: {{ $root.Values.kafka.auth.caSecret }}
            items:
              - key: ca.crt
                path: ca.crt
            defaultMode: 0444
        {{- end }}
{{- if $autoscaled }}
{{- if eq $svc.kind "api" }}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ $fullname }}
  labels:
    {{- include "vigie.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ $fullname }}
  minReplicas: {{ $svc.autoscaling.minReplicas }}
  maxReplicas: {{ $svc.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $svc.autoscaling.targetCPUUtilizationPercentage }}
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 300
{{- else }}
---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: {{ $fullname }}
  labels:
    {{- include "vigie.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    name: {{ $fullname }}
  minReplicaCount: {{ $svc.autoscaling.minReplicas }}
  maxReplicaCount: {{ $svc.autoscaling.maxReplicas }}
  pollingInterval: {{ $root.Values.keda.pollingInterval }}
  cooldownPeriod: {{ $root.Values.keda.cooldownPeriod }}
  triggers:
    - type: kafka
      metadata:
        bootstrapServers: {{ $root.Values.kafka.bootstrap | quote }}
        consumerGroup: {{ printf "%s%s" $root.Values.kafka.topicPrefix $svc.autoscaling.consumerGroup | quote }}
        topic: {{ printf "%s%s" $root.Values.kafka.topicPrefix $svc.autoscaling.topic | quote }}
        lagThreshold: {{ $svc.autoscaling.lagThreshold | quote }}
        activationLagThreshold: {{ $svc.autoscaling.activationLagThreshold | quote }}
        offsetResetPolicy: "earliest"
        allowIdleConsumers: "false"
      {{- with $root.Values.keda.authenticationRef }}
      authenticationRef:
        name: {{ . }}
      {{- end }}
{{- end }}
{{- end }}
{{- if $svc.podDisruptionBudget.enabled }}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ $fullname }}
  labels:
    {{- include "vigie.labels" . | nindent 4 }}
spec:
  maxUnavailable: {{ $svc.podDisruptionBudget.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "vigie.selectorLabels" . | nindent 6 }}
{{- end }}
{{- $np := $root.Values.networkPolicy -}}
{{- if $np.enabled }}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ $fullname }}
  labels:
    {{- include "vigie.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "vigie.selectorLabels" . | nindent 6 }}
  policyTypes: [Ingress, Egress]
  ingress:
    # Prometheus scrapes /q/metrics.
    - from:
        {{- toYaml $np.metricsFrom | nindent 8 }}
      ports:
        - port: http
          protocol: TCP
    {{- if or (eq $svc.kind "api") (and $svc.ingress $svc.ingress.enabled) }}
    # Agents, supervisors and webhooks come through the ingress controller.
    - from:
        {{- toYaml $np.ingressFrom | nindent 8 }}
      ports:
        - port: http
          protocol: TCP
    {{- end }}
  egress:
    # Cluster DNS.
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: kube-system
          podSelector:
            matchLabels:
              k8s-app: kube-dns
      ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
    # The shared Kafka cluster.
    - to:
        {{- toYaml $np.kafka.to | nindent 8 }}
      ports:
        {{- range $np.kafka.ports }}
        - port: {{ . }}
          protocol: TCP
        {{- end }}
    # The region's PostgreSQL.
    - to:
        {{- toYaml $np.database.to | nindent 8 }}
      ports:
        {{- range $np.database.ports }}
        - port: {{ . }}
          protocol: TCP
        {{- end }}
    # The region's OIDC issuer (discovery and signing keys).
    - to:
        {{- toYaml $np.oidc.to | nindent 8 }}
      ports:
        {{- range $np.oidc.ports }}
        - port: {{ . }}
          protocol: TCP
        {{- end }}
    {{- if $svc.networkEgress }}
    # Public HTTPS: the social networks' APIs (ingestion), outgoing webhooks (scoring).
    - to:
        - ipBlock:
            cidr: 0.0.0.0/0
            except:
              {{- toYaml $np.internet.except | nindent 14 }}
      ports:
        {{- range $np.internet.ports }}
        - port: {{ . }}
          protocol: TCP
        {{- end }}
    {{- end }}
{{- end }}
{{- if $root.Values.monitoring.serviceMonitor.enabled }}
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ $fullname }}
  labels:
    {{- include "vigie.labels" . | nindent 4 }}
    {{- with $root.Values.monitoring.serviceMonitor.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "vigie.selectorLabels" . | nindent 6 }}
  endpoints:
    - port: http
      path: /q/metrics
      interval: {{ $root.Values.monitoring.serviceMonitor.interval }}
      relabelings:
        - targetLabel: region
          replacement: {{ $root.Values.region.id }}
{{- end }}
{{- if and $svc.ingress $svc.ingress.enabled }}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ $fullname }}
  labels:
    {{- include "vigie.labels" . | nindent 4 }}
  {{- with $root.Values.ingress.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  ingressClassName: {{ $root.Values.ingress.className }}
  {{- with $root.Values.ingress.tlsSecret }}
  tls:
    - hosts: [{{ $svc.ingress.host | quote }}]
      secretName: {{ . }}
  {{- end }}
  rules:
    - host: {{ $svc.ingress.host | quote }}
      http:
        paths:
          {{- range $svc.ingress.paths }}
          - path: {{ . }}
            pathType: Prefix
            backend:
              service:
                name: {{ $fullname }}
                port:
                  name: http
          {{- end }}
{{- end }}
{{- end -}}
