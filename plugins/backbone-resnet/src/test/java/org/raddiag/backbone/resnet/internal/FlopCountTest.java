package org.raddiag.backbone.resnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The FLOP count against the published ResNet figures (torchvision: 1.81 / 3.66 / 4.09 GMACs at 224 x 224). */
class FlopCountTest {
    @Test
    void resNetMatchesPublishedMultiplyAdds() {
        assertEquals(1.81, FlopCount.resNet(18, 224) / 2e9, 0.02);
        assertEquals(3.66, FlopCount.resNet(34, 224) / 2e9, 0.03);
        assertEquals(4.09, FlopCount.resNet(50, 224) / 2e9, 0.03);
    }
}
