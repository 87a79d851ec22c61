package org.silkroad.testing;

import io.smallrye.jwt.build.Jwt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

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
        return Jwt.issuer(TestInfrastructure.ISSUER)
                .upn("test-" + String.join("-", roles) + "@silkroad.local")
                .groups(Set.of(roles))
                .expiresIn(3600)
                .sign(privateKey());
    }

    private static PrivateKey privateKey() {
        try {
            String pem = Files.readString(Path.of(System.getProperty(TestInfrastructure.PRIVATE_KEY)));
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("test signing key not available; is ObservatoryTestResource active?", e);
        }
    }
}
