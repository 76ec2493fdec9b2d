package org.raddiag.api.data;

/** One class of a diagnosis: its label, probability (sigmoid of the logit), decision threshold and decision. */
public record Finding(int index, String label, double probability, double threshold) {
    /** Whether the probability reaches the class threshold. */
    public boolean positive() {
        return probability >= threshold;
    }
}
