package org.silkroad.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the real PostgreSQL and Kafka of this test JVM. Use it with
 * {@code @WithTestResource(value = ObservatoryTestResource.class, scope = GLOBAL,
 * initArgs = @ResourceArg(name = "database", value = "trade"))}.
 */
public class ObservatoryTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure.ensureStarted();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", TestInfrastructure.jdbcUrl(database));
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null) {
            config.put("quarkus.datasource.username", "postgres");
            config.put("quarkus.datasource.password", "postgres");
        }
        config.put("kafka.bootstrap.servers", System.getProperty(TestInfrastructure.BOOTSTRAP));
        config.put("mp.jwt.verify.publickey.location", "file:" + System.getProperty(TestInfrastructure.PUBLIC_KEY));
        config.put("mp.jwt.verify.issuer", TestInfrastructure.ISSUER);
        config.put("smallrye.jwt.sign.key.location", "file:" + System.getProperty(TestInfrastructure.PRIVATE_KEY));
        return config;
    }

    @Override
    public void stop() {
        // The servers live as long as the JVM, so the next test class does not pay for a restart.
    }
}
