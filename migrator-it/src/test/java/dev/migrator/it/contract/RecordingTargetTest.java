package dev.migrator.it.contract;

import dev.migrator.api.spi.MigrationTarget;
import dev.migrator.api.spi.TargetSession;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The recording decorator must forward every SPI method, or a target's own behaviour would silently fall back. */
class RecordingTargetTest {
    @Test
    void forwardsEveryMethodOfTheTargetSpi() {
        assertThat(notOverridden(MigrationTarget.class, RecordingTarget.class)).isEmpty();
        assertThat(notOverridden(TargetSession.class, RecordingTarget.Session.class)).isEmpty();
    }

    private static java.util.List<String> notOverridden(Class<?> spi, Class<?> impl) {
        return Arrays.stream(spi.getMethods()).filter(m -> !Modifier.isStatic(m.getModifiers()))
                .filter(m -> declared(impl, m) == null).map(Method::getName).toList();
    }

    private static Method declared(Class<?> impl, Method m) {
        try {
            return impl.getDeclaredMethod(m.getName(), m.getParameterTypes());
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
