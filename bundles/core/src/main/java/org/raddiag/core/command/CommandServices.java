package org.raddiag.core.command;

import org.osgi.service.component.ComponentContext;
import org.raddiag.api.diagnosis.DiagnosisService;
import org.raddiag.api.model.ModelRegistry;
import org.raddiag.api.text.KnowledgeLabels;
import org.raddiag.core.io.ReaderRegistry;

/**
 * The services of a command, looked up when it runs (DS lookup strategy: {@link ComponentContext#locateService})
 * instead of bound when it activates, so that {@code --help} and {@code commands}, which activate every command
 * they ask, activate nothing else. A command declares the references it uses under these names in its
 * {@code @Component(reference = ...)} and hands its context over in its {@code @Activate} method.
 */
final class CommandServices {
    static final String READERS = "readers";
    static final String DIAGNOSIS = "diagnosis";
    static final String KNOWLEDGE = "knowledge";
    static final String REGISTRY = "registry";

    private volatile ComponentContext component;

    void activate(ComponentContext cc) {
        component = cc;
    }

    ReaderRegistry readers() {
        return (ReaderRegistry) component.locateService(READERS);
    }

    DiagnosisService diagnosis() {
        return (DiagnosisService) component.locateService(DIAGNOSIS);
    }

    KnowledgeLabels knowledge() {
        return (KnowledgeLabels) component.locateService(KNOWLEDGE);
    }

    ModelRegistry registry() {
        return (ModelRegistry) component.locateService(REGISTRY);
    }
}
