package org.silkroad.testing;

/** JMX view of the embedded broker, so tests loaded by another class loader can stop and start it. */
public interface KafkaBrokerControlMBean {

    void stop();

    void start();
}
