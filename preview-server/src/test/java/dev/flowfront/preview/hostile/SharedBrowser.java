package dev.flowfront.preview.hostile;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Calls the Chromium launcher and the checked page of the {@code browser} test package, which keeps
 * them package-private.
 *
 * <p>NOTE: this goes through reflection only because {@code Chromium} and {@code CheckedPage} are
 * not public; once they are, call them directly and delete this class.
 */
final class SharedBrowser implements AutoCloseable {

    private static final String PACKAGE = "dev.flowfront.preview.browser.";

    private final Object chromium;

    private SharedBrowser(Object chromium) {
        this.chromium = chromium;
    }

    static SharedBrowser launch() {
        return new SharedBrowser(call(null, type("Chromium"), "launch"));
    }

    /** Opens a page in a fresh UTC context that records CSP violations and console errors. */
    CheckedTab open() {
        return new CheckedTab(call(chromium, type("Chromium"), "open"));
    }

    @Override
    public void close() {
        call(chromium, type("Chromium"), "close");
    }

    /** A page of the shared {@code CheckedPage} helper. */
    static final class CheckedTab implements AutoCloseable {
        private final Object checked;

        private CheckedTab(Object checked) {
            this.checked = checked;
        }

        Page page() {
            return (Page) call(checked, type("CheckedPage"), "page");
        }

        BrowserContext context() {
            return (BrowserContext) call(checked, type("CheckedPage"), "context");
        }

        /** Asserts that no CSP violation, console error or uncaught error happened so far. */
        void assertNoProblems() {
            call(checked, type("CheckedPage"), "assertNoProblems");
        }

        /** Accepts console errors matching the pattern, for failures a test provokes. */
        void allowConsoleError(String regex) {
            try {
                Method method =
                        type("CheckedPage").getDeclaredMethod("allowConsoleError", String.class);
                method.setAccessible(true);
                method.invoke(checked, regex);
            } catch (ReflectiveOperationException e) {
                throw unwrap(e);
            }
        }

        @Override
        public void close() {
            call(checked, type("CheckedPage"), "close");
        }
    }

    private static Class<?> type(String simpleName) {
        try {
            return Class.forName(PACKAGE + simpleName);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The browser test helpers moved: " + simpleName, e);
        }
    }

    private static Object call(Object target, Class<?> type, String name) {
        try {
            Method method = type.getDeclaredMethod(name);
            method.setAccessible(true);
            return method.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw unwrap(e);
        }
    }

    private static RuntimeException unwrap(ReflectiveOperationException e) {
        if (e instanceof InvocationTargetException invocation) {
            Throwable cause = invocation.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
        }
        return new IllegalStateException("Cannot call the browser test helpers", e);
    }
}
