package org.silkroad.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Picks TCP ports on the loopback interface, preferring a well-known default when it is free. */
public final class Ports {

    private Ports() {
    }

    /** The preferred port when nobody listens on it, otherwise any free port. */
    public static int preferredOrFree(int preferred) {
        if (preferred > 0 && isFree(preferred)) {
            return preferred;
        }
        return free();
    }

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free TCP port on loopback", e);
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
