package org.silkroad.deploy;

import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replicas as the code allows (deploy/README.md, "Replicas"; ADR 0015): the owning services take database locks for
 * everything that must happen once and run two pods behind a budget; the gateway's views and stream are per pod, so
 * it runs one.
 */
class ReplicasTest {

    @ParameterizedTest
    @EnumSource(value = DeployedService.class, names = {"TRADE", "CORRIDOR", "POLICY"})
    void owningServicesRunTwoPodsAndADrainKeepsOne(DeployedService service) {
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
    void theGatewayRunsOnePodAndNoBudgetBlocksADrain() {
        DeployedService gateway = DeployedService.GATEWAY;
        assertEquals(1, gateway.deployment().getSpec().getReplicas(),
                "a second gateway pod would serve views that miss the events its sibling applied (ADR 0015)");
        // One pod: a rollout must start the new pod before it stops the old one, or the dashboard goes dark.
        assertEquals("RollingUpdate", gateway.deployment().getSpec().getStrategy().getType());
        assertEquals("0%", gateway.deployment().getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getStrVal());
        Optional<PodDisruptionBudget> budget = gateway.disruptionBudget();
        budget.ifPresent(b -> assertTrue(b.getSpec().getMinAvailable() == null || b.getSpec().getMinAvailable().getIntVal() < 1,
                "a budget of one available gateway pod blocks every node drain"));
    }

    private static void assertSelectsTheDeploymentsPods(DeployedService service, PodDisruptionBudget budget) {
        Map<String, String> selector = budget.getSpec().getSelector().getMatchLabels();
        Map<String, String> podLabels = service.deployment().getSpec().getTemplate().getMetadata().getLabels();
        assertTrue(!selector.isEmpty() && podLabels.entrySet().containsAll(selector.entrySet()),
                service + ": the budget selects " + selector + ", the pods carry " + podLabels);
        assertTrue(!selector.containsKey("app.kubernetes.io/version"), service + ": a budget by version stops covering the next release");
    }
}
