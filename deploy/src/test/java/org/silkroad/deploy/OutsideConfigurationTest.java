package org.silkroad.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** What a Deployment takes from outside (environment, Secrets, ConfigMaps, the key mount) is what the service reads. */
class OutsideConfigurationTest {

    /** Variables quarkus-kubernetes sets on its own: the pod's namespace, for Quarkus' Kubernetes config and client. */
    private static final Set<String> SET_BY_QUARKUS_KUBERNETES = Set.of("KUBERNETES_NAMESPACE");
    private static final Set<String> DATABASE = Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");

    @ParameterizedTest
    @EnumSource(DeployedService.class)
    void everyVariableTheDeploymentSetsIsAPropertyTheServiceReads(DeployedService service) {
        for (EnvVar env : service.container().getEnv()) {
            String name = env.getName();
            if (SET_BY_QUARKUS_KUBERNETES.contains(name)) {
                continue;
            }
            assertTrue(readsVariable(service, name), service + " sets " + name
                    + ", which matches no property of its application.properties and no ${" + name + "} in it");
        }
    }

    /** MicroProfile Config's environment mapping: a property's name with every non-alphanumeric as _, upper case. */
    private static boolean readsVariable(DeployedService service, String variable) {
        for (String key : service.properties().stringPropertyNames()) {
            String value = service.properties().getProperty(key);
            if (value.contains("${" + variable + ":") || value.contains("${" + variable + "}")) {
                return true;
            }
            String unprofiled = key.startsWith("%prod.") ? key.substring(6) : key;
            if (!unprofiled.startsWith("%") && unprofiled.replaceAll("[^A-Za-z0-9]", "_").toUpperCase().equals(variable)) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest
    @EnumSource(DeployedService.class)
    void databaseAddressAndCredentialsComeFromASecretNeverInline(DeployedService service) {
        for (String name : DATABASE) {
            EnvVar env = service.env(name).orElseThrow(() -> new AssertionError(service + " does not set " + name));
            assertNull(env.getValue(), service + ": " + name + " is written into the manifest");
            assertNotNull(env.getValueFrom(), service + ": " + name + " has no source");
            assertNotNull(env.getValueFrom().getSecretKeyRef(), service + ": " + name + " does not come from a Secret");
        }
        for (EnvVar env : service.container().getEnv()) {
            if (env.getName().matches(".*(PASSWORD|SECRET|TOKEN|CREDENTIAL).*")) {
                assertNull(env.getValue(), service + ": " + env.getName() + " is written into the manifest");
            }
        }
    }

    @Test
    void eachServiceHasADatabaseSecretOfItsOwnPointingAtItsOwnDatabase() {
        Map<String, DeployedService> owners = new HashMap<>();
        for (DeployedService service : DeployedService.values()) {
            String secret = databaseSecret(service);
            DeployedService other = owners.put(secret, service);
            assertNull(other, "the database Secret " + secret + " is shared by " + other + " and " + service);
            assertTrue(secret.startsWith(service.name + "-"), service + ": the database Secret " + secret + " is not named after the service");

            // The example Secret (what a team creates) names the same database the service uses by default.
            Secret example = exampleDatabaseSecret(service);
            String defaultDatabase = database(service.property("quarkus.datasource.jdbc.url").orElseThrow());
            String exampleDatabase = database(example.getStringData().get(secretKey(service, "QUARKUS_DATASOURCE_JDBC_URL")));
            assertEquals(defaultDatabase, exampleDatabase, service + ": the example Secret points at another database");
        }
        Set<String> databases = Arrays.stream(DeployedService.values())
                .map(s -> database(s.property("quarkus.datasource.jdbc.url").orElseThrow())).collect(Collectors.toSet());
        assertEquals(DeployedService.values().length, databases.size(), "two services share a database: " + databases);
    }

    private static String databaseSecret(DeployedService service) {
        Set<String> secrets = DATABASE.stream().map(name -> service.env(name).orElseThrow().getValueFrom().getSecretKeyRef().getName())
                .collect(Collectors.toSet());
        assertEquals(1, secrets.size(), service + ": the database settings come from several Secrets " + secrets);
        return secrets.iterator().next();
    }

    private static String secretKey(DeployedService service, String variable) {
        return service.env(variable).orElseThrow().getValueFrom().getSecretKeyRef().getKey();
    }

    private static Secret exampleDatabaseSecret(DeployedService service) {
        List<JsonNode> docs = Yaml.documents(service.deployFolder().resolve("db-secret.example.yaml"));
        return Yaml.ofKind(docs, "Secret").map(d -> Yaml.as(d, Secret.class)).findFirst()
                .orElseThrow(() -> new AssertionError(service + ": db-secret.example.yaml holds no Secret"));
    }

    private static String database(String jdbcUrl) {
        Matcher m = Pattern.compile("^jdbc:postgresql://[^/]+/([^?]+)").matcher(jdbcUrl);
        if (!m.find()) {
            fail("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        return m.group(1);
    }

    @ParameterizedTest
    @EnumSource(DeployedService.class)
    void everySecretKeyTheDeploymentReadsIsInTheExampleSecret(DeployedService service) {
        Secret example = exampleDatabaseSecret(service);
        for (EnvVar env : service.container().getEnv()) {
            SecretKeySelector ref = env.getValueFrom() == null ? null : env.getValueFrom().getSecretKeyRef();
            if (ref != null) {
                assertEquals(example.getMetadata().getName(), ref.getName(), service + ": " + env.getName() + " reads an undocumented Secret");
                assertTrue(example.getStringData().containsKey(ref.getKey()), service + ": the example Secret lacks the key " + ref.getKey());
                assertTrue(!Boolean.TRUE.equals(ref.getOptional()), service + ": " + env.getName() + " may silently be missing");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DeployedService.class)
    void everyConfigMapKeyTheDeploymentReadsIsInTheServicesConfigMap(DeployedService service) {
        List<JsonNode> docs = Yaml.documents(service.deployFolder().resolve("config.yaml"));
        ConfigMap config = Yaml.ofKind(docs, "ConfigMap").map(d -> Yaml.as(d, ConfigMap.class)).findFirst()
                .orElseThrow(() -> new AssertionError(service + ": deploy/" + service + "/config.yaml holds no ConfigMap"));
        assertEquals(service.name + "-config", config.getMetadata().getName(), service + ": ConfigMap name");
        int read = 0;
        for (EnvVar env : service.container().getEnv()) {
            ConfigMapKeySelector ref = env.getValueFrom() == null ? null : env.getValueFrom().getConfigMapKeyRef();
            if (ref != null) {
                read++;
                assertEquals(config.getMetadata().getName(), ref.getName(), service + ": " + env.getName() + " reads another ConfigMap");
                assertTrue(config.getData().containsKey(ref.getKey()), service + ": config.yaml lacks the key " + ref.getKey() + " of " + env.getName());
            }
        }
        assertTrue(service.env("KAFKA_BOOTSTRAP_SERVERS").map(e -> e.getValueFrom().getConfigMapKeyRef()).isPresent(),
                service + ": the Kafka address does not come from its ConfigMap");
        assertTrue(read >= 1);
    }

    @ParameterizedTest
    @EnumSource(DeployedService.class)
    void theIdentityProvidersPublicKeyIsMountedWhereTheServiceLooksAndReadableByItsUser(DeployedService service) {
        String location = service.env("SILKROAD_JWT_PUBLIC_KEY").map(EnvVar::getValue)
                .orElseThrow(() -> new AssertionError(service + " does not say where the JWT public key is"));
        assertTrue(location.startsWith("file:"), service + ": " + location);
        String path = URI.create(location).getPath();

        // Without the variable the service looks in the same place (its application.properties default).
        String configured = service.property("mp.jwt.verify.publickey.location").orElseThrow();
        assertTrue(configured.contains("${SILKROAD_JWT_PUBLIC_KEY:" + location + "}"), service + ": " + configured);

        VolumeMount mount = service.container().getVolumeMounts().stream().filter(m -> path.startsWith(m.getMountPath() + "/")).findFirst()
                .orElseThrow(() -> new AssertionError(service + ": nothing is mounted at " + path));
        assertEquals(Boolean.TRUE, mount.getReadOnly(), service + ": the key mount is writable");
        Volume volume = service.deployment().getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        assertNotNull(volume.getSecret(), service + ": the key does not come from a Secret");

        Secret example = Yaml.ofKind(Yaml.documents(DeployedService.REPOSITORY.resolve("deploy/jwt-public-key.example.yaml")), "Secret")
                .map(d -> Yaml.as(d, Secret.class)).findFirst().orElseThrow();
        assertEquals(example.getMetadata().getName(), volume.getSecret().getSecretName(), service + ": key Secret name");
        String file = path.substring(mount.getMountPath().length() + 1);
        assertTrue(example.getStringData().containsKey(file), "the example key Secret lacks the key " + file);

        // Secret files belong to root; the service's user (no fsGroup) reads them only through the "other" bits.
        int mode = volume.getSecret().getDefaultMode() == null ? 0644 : volume.getSecret().getDefaultMode();
        Long fsGroup = service.deployment().getSpec().getTemplate().getSpec().getSecurityContext().getFsGroup();
        int needed = fsGroup == null ? 0004 : 0040;
        assertTrue((mode & needed) != 0, service + ": mode " + Integer.toOctalString(mode)
                + " leaves the key unreadable to user " + service.deployment().getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser());
    }
}
