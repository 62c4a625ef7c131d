package dev.flowfront.preview.simulator;

import java.util.Map;

/**
 * A request the simulated API handled and its response, for contract checks in tests. An event
 * stream is reported once when it opens, without a body, then once per frame with the frame's
 * {@code id} and its {@code data} as the body.
 *
 * @param path the request path, tenant included as sent
 * @param query the decoded query parameters, the first value of each
 * @param headers the response headers, by name
 * @param contentType the response's content type, or null when it has no body
 * @param body the response body or the frame's data; null when an event stream opens
 * @param eventId the frame's {@code id}, such as {@code progress}; null outside event streams
 */
public record ApiExchange(
        String method,
        String path,
        Map<String, String> query,
        int status,
        Map<String, String> headers,
        String contentType,
        byte[] body,
        String eventId) {}
