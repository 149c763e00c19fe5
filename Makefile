# Vigie — the two commands of the README are `make run` and `make test`; everything else is a building block.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

MVNW     := ./mvnw -B -ntp
INFRA    := infra/vigie-infra
SERVICES := infra/vigie-services
SAMPLE   := infra/sample/mentions.jsonl
FILE     ?= $(SAMPLE)
SPEED    ?= max

.PHONY: help build run stop test bench chaos sbom replay sample status infra clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12

build: ## compile and package the five services (JVM mode), no tests
	$(MVNW) -q -DskipTests install

run: build ## build, start the infrastructure and the five services, replay the bundled sample, print the URLs
	$(INFRA) start
	$(SERVICES) start
	$(SERVICES) replay $(FILE)
	@$(SERVICES) urls

stop: ## stop the services and the infrastructure started by `make run` or `make test`
	$(SERVICES) stop
	$(INFRA) stop

status: ## what runs, where
	@$(INFRA) status
	@$(SERVICES) status

replay: ## feed a replay file to a running Vigie: make replay FILE=<jsonl> [SPEED=<factor|max>] (60 = an hour per minute)
	$(SERVICES) replay $(FILE) $(SPEED)

sample: ## regenerate the bundled sample traffic (deterministic)
	$(MVNW) -q -pl services/traffic-generator -DskipTests package
	java -jar services/traffic-generator/target/traffic-generator-0.1.0-SNAPSHOT.jar --seed 42 --start 2026-11-22T00:00:00Z \
	  --hours 24 --per-hour 100 --crisis-at 2026-11-22T14:00:00Z --crisis-size 300 --out $(SAMPLE)

test: ## set up what a fresh machine needs, start the real infrastructure once, run every test, stop what it started
	$(INFRA) install-browser
	infra/with-infra $(MVNW) verify

bench: ## every performance figure on the real infrastructure -> docs/performance.md (+ ARGS='--mentions N ...', see services/bench)
	$(MVNW) -q -DskipTests install
	infra/with-infra services/bench/bin/bench $(ARGS)

chaos: ## on an instance of its own (.run/chaos, ports 3xxxx): replay mentions while killing and restarting every service, Kafka and PostgreSQL; check nothing is lost or doubled (about 10 min)
	$(MVNW) -q -DskipTests package
	infra/vigie-chaos

sbom: ## CycloneDX bill of materials of every module (target/bom.json), for a vulnerability scanner that can reach its advisories
	$(MVNW) -q org.cyclonedx:cyclonedx-maven-plugin:makeAggregateBom -DoutputFormat=json -DincludeTestScope=false
	@echo "target/bom.json: $$(grep -o '"bom-ref"' target/bom.json | wc -l) components"

clean: ## remove build output (keeps .run, the local infrastructure's data)
	$(MVNW) -q clean

# --- Scoring: batch scoring, evaluations and training through the service's own classes (services/scoring/bin/scoring-cli)
SCORING_CLI := services/scoring/bin/scoring-cli
SHARED_DATA ?= ../shared/data
.PHONY: score-file eval-sentiment eval-language eval-scoring train-sentiment train-language-pairs eval-spikes eval-spikes-replay train-language-tweets

score-file: ## score a TSV with a text column: make score-file IN=<tsv> OUT=<tsv>
	$(SCORING_CLI) score-file --in $(IN) --out $(OUT)

eval-sentiment: ## sentiment accuracy/macro-F1 per language vs a lexicon baseline: make eval-sentiment [DATA=<tsv lang,label,text>]
	$(SCORING_CLI) eval-sentiment --data $(or $(DATA),$(SHARED_DATA)/sentiment/xlmt-val.tsv)

eval-language: ## language-ID accuracy/F1 per language, ours vs Lingua vs Optimaize: make eval-language [DATA=<tsv lang,text>] [IDS=ngram,lingua-high,...]
	$(SCORING_CLI) eval-language --data $(or $(DATA),$(SHARED_DATA)/language-id/lingua-sentences.tsv) $(if $(IDS),--identifiers $(IDS))

eval-scoring: ## every figure of docs/models/evaluation.md, on ../shared/data
	$(SCORING_CLI) eval-sentiment --data $(SHARED_DATA)/sentiment/xlmt-val.tsv
	SCORING_CLI_NO_BUILD=1 $(SCORING_CLI) eval-language --data $(SHARED_DATA)/language-id/lingua-sentences.tsv
	SCORING_CLI_NO_BUILD=1 $(SCORING_CLI) eval-language --data $(SHARED_DATA)/language-id/lingua-word-pairs.tsv
	SCORING_CLI_NO_BUILD=1 $(SCORING_CLI) eval-language --data $(SHARED_DATA)/sentiment/xlmt-val.tsv

train-sentiment: ## retrain the committed sentiment model from ../shared/data/sentiment (deterministic)
	$(SCORING_CLI) train-sentiment --train $(SHARED_DATA)/sentiment/xlmt-train.tsv \
	  --val $(SHARED_DATA)/sentiment/xlmt-val.tsv --out services/scoring/src/main/resources/models/sentiment.bin

train-language-tweets: ## retrain the committed tweet model (en/fr/de/es/pt/it, short texts) from ../shared/data/sentiment/xlmt-train.tsv (deterministic)
	$(SCORING_CLI) train-language-tweets --train $(SHARED_DATA)/sentiment/xlmt-train.tsv \
	  --out services/scoring/src/main/resources/models/language-tweets.bin

train-language-pairs: ## retrain the committed es/pt/fr/it language pair model from ../shared/data/sentiment/xlmt-train.tsv (deterministic)
	$(SCORING_CLI) train-language-pairs --train $(SHARED_DATA)/sentiment/xlmt-train.tsv \
	  --out services/scoring/src/main/resources/models/language-pairs.bin

# --- Crisis radar: a generated week with injected bursts through the real ingestion and scoring (docs/radar.md)
eval-spikes: ## crisis radar: detection delay per injected burst and false alarms per day, on the real pipeline [ARGS="--days 7 --per-hour 1700"]
	services/spike-eval/bin/eval-spikes $(ARGS)

EVAL_SPIKES_OUT := services/spike-eval/target/eval-spikes
eval-spikes-replay: ## the radar alone, offline, on what the last `make eval-spikes` recorded: a detector change measured in a minute [DELIVERY=as-recorded|ordered] [RADAR_ARGS="--sequential-ratio 0"]
	$(SCORING_CLI) radar-replay --in $(EVAL_SPIKES_OUT)/radar-input.jsonl --out $(EVAL_SPIKES_OUT)/alerts-replayed.jsonl --delivery $(or $(DELIVERY),as-recorded) $(RADAR_ARGS)
	services/spike-eval/bin/eval-spikes --alerts $(CURDIR)/$(EVAL_SPIKES_OUT)/alerts-replayed.jsonl $(ARGS)
