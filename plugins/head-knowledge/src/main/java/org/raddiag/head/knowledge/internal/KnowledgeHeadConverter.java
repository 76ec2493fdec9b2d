package org.raddiag.head.knowledge.internal;

import org.raddiag.onnx.BlockCall;
import org.raddiag.onnx.BlockConverter;
import org.raddiag.onnx.Nn;
import org.raddiag.onnx.OnnxGraphBuilder;
import org.raddiag.onnx.Weights;

/**
 * ONNX nodes of the {@code knowledge} head: {@code logits = x P^T} with the class matrix
 * {@code P = E W^T + b (C, hidden)} computed here once, from the label embeddings the architecture names (read as the
 * DJL head reads them, {@link KnowledgeHeadComponent#embeddings}) and the weights {@code fcke.*}, and stored
 * transposed as a constant initialiser: one MatMul per case, as the DJL head does in inference.
 * Built by {@link KnowledgeHeadComponent}, the plugin's model component, for the exporter.
 */
final class KnowledgeHeadConverter implements BlockConverter {
    @Override
    public void emit(OnnxGraphBuilder g, BlockCall call) {
        LabelEmbeddings e = KnowledgeHeadComponent.embeddings(call.config());
        Weights w = call.weights();
        long[] ws = w.shape("fcke.weight");
        if (ws.length != 2 || ws[1] != e.dim()) {
            throw new IllegalArgumentException("'fcke.weight' must be (hidden, " + e.dim() + ") for label embeddings"
                    + " of width " + e.dim() + ", got " + java.util.Arrays.toString(ws));
        }
        int hidden = (int) ws[0];
        int classes = e.classes();
        int dim = e.dim();
        float[] weight = w.floats("fcke.weight");
        float[] bias = w.floats("fcke.bias", hidden);
        float[] emb = e.values();
        float[] matrixT = new float[hidden * classes];
        for (int h = 0; h < hidden; h++) {
            for (int c = 0; c < classes; c++) {
                double sum = bias[h];
                for (int k = 0; k < dim; k++) {
                    sum += (double) emb[c * dim + k] * weight[h * dim + k];
                }
                matrixT[h * classes + c] = (float) sum;
            }
        }
        String p = call.component();
        String pt = g.floats(p + ".classMatrixT", matrixT, hidden, classes);
        Nn.rename(g, g.op("MatMul", p + ".logits", Nn.NONE, call.input(0), pt), call.output(0));
    }
}
