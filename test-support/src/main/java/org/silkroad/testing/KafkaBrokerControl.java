package org.silkroad.testing;

import org.silkroad.infra.KafkaKraftBroker;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

/**
 * Registers the embedded broker's stop and start on the platform MBean server: Quarkus loads test classes and test
 * resources through different class loaders, and the MBean server is the one registry of the JVM both reach
 * (system properties would do, but libraries such as Narayana expect them to hold only strings).
 */
final class KafkaBrokerControl implements KafkaBrokerControlMBean {

    static final String NAME = "org.silkroad.testing:type=KafkaBroker";

    private final KafkaKraftBroker broker;

    private KafkaBrokerControl(KafkaKraftBroker broker) {
        this.broker = broker;
    }

    static void register(KafkaKraftBroker broker) {
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(new KafkaBrokerControl(broker), new ObjectName(NAME));
        } catch (Exception e) {
            throw new IllegalStateException("could not register the Kafka broker control", e);
        }
    }

    @Override
    public void stop() {
        broker.stop();
    }

    @Override
    public void start() {
        broker.restart();
    }
}
