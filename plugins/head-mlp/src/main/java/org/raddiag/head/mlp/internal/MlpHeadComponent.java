package org.raddiag.head.mlp.internal;

import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.model.assembly.BlockComponent;
import org.raddiag.api.model.ClassifierHead;
import org.raddiag.onnx.BlockConverter;

/**
 * Head {@code mlp}: the reference classifier ({@link MlpHead}, {@code hidden -> hidden -> GELU -> classes}) sized by
 * the settings {@code hidden} and {@code classes}. In RadNet its weights are {@code fc.0.*} and {@code fc.2.*}.
 */
@Component(service = ClassifierHead.class, property = {"raddiag.kind=head", "raddiag.head=mlp"})
public final class MlpHeadComponent extends BlockComponent<MlpHead> implements ClassifierHead {
    public MlpHeadComponent() {
        super("mlp", MlpHead.class, Map.of(BlockConverter.class, MlpHeadConverter::new));
    }

    @Override
    protected MlpHead create(ArchitectureConfig config) {
        int hidden = config.getInt(ArchitectureConfig.HIDDEN);
        return new MlpHead(hidden, hidden, config.getInt(ArchitectureConfig.CLASSES));
    }
}
