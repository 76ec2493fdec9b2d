package org.raddiag.support.cli.internal;

/** One declared option: {@code --name}, with a value named {@code valueName} unless it is a flag. */
public record OptionDecl(String name, Arity arity, String valueName, String description, String defaultValue,
        boolean required) {
    /** How an option takes values. */
    public enum Arity {
        /** A boolean flag: never takes the next argument. */
        FLAG,
        /** One value; given twice, the last wins. */
        VALUE,
        /** One value per occurrence, all kept in order. */
        REPEATABLE
    }

    public String dashed() {
        return "--" + name;
    }
}
