package org.silkroad.local;

/** The four services as the local system runs them: where their packaged app is and what they need. */
enum ServiceSpec {
    TRADE("trade-service", 8081, "trade", "trade"),
    CORRIDOR("corridor-service", 8082, "corridor", "corridor"),
    POLICY("policy-service", 8083, "policy", "policy"),
    GATEWAY("gateway", 8080, "gateway", null);

    private final String module;
    private final int preferredPort;
    private final String database;
    private final String source;

    ServiceSpec(String module, int preferredPort, String database, String source) {
        this.module = module;
        this.preferredPort = preferredPort;
        this.database = database;
        this.source = source;
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

    /** The owning service's name in events and in the gateway overview; null for the gateway itself. */
    String source() {
        return source;
    }

    boolean ownsData() {
        return source != null;
    }

    /**
     * Switches the service's own first-start import of its shipped dataset ({@code silkroad.<source>.seed-dataset}):
     * each owning service loads its dataset through its own import path, so the launcher only says whether to.
     */
    String seedVariable() {
        return "SILKROAD_" + source.toUpperCase() + "_SEED_DATASET";
    }

    /** Environment variable that overrides the port, e.g. {@code OBSERVATORY_TRADE_SERVICE_PORT}. */
    String portVariable() {
        return "OBSERVATORY_" + module.toUpperCase().replace('-', '_') + "_PORT";
    }
}
