package org.raddiag.itests;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** On a {@link PaxExamRuntime} test: its RadDiag home is kept between its methods and builds ({@code home()}). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface KeptHome {
}
