#!/bin/sh
# The same topics as topics.yaml for a Kafka cluster without Strimzi: run it with Kafka's own kafka-topics.sh on the
# PATH (or KAFKA_TOPICS=/opt/kafka/bin/kafka-topics.sh) and the cluster's address:
#   BOOTSTRAP=kafka-0.example.org:9092 ./deploy/kafka/kafka-topics.sh
# Add --command-config <file> to KAFKA_TOPICS for a cluster that needs authentication. Existing topics are left as
# they are (--if-not-exists); REPLICAS defaults to 3 (1 for a single broker).
set -eu
: "${BOOTSTRAP:?set BOOTSTRAP to the Kafka bootstrap address}"
KAFKA_TOPICS="${KAFKA_TOPICS:-kafka-topics.sh}"
REPLICAS="${REPLICAS:-3}"
create() {
  $KAFKA_TOPICS --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --replication-factor "$REPLICAS" "$@"
}

create --topic trade.observations.v1 --partitions 3 --config cleanup.policy=compact --config min.insync.replicas=2
create --topic trade.observations.v1.dlq --partitions 1 --config cleanup.policy=delete --config min.insync.replicas=2
create --topic trade.releases.v1 --partitions 3 --config cleanup.policy=delete --config min.insync.replicas=2
create --topic trade.releases.v1.dlq --partitions 1 --config cleanup.policy=delete --config min.insync.replicas=2
create --topic corridor.assets.v1 --partitions 3 --config cleanup.policy=compact --config min.insync.replicas=2
create --topic corridor.assets.v1.dlq --partitions 1 --config cleanup.policy=delete --config min.insync.replicas=2
create --topic corridor.measurements.v1 --partitions 3 --config cleanup.policy=delete --config min.insync.replicas=2
create --topic corridor.measurements.v1.dlq --partitions 1 --config cleanup.policy=delete --config min.insync.replicas=2
create --topic corridor.status.v1 --partitions 3 --config cleanup.policy=delete --config min.insync.replicas=2
create --topic corridor.status.v1.dlq --partitions 1 --config cleanup.policy=delete --config min.insync.replicas=2
create --topic policy.milestones.v1 --partitions 3 --config cleanup.policy=compact --config min.insync.replicas=2
create --topic policy.milestones.v1.dlq --partitions 1 --config cleanup.policy=delete --config min.insync.replicas=2
