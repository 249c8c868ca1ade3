package newsbot.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a test class's tests on PostgreSQL: before any {@code @BeforeEach}, the class's {@code @TempDir} is marked
 * so that {@link TestDatabases#open} opens PostgreSQL databases there. A repository test's PostgreSQL twin is an
 * empty subclass carrying this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("postgresql")
@ExtendWith(OnPostgres.Mark.class)
public @interface OnPostgres {

    /** Marks every {@code @TempDir} field of the test instance. */
    final class Mark implements BeforeEachCallback {
        @Override
        public void beforeEach(ExtensionContext context) throws IllegalAccessException {
            Object test = context.getRequiredTestInstance();
            boolean marked = false;
            for (Class<?> c = test.getClass(); c != null; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (f.isAnnotationPresent(TempDir.class) && f.getType() == Path.class) {
                        f.setAccessible(true);
                        TestDatabases.usePostgres((Path) f.get(test));
                        marked = true;
                    }
                }
            }
            if (!marked) {
                throw new IllegalStateException(test.getClass() + " has no @TempDir Path field to mark");
            }
        }
    }
}
