package org.silkroad.gateway.readmodel;

/** A record that no retry can make readable: it belongs on the dead-letter topic, not in the read model. */
public class UnreadableEvent extends RuntimeException {

    public UnreadableEvent(String reason) {
        super(reason);
    }
}
