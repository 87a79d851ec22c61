package org.silkroad.deploy;

import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replicas as the code allows (deploy/README.md, "Replicas"; ADR 0015): the owning services take database locks for
 * everything that must happen once, and the gateway's pods tell each other about their writes and share the rebuild
 * lock, so every service runs two pods behind a budget.
 */
class ReplicasTest {

    @ParameterizedTest
    @EnumSource(value = DeployedService.class, names = {"TRADE", "CORRIDOR", "POLICY", "GATEWAY"})
    void everyServiceRunsTwoPodsAndADrainKeepsOne(DeployedService service) {
        int replicas = service.deployment().getSpec().getReplicas();
        assertTrue(replicas >= 2, service + " runs " + replicas + " pod(s): writes stop during a node drain");
        PodDisruptionBudget budget = service.disruptionBudget()
                .orElseThrow(() -> new AssertionError(service + ": deploy/" + service + "/pdb.yaml is missing"));
        assertNull(budget.getSpec().getMaxUnavailable(), service + ": use minAvailable");
        int minAvailable = budget.getSpec().getMinAvailable().getIntVal();
        assertTrue(minAvailable >= 1, service + ": the budget lets a drain take every pod");
        assertTrue(minAvailable < replicas, service + ": minAvailable " + minAvailable + " of " + replicas + " pods blocks every drain");
        assertSelectsTheDeploymentsPods(service, budget);
    }

    @Test
    void aGatewayRolloutStartsNewPodsBeforeItStopsOldOnes() {
        DeployedService gateway = DeployedService.GATEWAY;
        assertEquals("RollingUpdate", gateway.deployment().getSpec().getStrategy().getType());
        assertEquals("0%", gateway.deployment().getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getStrVal());
    }

    private static void assertSelectsTheDeploymentsPods(DeployedService service, PodDisruptionBudget budget) {
        Map<String, String> selector = budget.getSpec().getSelector().getMatchLabels();
        Map<String, String> podLabels = service.deployment().getSpec().getTemplate().getMetadata().getLabels();
        assertTrue(!selector.isEmpty() && podLabels.entrySet().containsAll(selector.entrySet()),
                service + ": the budget selects " + selector + ", the pods carry " + podLabels);
        assertTrue(!selector.containsKey("app.kubernetes.io/version"), service + ": a budget by version stops covering the next release");
    }
}
