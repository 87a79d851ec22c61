package org.silkroad.local;

/** The four services as the local system runs them: where their packaged app is and what they need. */
enum ServiceSpec {
    TRADE("trade-service", 8081, "trade"),
    CORRIDOR("corridor-service", 8082, "corridor"),
    POLICY("policy-service", 8083, "policy"),
    GATEWAY("gateway", 8080, "gateway");

    private final String module;
    private final int preferredPort;
    private final String database;

    ServiceSpec(String module, int preferredPort, String database) {
        this.module = module;
        this.preferredPort = preferredPort;
        this.database = database;
    }

    String module() {
        return module;
    }

    int preferredPort() {
        return preferredPort;
    }

    String database() {
        return database;
    }

    /** Environment variable that overrides the port, e.g. {@code OBSERVATORY_TRADE_SERVICE_PORT}. */
    String portVariable() {
        return "OBSERVATORY_" + module.toUpperCase().replace('-', '_') + "_PORT";
    }
}
