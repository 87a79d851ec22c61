package org.silkroad.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each service's Dockerfile.jvm packs the fast-jar its build writes and runs it the way the manifest expects. */
class DockerfileTest {

    private static final List<String> FAST_JAR = List.of("target/quarkus-app/lib/", "target/quarkus-app/*.jar",
            "target/quarkus-app/app/", "target/quarkus-app/quarkus/");

    @ParameterizedTest
    @EnumSource(DeployedService.class)
    void copiesEveryPartOfTheFastJarTheBuildWrites(DeployedService service) throws IOException {
        List<String> lines = dockerfile(service);
        for (String source : FAST_JAR) {
            assertTrue(lines.stream().anyMatch(l -> l.matches("COPY (--chown=\\S+ )?" + java.util.regex.Pattern.quote(source) + " /deployments/.*")),
                    service + ": Dockerfile.jvm does not copy " + source);
            assertTrue(exists(service.module().resolve(source)), service + ": the build wrote no " + source
                    + " (quarkus.package.jar.type is no longer fast-jar?)");
        }
        assertEquals(Optional.of("ENV JAVA_APP_JAR=\"/deployments/quarkus-run.jar\""), line(lines, "ENV JAVA_APP_JAR"));
        assertTrue(exists(service.module().resolve("target/quarkus-app/quarkus-run.jar")), service + ": no quarkus-run.jar");
    }

    @ParameterizedTest
    @EnumSource(DeployedService.class)
    void runsAJava17RuntimeAsTheUserTheManifestExpectsOnTheServicesPort(DeployedService service) throws IOException {
        List<String> lines = dockerfile(service);
        String from = line(lines, "FROM ").orElseThrow();
        assertTrue(from.matches("FROM registry\\.access\\.redhat\\.com/ubi\\d/openjdk-17(-runtime)?:[\\d.]+"), service + ": " + from);
        long user = Long.parseLong(line(lines, "USER ").orElseThrow().substring(5).trim());
        assertEquals(service.deployment().getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser(), user,
                service + ": the image's user is not the one the manifest runs as");
        assertTrue(user > 0, service + ": the image runs as root");
        assertEquals(Optional.of("EXPOSE " + service.httpPort()), line(lines, "EXPOSE "), service + ": EXPOSE vs quarkus.http.port");
    }

    private static List<String> dockerfile(DeployedService service) throws IOException {
        return Files.readAllLines(service.module().resolve("src/main/docker/Dockerfile.jvm")).stream()
                .map(String::trim).filter(l -> !l.startsWith("#") && !l.isEmpty()).toList();
    }

    private static Optional<String> line(List<String> lines, String prefix) {
        List<String> matching = lines.stream().filter(l -> l.startsWith(prefix)).toList();
        assertTrue(matching.size() <= 1, "several lines start with " + prefix + ": " + matching);
        return matching.stream().findFirst();
    }

    /** A path, or for a last segment with a *, any file it matches. */
    private static boolean exists(Path path) throws IOException {
        String last = path.getFileName().toString();
        if (!last.contains("*")) {
            return Files.exists(path);
        }
        try (DirectoryStream<Path> matches = Files.newDirectoryStream(path.getParent(), last)) {
            return matches.iterator().hasNext();
        }
    }
}
