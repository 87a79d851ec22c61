package org.silkroad.testing;

import org.junit.jupiter.api.Assumptions;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

/** Takes the embedded Kafka broker of this test JVM away and brings it back, keeping its data. */
public final class KafkaOutage {

    private KafkaOutage() {
    }

    public static void begin() {
        invoke("stop");
    }

    public static void end() {
        invoke("start");
    }

    private static void invoke(String operation) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(KafkaBrokerControl.NAME);
            Assumptions.assumeTrue(server.isRegistered(name), "Kafka is external; an outage cannot be simulated");
            server.invoke(name, operation, null, null);
        } catch (org.opentest4j.TestAbortedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not " + operation + " the embedded Kafka broker", e);
        }
    }
}
