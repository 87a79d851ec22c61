package org.silkroad.testing;

import org.silkroad.infra.DevelopmentKeys;

import java.nio.file.Path;
import java.time.Duration;

/** Bearer tokens signed with this test JVM's development key. */
public final class Tokens {

    private Tokens() {
    }

    public static String editor() {
        return withRoles("editor");
    }

    /** An authenticated caller without the editor role: writes must answer 403. */
    public static String viewer() {
        return withRoles("viewer");
    }

    public static String withRoles(String... roles) {
        String privateKey = System.getProperty(TestInfrastructure.PRIVATE_KEY);
        if (privateKey == null) {
            throw new IllegalStateException("test signing key not available; is ObservatoryTestResource active?");
        }
        DevelopmentKeys keys = new DevelopmentKeys(Path.of(privateKey), Path.of(System.getProperty(TestInfrastructure.PUBLIC_KEY)));
        return keys.token(TestInfrastructure.ISSUER, "test-" + String.join("-", roles) + "@silkroad.local",
                Duration.ofHours(1), roles);
    }
}
