package dev.flowfront.preview.simulator;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kestra API operations the simulator serves, with their method and path below {@code
 * /api/v1/{tenant}/}. Declared most specific first, because matching takes the first route that
 * fits (a flow named {@code resume} would otherwise look like a resume call, as in Kestra).
 */
public enum Route {
    VALIDATE_RESUME("POST", "executions/([^/]+)/resume/validate"),
    RESUME("POST", "executions/([^/]+)/resume"),
    VALIDATE_CREATE("POST", "executions/([^/]+)/([^/]+)/validate"),
    CREATE_EXECUTION("POST", "executions/([^/]+)/([^/]+)"),
    FLOW_FOR_EXECUTION("GET", "executions/flows/([^/]+)/([^/]+)"),
    FOLLOW_EXECUTION("GET", "executions/([^/]+)/follow"),
    FILE_METAS("GET", "executions/([^/]+)/file/metas"),
    FILE("GET", "executions/([^/]+)/file"),
    EXECUTION_FLOW("GET", "executions/([^/]+)/flow"),
    SEARCH_EXECUTIONS("GET", "executions/search"),
    GET_EXECUTION("GET", "executions/([^/]+)"),
    KILL("DELETE", "executions/([^/]+)/kill"),
    FOLLOW_LOGS("GET", "logs/([^/]+)/follow"),
    LOGS("GET", "logs/([^/]+)");

    private final String method;
    private final Pattern path;

    Route(String method, String path) {
        this.method = method;
        this.path = Pattern.compile(path);
    }

    public String method() {
        return method;
    }

    /** A request path matched to a route, with the path's parameters in order. */
    public record Match(Route route, String[] parameters) {}

    /** Finds the route for a method and a path below {@code /api/v1/{tenant}/}. */
    static Optional<Match> find(String method, String path) {
        for (Route route : values()) {
            if (!route.method.equals(method)) {
                continue;
            }
            Matcher matcher = route.path.matcher(path);
            if (matcher.matches()) {
                String[] parameters = new String[matcher.groupCount()];
                for (int i = 0; i < parameters.length; i++) {
                    parameters[i] = matcher.group(i + 1);
                }
                return Optional.of(new Match(route, parameters));
            }
        }
        return Optional.empty();
    }

    /** Tests whether any route has this path, whatever its method, for CORS preflights. */
    static boolean exists(String path) {
        for (Route route : values()) {
            if (route.path.matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }
}
