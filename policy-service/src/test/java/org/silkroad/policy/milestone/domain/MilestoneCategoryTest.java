package org.silkroad.policy.milestone.domain;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MilestoneCategoryTest {

    @Test
    void theValidationPatternListsExactlyTheCategoriesOfTheEnum() {
        String fromEnum = Arrays.stream(MilestoneCategory.values()).map(MilestoneCategory::code).collect(Collectors.joining("|"));
        assertEquals(fromEnum, MilestoneCategory.CODES);
    }
}
