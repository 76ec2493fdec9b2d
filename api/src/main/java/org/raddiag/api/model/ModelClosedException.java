package org.raddiag.api.model;

/** A {@link LoadedModel} was used after it was closed (e.g. replaced because a component plugin changed). */
public class ModelClosedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ModelClosedException(String message) {
        super(message);
    }
}
