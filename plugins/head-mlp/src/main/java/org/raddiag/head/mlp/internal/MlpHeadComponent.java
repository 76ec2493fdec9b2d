package org.raddiag.head.mlp.internal;

import org.osgi.service.component.annotations.Component;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.model.assembly.ComponentBlocks;
import org.raddiag.api.model.ClassifierHead;

/**
 * Head {@code mlp}: the reference classifier ({@link MlpHead}, {@code hidden -> hidden -> GELU -> classes}) sized by
 * the settings {@code hidden} and {@code classes}. In RadNet its weights are {@code fc.0.*} and {@code fc.2.*}.
 */
@Component(service = ClassifierHead.class, property = {"raddiag.kind=head", "raddiag.head=mlp"})
public final class MlpHeadComponent implements ClassifierHead {
    @Override
    public String name() {
        return "mlp";
    }

    @Override
    public boolean supports(Class<?> blockType) {
        return blockType.isAssignableFrom(MlpHead.class);
    }

    @Override
    public <B> B build(Class<B> blockType, ArchitectureConfig config) {
        int hidden = config.getInt(ArchitectureConfig.HIDDEN);
        return ComponentBlocks.build(this, blockType,
                () -> new MlpHead(hidden, hidden, config.getInt(ArchitectureConfig.CLASSES)));
    }
}
