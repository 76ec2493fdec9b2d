package org.raddiag.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SemVerTest {
    @Test
    void precedenceFollowsSemverOrgExample() {
        // semver.org item 11: 1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-alpha.beta < 1.0.0-beta < 1.0.0-beta.2
        // < 1.0.0-beta.11 < 1.0.0-rc.1 < 1.0.0
        List<String> ordered = List.of("0.9.12", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.2.0", "1.10.0", "2.0.0-0", "2.0.0");
        List<SemVer> shuffled = new ArrayList<>();
        ordered.forEach(s -> shuffled.add(SemVer.parse(s)));
        Collections.shuffle(shuffled, new java.util.Random(4));
        Collections.sort(shuffled);
        assertEquals(ordered, shuffled.stream().map(SemVer::toString).toList());
    }

    @Test
    void buildMetadataIsIgnoredForOrdering() {
        assertEquals(0, SemVer.parse("1.0.0+build.5").compareTo(SemVer.parse("1.0.0+other")));
        assertTrue(SemVer.parse("1.0.0-rc.1+b").isPreRelease());
    }

    @Test
    void invalidVersionsAreRefused() {
        for (String bad : new String[] {"1", "1.0", "01.0.0", "1.0.0-", "1.0.0-01", "v1.0.0", "1.0.0 ", ""}) {
            assertFalse(SemVer.isValid(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> SemVer.parse(bad), bad);
        }
    }
}
