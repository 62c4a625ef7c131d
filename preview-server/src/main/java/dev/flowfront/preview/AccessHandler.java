package dev.flowfront.preview;

import dev.flowfront.preview.simulator.ApiHandler;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * CORS and authentication in front of {@code /api/}, in Kestra's order: the CORS filter handles
 * preflights for routes that exist without credentials, then requests without valid credentials get
 * 401 with a {@code WWW-Authenticate} challenge. Error responses keep their CORS headers.
 */
final class AccessHandler extends Handler.Wrapper {

    private static final String ALLOWED_METHODS = "GET, POST, DELETE, OPTIONS";
    private static final String ALLOWED_HEADERS =
            "Authorization, Content-Type, Accept, Cache-Control, Last-Event-ID";

    private final Auth auth;
    private final List<String> allowedOrigins;

    AccessHandler(Handler next, Auth auth, List<String> allowedOrigins) {
        super(next);
        this.auth = auth;
        this.allowedOrigins = List.copyOf(allowedOrigins);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (!path.startsWith("/api/")) {
            return super.handle(request, response, callback);
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        boolean allowedOrigin = origin != null && allowedOrigins.contains(origin);
        boolean preflight =
                HttpMethod.OPTIONS.is(request.getMethod())
                        && request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD)
                                != null;
        if (preflight && allowedOrigin && ApiHandler.isApiPath(path)) {
            addCorsHeaders(response, origin);
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_MAX_AGE, "1800");
            response.setStatus(200);
            callback.succeeded();
            return true;
        }
        if (preflight && origin != null && !allowedOrigin) {
            sendJson(response, callback, 403, "Forbidden");
            return true;
        }
        if (allowedOrigin) {
            addCorsHeaders(response, origin);
        }
        if (!auth.accepts(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, auth.challenge());
            sendJson(response, callback, 401, "Unauthorized");
            return true;
        }
        return super.handle(request, response, callback);
    }

    private static void addCorsHeaders(Response response, String origin) {
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, "Content-Disposition");
        response.getHeaders().add(HttpHeader.VARY, "Origin");
    }

    private static void sendJson(Response response, Callback callback, int status, String message) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        String body = "{\"message\":\"" + message + "\"}";
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
