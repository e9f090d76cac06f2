package dev.migrator.it.contract;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A contract test: runs once per target fixture ({@link AllTargets}), which it takes as a {@link TargetFixture}
 * parameter, and is followed by the invariant checks.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(AllTargets.class)
public @interface ContractTest {
    /**
     * Whether the test is a happy path, where nothing may be logged above INFO. False for a test that provokes a
     * failure or a lock wait, whose warnings are the point.
     */
    boolean quiet() default true;
}
