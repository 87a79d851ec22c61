package org.silkroad.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * One of the four services as a team deploys it: its configuration (application.properties), the manifest its
 * packaging generated (target/kubernetes/kubernetes.yml) and what deploy/&lt;service&gt;/ adds.
 */
enum DeployedService {
    TRADE("trade-service"),
    CORRIDOR("corridor-service"),
    POLICY("policy-service"),
    GATEWAY("gateway");

    /** The repository root; surefire sets it, an IDE run from deploy/ falls back to the parent folder. */
    static final Path REPOSITORY = Path.of(System.getProperty("silkroad.repository", "..")).toAbsolutePath().normalize();

    final String name;
    private List<JsonNode> generated;
    private Properties properties;

    DeployedService(String name) {
        this.name = name;
    }

    Path module() {
        return REPOSITORY.resolve(name);
    }

    Path deployFolder() {
        return REPOSITORY.resolve("deploy").resolve(name);
    }

    Path generatedManifest() {
        return module().resolve("target/kubernetes/kubernetes.yml");
    }

    /** The service's own application.properties, as the build packs it. */
    synchronized Properties properties() {
        if (properties == null) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(module().resolve("src/main/resources/application.properties"))) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            properties = p;
        }
        return properties;
    }

    /** A property as the prod profile sees it (a %prod value wins over the plain one). */
    Optional<String> property(String key) {
        return Optional.ofNullable(properties().getProperty("%prod." + key, properties().getProperty(key)));
    }

    int httpPort() {
        return Integer.parseInt(property("quarkus.http.port").orElse("8080"));
    }

    synchronized List<JsonNode> generatedDocuments() {
        if (generated == null) {
            Path file = generatedManifest();
            if (!Files.isRegularFile(file)) {
                throw new AssertionError(file + " is missing: it is written when the service is packaged. Run `./mvnw -B package -pl "
                        + name + " -am -DskipTests` (or `./mvnw verify`, which builds the services before this module) first.");
            }
            generated = Yaml.documents(file);
        }
        return generated;
    }

    Deployment deployment() {
        List<Deployment> all = Yaml.ofKind(generatedDocuments(), "Deployment").map(d -> Yaml.as(d, Deployment.class)).toList();
        if (all.size() != 1) {
            throw new AssertionError(generatedManifest() + " should hold exactly one Deployment, holds " + all.size());
        }
        return all.get(0);
    }

    Service service() {
        List<Service> all = Yaml.ofKind(generatedDocuments(), "Service").map(d -> Yaml.as(d, Service.class)).toList();
        if (all.size() != 1) {
            throw new AssertionError(generatedManifest() + " should hold exactly one Service, holds " + all.size());
        }
        return all.get(0);
    }

    Container container() {
        List<Container> containers = deployment().getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError(name + ": one container expected, found " + containers.size());
        }
        return containers.get(0);
    }

    ContainerPort httpContainerPort() {
        return container().getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no container port named http"));
    }

    Optional<EnvVar> env(String envName) {
        return container().getEnv().stream().filter(e -> envName.equals(e.getName())).findFirst();
    }

    /** The PodDisruptionBudget of deploy/&lt;service&gt;/pdb.yaml, if the service has one. */
    Optional<PodDisruptionBudget> disruptionBudget() {
        Path file = deployFolder().resolve("pdb.yaml");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Yaml.ofKind(Yaml.documents(file), "PodDisruptionBudget").map(d -> Yaml.as(d, PodDisruptionBudget.class)).findFirst();
    }

    @Override
    public String toString() {
        return name;
    }
}
