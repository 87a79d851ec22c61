package org.silkroad.corridor.asset.domain;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AssetKindTest {

    @Test
    void theValidationPatternListsExactlyTheKindsOfTheEnum() {
        String fromEnum = Arrays.stream(AssetKind.values()).map(AssetKind::code).collect(Collectors.joining("|"));
        assertEquals(fromEnum, AssetKind.CODES);
    }
}
