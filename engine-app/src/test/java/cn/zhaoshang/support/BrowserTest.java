package cn.zhaoshang.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that drives a real browser: skipped, not failed, on a machine without Debian's chromium + chromedriver, and
 * listed at the end of the run like the MariaDB-only tests. Decided before the Spring context starts, so a machine
 * without a browser does not start the app for nothing; Maven counts each test of the class as skipped.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Browser.Installed.class)
public @interface BrowserTest {
}
