package org.silkroad.infra;

import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * An RSA key pair written as PEM files: the local system and the tests sign bearer tokens with the private key and
 * the services verify them with the public one. Production mounts keys of its own.
 */
public record DevelopmentKeys(Path privateKey, Path publicKey) {

    public static DevelopmentKeys generate(Path directory) {
        try {
            Files.createDirectories(directory);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path privatePem = directory.resolve("private-key.pem");
            Path publicPem = directory.resolve("public-key.pem");
            Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return new DevelopmentKeys(privatePem, publicPem);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keys generated earlier in {@code directory}, reused so tokens stay valid across restarts on kept data. */
    public static DevelopmentKeys existingOrGenerate(Path directory) {
        Path privatePem = directory.resolve("private-key.pem");
        Path publicPem = directory.resolve("public-key.pem");
        if (Files.isRegularFile(privatePem) && Files.isRegularFile(publicPem)) {
            return new DevelopmentKeys(privatePem, publicPem);
        }
        return generate(directory);
    }

    /** Signs a token for the given roles, as the identity provider of a real deployment would. */
    public String token(String issuer, String subject, Duration lifetime, String... roles) {
        return Jwt.issuer(issuer)
                .upn(subject)
                .groups(Set.of(roles))
                .expiresIn(lifetime)
                .sign(readPrivateKey());
    }

    private PrivateKey readPrivateKey() {
        try {
            String pem = Files.readString(privateKey);
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read signing key " + privateKey, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an RSA private key: " + privateKey, e);
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
