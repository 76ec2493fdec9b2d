package org.raddiag.api.data;

/** One class of a diagnosis: its label, probability (sigmoid of the logit), decision threshold and decision. */
public final class Finding {
    private final int index;
    private final String label;
    private final double probability;
    private final double threshold;

    public Finding(int index, String label, double probability, double threshold) {
        this.index = index;
        this.label = label;
        this.probability = probability;
        this.threshold = threshold;
    }

    public int index() {
        return index;
    }

    public String label() {
        return label;
    }

    public double probability() {
        return probability;
    }

    public double threshold() {
        return threshold;
    }

    /** Whether the probability reaches the class threshold. */
    public boolean positive() {
        return probability >= threshold;
    }
}
