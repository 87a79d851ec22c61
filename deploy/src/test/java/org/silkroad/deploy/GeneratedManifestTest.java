package org.silkroad.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The manifest quarkus-kubernetes writes for each service fits the service as it is configured. */
class GeneratedManifestTest {

    @ParameterizedTest
    @EnumSource(DeployedService.class)
    void containerAndServiceUseTheServicesHttpPort(DeployedService service) {
        int port = service.httpPort();
        assertEquals(port, service.httpContainerPort().getContainerPort(), service + ": container port vs quarkus.http.port");
        ServicePort servicePort = service.service().getSpec().getPorts().stream().filter(p -> "http".equals(p.getName()))
                .findFirst().orElseThrow(() -> new AssertionError(service + ": the Service has no port named http"));
        assertEquals(port, servicePort.getTargetPort().getIntVal(), service + ": Service targetPort vs quarkus.http.port");
    }

    @ParameterizedTest
    @EnumSource(DeployedService.class)
    void probesAskSmallRyeHealthOnTheHttpPort(DeployedService service) {
        Container container = service.container();
        assertAll(
                () -> assertProbe(service, "liveness", container.getLivenessProbe(), "/q/health/live"),
                () -> assertProbe(service, "readiness", container.getReadinessProbe(), "/q/health/ready"),
                () -> assertProbe(service, "startup", container.getStartupProbe(), "/q/health/started"));
    }

    private static void assertProbe(DeployedService service, String which, Probe probe, String path) {
        assertNotNull(probe, service + " has no " + which + " probe");
        assertNotNull(probe.getHttpGet(), service + ": " + which + " probe is not an HTTP GET");
        assertEquals(path, probe.getHttpGet().getPath(), service + ": " + which + " probe path");
        IntOrString port = probe.getHttpGet().getPort();
        int probed = port.getIntVal() != null ? port.getIntVal()
                : service.container().getPorts().stream().filter(p -> port.getStrVal().equals(p.getName())).findFirst()
                        .orElseThrow(() -> new AssertionError(service + ": " + which + " probe names an unknown port " + port.getStrVal()))
                        .getContainerPort();
        assertEquals(service.httpPort(), probed, service + ": " + which + " probe port");
    }

    @ParameterizedTest
    @EnumSource(DeployedService.class)
    void startupMayTakeLongerThanTheDefault35Seconds(DeployedService service) {
        Probe startup = service.container().getStartupProbe();
        int seconds = startup.getInitialDelaySeconds() + startup.getPeriodSeconds() * startup.getFailureThreshold();
        // The first start migrates the schema and loads the shipped data set before "started" (the gateway: migrations).
        assertTrue(seconds >= 120, service + ": the startup probe gives up after " + seconds + " s");
    }

    @ParameterizedTest
    @EnumSource(DeployedService.class)
    void prometheusScrapesQuarkusMetricsOnTheHttpPort(DeployedService service) {
        Map<String, String> annotations = service.deployment().getSpec().getTemplate().getMetadata().getAnnotations();
        assertEquals("true", annotations.get("prometheus.io/scrape"), service + ": prometheus.io/scrape");
        assertEquals("/q/metrics", annotations.get("prometheus.io/path"), service + ": prometheus.io/path");
        assertEquals(String.valueOf(service.httpPort()), annotations.get("prometheus.io/port"), service + ": prometheus.io/port");
    }

    @ParameterizedTest
    @EnumSource(DeployedService.class)
    void requestsAndLimitsAreSetAndRequestsFitTheLimits(DeployedService service) {
        ResourceRequirements resources = service.container().getResources();
        assertNotNull(resources, service + " sets no resources");
        for (String resource : new String[]{"cpu", "memory"}) {
            Quantity request = resources.getRequests().get(resource);
            Quantity limit = resources.getLimits().get(resource);
            assertNotNull(request, service + ": no " + resource + " request");
            assertNotNull(limit, service + ": no " + resource + " limit");
            assertTrue(request.getNumericalAmount().compareTo(limit.getNumericalAmount()) <= 0,
                    service + ": " + resource + " request " + request + " above its limit " + limit);
        }
    }

    @ParameterizedTest
    @EnumSource(DeployedService.class)
    void podsRunAsANonRootUser(DeployedService service) {
        PodSecurityContext security = service.deployment().getSpec().getTemplate().getSpec().getSecurityContext();
        assertNotNull(security, service + ": no pod security context");
        assertEquals(Boolean.TRUE, security.getRunAsNonRoot(), service + ": runAsNonRoot");
        assertNotNull(security.getRunAsUser(), service + ": runAsUser (the image's user 185)");
        assertTrue(security.getRunAsUser() > 0, service + ": runAsUser is root");
    }

    @ParameterizedTest
    @EnumSource(DeployedService.class)
    void selectorsLeaveTheVersionOutSoTheNextReleaseCanBeAppliedOverThisOne(DeployedService service) {
        Deployment deployment = service.deployment();
        Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertFalse(selector.containsKey("app.kubernetes.io/version"), service + ": the Deployment selector holds the version: " + selector);
        assertEquals(service.name, selector.get("app.kubernetes.io/name"), service + ": selector name");
        assertTrue(podLabels.entrySet().containsAll(selector.entrySet()), service + ": the selector does not match its own pods");
        Service s = service.service();
        assertTrue(podLabels.entrySet().containsAll(s.getSpec().getSelector().entrySet()),
                service + ": the Service selects " + s.getSpec().getSelector() + ", not the pods " + podLabels);
        assertFalse(s.getSpec().getSelector().containsKey("app.kubernetes.io/version"), service + ": the Service selector holds the version");
    }

    @ParameterizedTest
    @EnumSource(DeployedService.class)
    void rolloutLimitsAreNumbersOrPercentages(DeployedService service) {
        // The API server refuses a quoted plain number ("1") for maxSurge/maxUnavailable: only ints and "n%" pass.
        if (service.deployment().getSpec().getStrategy() == null || service.deployment().getSpec().getStrategy().getRollingUpdate() == null) {
            return;
        }
        RollingUpdateDeployment rolling = service.deployment().getSpec().getStrategy().getRollingUpdate();
        for (IntOrString value : new IntOrString[]{rolling.getMaxSurge(), rolling.getMaxUnavailable()}) {
            if (value != null && value.getStrVal() != null) {
                assertTrue(value.getStrVal().matches("\\d+%"), service + ": " + value.getStrVal() + " is neither a number nor a percentage");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DeployedService.class)
    void theImageIsTheServicesOwnAndNotBuiltHere(DeployedService service) {
        String image = service.container().getImage();
        assertTrue(image.matches(".*/" + service.name + ":[^:/]+"), service + ": image " + image);
        assertFalse(image.endsWith(":latest"), service + ": a moving tag cannot be rolled back");
    }
}
