package dev.hookstead.filter;

import dev.hookstead.config.Settings;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.MalformedURLException;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Registers {@link HooksteadFilter} as "hookstead" (async supported) for {@code /*} on REQUEST dispatches, after the
 * webapp's declared filter mappings, when the webapp holds {@code /WEB-INF/hookstead/manifest.json}. It stands back
 * when the webapp already declares a filter of that class (web.xml, with its init-params) or when
 * {@code hookstead.autoRegister} is false (context-param, system property or HOOKSTEAD_AUTOREGISTER).
 */
public class HooksteadInitializer implements ServletContainerInitializer {

    public static final String FILTER_NAME = "hookstead";
    private static final Logger LOG = LoggerFactory.getLogger(HooksteadInitializer.class);

    private final UnaryOperator<String> environment;

    public HooksteadInitializer() {
        this(System::getenv);
    }

    protected HooksteadInitializer(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        try {
            if (context.getResource(HooksteadFilter.MANIFEST_PATH) == null) return;
        } catch (MalformedURLException e) {
            return;
        }
        Settings settings = new Settings(context::getInitParameter, System::getProperty, environment);
        try {
            if (!settings.autoRegister()) {
                LOG.info("hookstead.autoRegister is false: declare HooksteadFilter yourself to serve the webhooks");
                return;
            }
        } catch (IllegalArgumentException e) {
            throw new ServletException(e.getMessage(), e);
        }
        if (declaresFilter(context)) return;
        FilterRegistration.Dynamic registration = context.addFilter(FILTER_NAME, newFilter());
        if (registration == null) {
            LOG.warn("the webapp declares a filter named \"{}\" of another class; Hookstead does not register itself",
                    FILTER_NAME);
            return;
        }
        registration.setAsyncSupported(true);
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    }

    /** The filter instance to register. */
    protected Filter newFilter() {
        return new HooksteadFilter(environment);
    }

    private static boolean declaresFilter(ServletContext context) {
        for (FilterRegistration registration : context.getFilterRegistrations().values()) {
            String className = registration.getClassName();
            if (className == null) continue;
            try {
                Class<?> type = Class.forName(className, false, context.getClassLoader());
                if (HooksteadFilter.class.isAssignableFrom(type)) return true;
            } catch (ClassNotFoundException | LinkageError e) {
                // A class the webapp cannot load is certainly not ours.
            }
        }
        return false;
    }
}
